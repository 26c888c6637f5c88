import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_COUNT, parseOrganizationYaml } from '../../src/import/parse-yaml.js';
import { EXAMPLE_YAML, problemLines, SMALL_YAML } from './samples.js';

describe('parseOrganizationYaml', () => {
  it('reads the example organisation: 20 departments, 279 targets, 739 milestones', () => {
    const result = parseOrganizationYaml(readFileSync(EXAMPLE_YAML, 'utf8'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const org = result.organization;
    expect(org.fiscalYear).toBe(2026);
    expect(org.leadershipChannel).toBe('C0LEAD0001');
    expect(org.hqUsers).toEqual(['U0HQ000001']);
    expect(org.review.map((w) => w.name)).toEqual(['自己評価', '本部確認']);
    expect(org.departments).toHaveLength(20);
    expect(org.departments.flatMap((d) => d.targets)).toHaveLength(279);
    expect(org.departments.flatMap((d) => d.targets.flatMap((t) => t.milestones))).toHaveLength(739);
    expect(result.warnings).toEqual([]);
  });

  it('normalises the small sample: trims, keeps description line breaks, defaults lists', () => {
    const result = parseOrganizationYaml(SMALL_YAML);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [seisaku, somu] = result.organization.departments;
    expect(seisaku?.targets[0]).toEqual({
      code: 'SK-1',
      category: '施策',
      title: '区公式LINEの開設',
      description: '区公式LINEを開設し、\n情報発信を強化する',
      ownerId: 'U0SEISAK01',
      indicator: { kind: 'outcome', unit: '%', baseline: 0, target: 100 },
      milestones: [
        { title: '要件定義', dueOn: '2026-09-30' },
        { title: '開設', dueOn: '2027-03-01' },
      ],
    });
    expect(seisaku?.targets[1]).toMatchObject({ description: null, ownerId: null, indicator: null, milestones: [] });
    expect(somu).toMatchObject({ nameEn: null, channelId: null, cadence: 'weekly' });
    expect(result.organization).toMatchObject({ hqDepartment: 'seisaku', cadence: 'biweekly' });
  });

  it('reports syntax errors with their line', () => {
    const lines = problemLines(parseOrganizationYaml('fiscal_year: 2026\ndepartments: [\n  - code: x\n'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^line \d+, column \d+: YAML syntax error/);
  });

  it('rejects duplicate keys with their line', () => {
    const lines = problemLines(parseOrganizationYaml('fiscal_year: 2026\nfiscal_year: 2027\n'));
    expect(lines[0]).toMatch(/^line 2, column 1: YAML syntax error: Map keys must be unique/);
  });

  it('stops an alias bomb with a clear message', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    // Expanded in full, the document would be 9^9 strings: without the limit this never returns.
    const lines = problemLines(parseOrganizationYaml(levels.join('\n')));
    expect(lines).toEqual([expect.stringContaining(`more than ${MAX_ALIAS_COUNT} alias expansions`)]);
  });

  it('still allows a few aliases for shared lists', () => {
    const text = SMALL_YAML.replace('managers: [U0SEISAKM1]', 'managers: &m [U0SEISAKM1]').replace(
      'managers: [U0SOMUBUM1]',
      'managers: *m',
    );
    const result = parseOrganizationYaml(text);
    expect(result.ok && result.organization.departments[1]?.managers).toEqual(['U0SEISAKM1']);
  });

  it('lists every problem with its YAML path and line, in file order', () => {
    const text = SMALL_YAML.replace('title: 区公式LINEの開設', 'title: "区公式LINE\\u0007の開設"')
      .replace('{ title: 要件定義, due: 2026-09-30 }', '{ title: 要件定義, due: 2026-02-30 }')
      .replace('{ title: 研修計画, due: 2026-05-15 }', '{ title: 研修計画, due: 2027-05-15 }')
      .replace('code: SM-1', 'code: SK-2')
      .replace('cadence: weekly', 'cadance: weekly');
    const lines = problemLines(parseOrganizationYaml(text));
    expect(lines).toEqual([
      'departments[0].targets[0].title (line 18): contains control characters or line breaks',
      'departments[0].targets[0].milestones[0].due (line 25): "2026-02-30" is not a date (write 2026-09-30, 2026/9/30, 2026年9月30日 or 令和8年9月30日)',
      expect.stringMatching(
        /^departments\[1\]\.cadance \(line 32\): unknown key "cadance" \(did you mean "cadence"\?\)/,
      ),
      'departments[1].targets[0].code (line 36): duplicate target code "SK-2" (first at departments[0].targets[1].code, line 27)',
      'departments[1].targets[0].milestones[0].due (line 40): 2027-05-15 is outside fiscal year 2026 (2026-04-01 .. 2027-03-31)',
    ]);
  });

  it('rejects numbers that are not finite: 1e309, .nan, .inf', () => {
    for (const bad of ['1e309', '.nan', '.inf', '-.inf']) {
      const text = SMALL_YAML.replace('baseline: 0', `baseline: ${bad}`);
      const lines = problemLines(parseOrganizationYaml(text));
      expect(lines).toEqual([
        expect.stringMatching(
          /^departments\[0\]\.targets\[0\]\.indicator\.baseline \(line 23\): must be a finite number/,
        ),
      ]);
    }
  });

  it('reads indicator numbers written as text as the progress modal does (1,234, full-width digits)', () => {
    const indicator = (baseline: string, target: string) =>
      SMALL_YAML.replace(
        "indicator: { kind: outcome, unit: '%', baseline: 0, target: 100 }",
        `indicator:\n          kind: outcome\n          baseline: ${baseline}\n          target: ${target}`,
      );
    const result = parseOrganizationYaml(indicator('1,234', '"－１２．５"'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.organization.departments[0]?.targets[0]?.indicator).toEqual({
      kind: 'outcome',
      unit: null,
      baseline: 1234,
      target: -12.5,
    });
    expect(problemLines(parseOrganizationYaml(indicator('12,5', '１e309')))).toEqual([
      'departments[0].targets[0].indicator.baseline (line 25): must be a finite number, not "12,5"',
      'departments[0].targets[0].indicator.target (line 26): must be a finite number, not Infinity',
    ]);
  });

  it('asks for quotes when a text field is a number, and rejects a text year', () => {
    const text = SMALL_YAML.replace('title: 補正予算対応', 'title: 2026').replace(
      'fiscal_year: 2026',
      'fiscal_year: "R8"',
    );
    expect(problemLines(parseOrganizationYaml(text))).toEqual([
      'fiscal_year (line 1): must be a year such as 2026, not a string',
      'departments[0].targets[1].title (line 29): must be text (put quotes around numbers used as text), not a number',
    ]);
  });

  it('reports missing required keys at the object that lacks them', () => {
    const text = 'fiscal_year: 2026\ndepartments:\n  - code: a\n    targets:\n      - { code: A-1, category: 施策 }\n';
    expect(problemLines(parseOrganizationYaml(text))).toEqual([
      'leadership_channel (line 1): is required',
      'departments[0].name (line 3): is required',
      'departments[0].targets[0].title (line 5): is required',
    ]);
  });

  it('rejects a document that is not a mapping', () => {
    expect(problemLines(parseOrganizationYaml('- a\n- b\n'))[0]).toMatch(
      /^\(top level\) \(line 1\): must be a mapping/,
    );
  });
});
