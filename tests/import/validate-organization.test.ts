import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, validateOrganization } from '../../src/import/validate-organization.js';

/** A minimal valid organisation in the file's shape; tests change one thing at a time. */
function base() {
  return {
    fiscal_year: 2026,
    leadership_channel: 'C0LEAD0001',
    review: [{ name: '自己評価', opens: '2027-06-01', closes: '2027-06-20' }],
    departments: [
      {
        code: 'seisaku',
        name: '政策経営部',
        managers: ['U0SEISAKM1'],
        members: ['U0SEISAK01'],
        targets: [
          {
            code: 'SK-1',
            category: '施策',
            title: '区公式LINEの開設',
            owner: 'U0SEISAK01',
            milestones: [{ title: '要件定義', due: '2026-09-30' }],
          },
        ],
      },
    ],
  };
}

function errorsOf(raw: unknown): string[] {
  return validateOrganization(raw).errors.map((e) => `${formatPath(e.path)}: ${e.message}`);
}

describe('validateOrganization', () => {
  it('accepts the minimal organisation', () => {
    const result = validateOrganization(base());
    expect(result.errors).toEqual([]);
    expect(result.organization?.departments[0]?.targets[0]?.milestones).toEqual([
      { title: '要件定義', dueOn: '2026-09-30' },
    ]);
  });

  it('rejects unknown keys at every level, suggesting the near miss', () => {
    const raw = base() as Record<string, unknown>;
    raw.leadership_chanel = 'C0LEAD0001';
    const department = base().departments[0] as Record<string, unknown>;
    department.manager = ['U0X1'];
    const target = base().departments[0]?.targets[0] as Record<string, unknown>;
    target.indicator = { kind: 'outcome', units: '%' };
    target.milestones = [{ title: 'a', due: '2026-09-30', done: true }];
    raw.departments = [{ ...department, targets: [target] }];
    // Zod reports what is inside an object before the object's own unknown keys.
    expect(errorsOf(raw)).toEqual([
      expect.stringMatching(
        /^departments\[0\]\.targets\[0\]\.indicator\.units: unknown key "units" \(did you mean "unit"\?\)/,
      ),
      'departments[0].targets[0].milestones[0].done: unknown key "done" (did you mean "due"?); allowed: title, due',
      expect.stringMatching(
        /^departments\[0\]\.manager: unknown key "manager" \(did you mean "managers"\?\); allowed: code, name/,
      ),
      expect.stringMatching(
        /^leadership_chanel: unknown key "leadership_chanel" \(did you mean "leadership_channel"\?\)/,
      ),
    ]);
    const unrelated = { ...base(), 部署: [] };
    expect(errorsOf(unrelated)).toEqual([expect.stringMatching(/^部署: unknown key "部署"; allowed: fiscal_year, /)]);
  });

  it('rejects duplicate department codes, target codes, milestone titles, review names and people', () => {
    const raw = base();
    const dep = raw.departments[0];
    if (!dep) throw new Error('fixture');
    dep.members.push('U0SEISAK01');
    dep.targets.push({ ...structuredClone(dep.targets[0] as (typeof dep.targets)[number]) });
    dep.targets[0]?.milestones.push({ title: '要件定義', due: '2026-10-01' });
    raw.departments.push({ ...structuredClone(dep), targets: [] });
    raw.review.push({ name: '自己評価', opens: '2027-06-01', closes: '2027-06-02' });
    expect(errorsOf(raw)).toEqual([
      'review[1].name: duplicate review window name "自己評価"',
      'departments[1].code: duplicate department code "seisaku"',
      'departments[0].members[1]: duplicate member "U0SEISAK01"',
      'departments[0].targets[0].milestones[1].title: duplicate milestone title in this target "要件定義"',
      'departments[1].members[1]: duplicate member "U0SEISAK01"',
      'departments[0].targets[1].code: duplicate target code "SK-1"',
    ]);
    expect(validateOrganization(raw).errors.find((e) => e.message.startsWith('duplicate target'))?.related).toEqual([
      'departments',
      0,
      'targets',
      0,
      'code',
    ]);
  });

  it('rejects a lone surrogate escape, which is not text', () => {
    const raw = base();
    const target = raw.departments[0]?.targets[0] as Record<string, unknown>;
    target.title = 'タイトル\ud800';
    expect(errorsOf(raw)).toEqual([
      'departments[0].targets[0].title: contains an unpaired surrogate escape such as \\ud800 (not text)',
    ]);
  });

  it('rejects control characters, but keeps newlines and tabs in descriptions', () => {
    const raw = base();
    const target = raw.departments[0]?.targets[0] as Record<string, unknown>;
    target.title = 'タイトル\u0000';
    target.category = '施策\n';
    target.description = '一行目\r\n二行目\tタブ\u001b[31m';
    expect(errorsOf(raw)).toEqual([
      'departments[0].targets[0].title: contains control characters or line breaks',
      'departments[0].targets[0].description: contains control characters (only line breaks and tabs are allowed)',
    ]);
    target.title = ' タイトル ';
    target.description = '一行目\r\n二行目\tタブ';
    const ok = validateOrganization(raw);
    expect(ok.errors).toEqual([]);
    expect(ok.organization?.departments[0]?.targets[0]).toMatchObject({
      title: 'タイトル',
      category: '施策',
      description: '一行目\n二行目\tタブ',
    });
  });

  it('rejects huge strings without echoing them', () => {
    const raw = base();
    const target = raw.departments[0]?.targets[0] as Record<string, unknown>;
    target.title = 'あ'.repeat(151);
    target.description = 'x'.repeat(1_000_000);
    target.category = '区分'.repeat(16);
    const errors = errorsOf(raw);
    expect(errors).toEqual([
      'departments[0].targets[0].category: is too long: 32 characters (at most 30)',
      'departments[0].targets[0].title: is too long: 151 characters (at most 150)',
      'departments[0].targets[0].description: is too long: 1000000 characters (at most 3000)',
    ]);
    target.title = 'あ'.repeat(150);
    target.description = 'x'.repeat(3000);
    target.category = '区分'.repeat(15);
    expect(errorsOf(raw)).toEqual([]);
  });

  it('counts characters, not UTF-16 units (emoji and rare kanji)', () => {
    const raw = base();
    (raw.departments[0]?.targets[0] as Record<string, unknown>).title = '𠮷'.repeat(150);
    expect(errorsOf(raw)).toEqual([]);
  });

  it('rejects non-finite and non-numeric indicator values', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.parseFloat('1e309'), '12']) {
      const raw = base();
      (raw.departments[0]?.targets[0] as Record<string, unknown>).indicator = {
        kind: 'outcome',
        baseline: 0,
        target: bad,
      };
      expect(errorsOf(raw)).toEqual([
        expect.stringMatching(/^departments\[0\]\.targets\[0\]\.indicator\.target: must be a finite number, not /),
      ]);
    }
  });

  it('checks Slack ids, codes, cadence and indicator kind', () => {
    const raw = base() as Record<string, unknown>;
    raw.leadership_channel = '#general';
    raw.hq_users = ['u0lower'];
    raw.cadence = 'daily';
    const dep = base().departments[0] as Record<string, unknown>;
    dep.code = 'Seisaku';
    dep.channel = 'U0NOTCHAN';
    const target = base().departments[0]?.targets[0] as Record<string, unknown>;
    target.code = 'SK 1';
    target.owner = '<@U0SEISAK01>';
    target.indicator = { kind: 'output' };
    dep.targets = [target];
    raw.departments = [dep];
    expect(errorsOf(raw)).toEqual([
      expect.stringMatching(/^leadership_channel: "#general" is not a Slack channel id/),
      expect.stringMatching(/^hq_users\[0\]: "u0lower" is not a Slack user id/),
      'cadence: must be weekly, biweekly or monthly, not "daily"',
      expect.stringMatching(/^departments\[0\]\.code: "Seisaku" is not a department code/),
      expect.stringMatching(/^departments\[0\]\.channel: "U0NOTCHAN" is not a Slack channel id/),
      expect.stringMatching(/^departments\[0\]\.targets\[0\]\.code: "SK 1" is not a target code/),
      expect.stringMatching(/^departments\[0\]\.targets\[0\]\.owner: "<@U0SEISAK01>" is not a Slack user id/),
      'departments[0].targets[0].indicator.kind: must be activity or outcome, not "output"',
    ]);
  });

  it('checks dates: real days in any accepted form, windows in order, milestones inside the fiscal year', () => {
    const raw = base();
    raw.review = [{ name: '自己評価', opens: '2027-06-20', closes: '2027-06-01' }];
    const target = raw.departments[0]?.targets[0];
    if (!target) throw new Error('fixture');
    target.milestones = [
      { title: 'a', due: '2026-04-01' },
      { title: 'b', due: '2027-03-31' },
      { title: 'c', due: '2026-03-31' },
      { title: 'd', due: '2027-04-01' },
      { title: 'e', due: '2026-13-01' },
      { title: 'f', due: '2026/9/30' },
      { title: 'g', due: '令和8年10月1日' },
      { title: 'h', due: '2027/13/45' },
      { title: 'i', due: '２０２７／１３／４５' },
      { title: 'j', due: '2027/4/1' },
    ];
    const forms = '(write 2026-09-30, 2026/9/30, 2026年9月30日 or 令和8年9月30日)';
    expect(errorsOf(raw)).toEqual([
      `departments[0].targets[0].milestones[4].due: "2026-13-01" is not a date ${forms}`,
      `departments[0].targets[0].milestones[7].due: "2027/13/45" is not a date ${forms}`,
      `departments[0].targets[0].milestones[8].due: "２０２７／１３／４５" is not a date ${forms}`,
      'review[0].closes: 2027-06-01 is before opens 2027-06-20',
      'departments[0].targets[0].milestones[2].due: 2026-03-31 is outside fiscal year 2026 (2026-04-01 .. 2027-03-31)',
      'departments[0].targets[0].milestones[3].due: 2027-04-01 is outside fiscal year 2026 (2026-04-01 .. 2027-03-31)',
      'departments[0].targets[0].milestones[9].due: 2027-04-01 is outside fiscal year 2026 (2026-04-01 .. 2027-03-31)',
    ]);
  });

  it('reads a review window role, infers it from the name when absent, and refuses an unknown one', () => {
    const raw = base();
    raw.review = [
      { name: '自己評価', opens: '2027-06-01', closes: '2027-06-10' },
      { name: '部長承認', opens: '2027-06-11', closes: '2027-06-20' },
      { name: '本部確認', opens: '2027-06-21', closes: '2027-07-10' },
      { name: 'ヒアリング', opens: '2027-07-11', closes: '2027-07-20', role: 'check' } as never,
    ];
    expect(validateOrganization(raw).organization?.review.map((w) => [w.name, w.role])).toEqual([
      ['自己評価', 'self'],
      ['部長承認', 'approve'],
      ['本部確認', 'check'],
      ['ヒアリング', 'check'],
    ]);
    const wrong = base();
    wrong.review = [{ name: '自己評価', opens: '2027-06-01', closes: '2027-06-20', role: 'boss' } as never];
    expect(errorsOf(wrong)).toEqual(['review[0].role: must be self, approve or check, not "boss"']);
  });

  it('requires hq_department to name a department of the file', () => {
    const raw = { ...base(), hq_department: 'honbu' };
    expect(errorsOf(raw)).toEqual(['hq_department: "honbu" is not the code of a department in this file']);
  });

  it('warns (without failing) when an owner is not in the department', () => {
    const raw = base();
    (raw.departments[0]?.targets[0] as Record<string, unknown>).owner = 'U0OUTSIDE1';
    const result = validateOrganization(raw);
    expect(result.errors).toEqual([]);
    expect(result.organization).not.toBeNull();
    expect(result.warnings.map((w) => w.message)).toEqual([
      'U0OUTSIDE1 is not a manager or member of department "seisaku"',
    ]);
  });

  it('requires at least one department and a fiscal year in range', () => {
    expect(errorsOf({ ...base(), fiscal_year: 2026.5, departments: [] })).toEqual([
      'fiscal_year: must be a year such as 2026',
      'departments: must list at least one department',
    ]);
    expect(errorsOf({ ...base(), fiscal_year: 1999 })).toEqual(['fiscal_year: must be a year between 2000 and 2100']);
  });

  it('never throws, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = validateOrganization({ ...base(), departments: [value] });
        expect(result.organization === null).toBe(result.errors.length > 0);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(validateOrganization(value).errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
