import { describe, expect, it } from 'vitest';
import type { Organization } from '../../src/import/organization.js';
import { parseOrganizationYaml } from '../../src/import/parse-yaml.js';
import { countPlan, type ExistingState, planImport } from '../../src/import/plan-import.js';
import { SMALL_YAML } from './samples.js';

function small(): Organization {
  const result = parseOrganizationYaml(SMALL_YAML);
  if (!result.ok) throw new Error('fixture');
  return result.organization;
}

const empty = (): ExistingState => ({
  fiscalYear: null,
  settings: new Map(),
  reviewWindows: [],
  departments: [],
  targets: [],
  continuedTargets: [],
});

/** The database state right after importing org (ids assigned in file order). */
function stateOf(org: Organization): ExistingState {
  let id = 1;
  const departments = org.departments.map((d, sortOrder) => ({
    id: id++,
    code: d.code,
    name: d.name,
    nameEn: d.nameEn,
    channelId: d.channelId,
    cadence: d.cadence,
    sortOrder,
    people: [
      ...d.managers.map((slackUserId) => ({ id: id++, slackUserId, role: 'manager' })),
      ...d.members.map((slackUserId) => ({ id: id++, slackUserId, role: 'member' })),
    ],
  }));
  return {
    fiscalYear: { id: 1, leadershipChannel: org.leadershipChannel },
    settings: new Map([
      ['hq_users', JSON.stringify(org.hqUsers)],
      ['hq_department', org.hqDepartment ?? ''],
      ['cadence', org.cadence ?? ''],
      ...(org.organizationName ? [['organization_name', org.organizationName] as [string, string]] : []),
    ]),
    reviewWindows: org.review.map((w) => ({ id: id++, ...w })),
    departments,
    targets: org.departments.flatMap((d, di) =>
      d.targets.map((t, sortOrder) => ({
        id: id++,
        code: t.code,
        departmentId: departments[di]?.id ?? 0,
        category: t.category,
        title: t.title,
        description: t.description,
        ownerId: t.ownerId,
        indicatorKind: t.indicator?.kind ?? null,
        indicatorUnit: t.indicator?.unit ?? null,
        indicatorBaseline: t.indicator?.baseline ?? null,
        indicatorTarget: t.indicator?.target ?? null,
        sortOrder,
        milestones: t.milestones.map((m, order) => ({
          id: id++,
          title: m.title,
          dueOn: m.dueOn,
          sortOrder: order,
          completed: false,
        })),
      })),
    ),
    continuedTargets: [],
  };
}

describe('planImport', () => {
  it('creates everything in an empty database', () => {
    const counts = countPlan(planImport(small(), empty()));
    expect(counts).toMatchObject({
      fiscalYear: 'create',
      departments: { created: 2, updated: 0, unchanged: 0 },
      targets: { created: 3, updated: 0, unchanged: 0 },
      milestones: { created: 3, updated: 0, unchanged: 0, deleted: 0 },
      people: { added: 6, removed: 0 },
      reviewWindows: { created: 1 },
      settings: { created: 3 },
      changed: true,
    });
  });

  it('changes nothing when the database already matches', () => {
    const org = small();
    const plan = planImport(org, stateOf(org));
    expect(countPlan(plan)).toMatchObject({
      fiscalYear: 'none',
      departments: { created: 0, updated: 0, unchanged: 2 },
      targets: { created: 0, updated: 0, unchanged: 3 },
      milestones: { created: 0, updated: 0, unchanged: 3, deleted: 0, kept: 0 },
      people: { added: 0, removed: 0, unchanged: 6 },
      settings: { created: 0, updated: 0, deleted: 0, unchanged: 3 },
      changed: false,
    });
    expect(plan.warnings).toEqual([]);
  });

  it('updates only what differs', () => {
    const org = small();
    const state = stateOf(org);
    const changed = small();
    const seisaku = changed.departments[0];
    if (!seisaku?.targets[0]) throw new Error('fixture');
    seisaku.targets[0].title = '新しい題名';
    seisaku.members = ['U0SEISAK01'];
    seisaku.targets[0].milestones.push({ title: '運用開始', dueOn: '2027-03-31' });
    changed.leadershipChannel = 'C0LEAD0002';
    changed.hqUsers = null;
    const plan = planImport(changed, state);
    expect(countPlan(plan)).toMatchObject({
      fiscalYear: 'update',
      departments: { created: 0, updated: 0, unchanged: 2 },
      targets: { created: 0, updated: 1, unchanged: 2 },
      milestones: { created: 1, updated: 0, unchanged: 3 },
      people: { added: 0, removed: 1, unchanged: 5 },
      settings: { deleted: 1, unchanged: 2 },
      changed: true,
    });
    expect(plan.departments[0]?.people.remove).toEqual([
      expect.objectContaining({ slackUserId: 'U0SEISAK02', role: 'member' }),
    ]);
  });

  it('deletes dropped milestones unless completed, and warns about kept ones and dropped targets', () => {
    const org = small();
    const state = stateOf(org);
    const sk1 = state.targets.find((t) => t.code === 'SK-1');
    if (!sk1?.milestones[1]) throw new Error('fixture');
    sk1.milestones[1].completed = true;
    const changed = small();
    const seisaku = changed.departments[0];
    if (!seisaku?.targets[0]) throw new Error('fixture');
    seisaku.targets[0].milestones = [];
    seisaku.targets.pop();
    const plan = planImport(changed, state);
    const target = plan.departments[0]?.targets[0];
    expect(target?.milestones.delete.map((m) => m.title)).toEqual(['要件定義']);
    expect(target?.milestones.keep.map((m) => m.title)).toEqual(['開設']);
    expect(plan.warnings).toEqual([
      'milestone "開設" of target SK-1 is not in the file but was completed; it was kept',
      'target SK-2 "補正予算対応" is in the database for FY2026 but not in the file; it was kept (targets have history)',
    ]);
  });

  it('moves a target to another department, and reorders by file order', () => {
    const org = small();
    const state = stateOf(org);
    const changed = small();
    const [seisaku, somu] = changed.departments;
    if (!seisaku || !somu) throw new Error('fixture');
    const moved = seisaku.targets.shift();
    if (!moved) throw new Error('fixture');
    somu.targets.unshift(moved);
    const plan = planImport(changed, state);
    const somuPlan = plan.departments[1];
    expect(somuPlan?.targets.map((t) => [t.code, t.action, t.fields.sortOrder])).toEqual([
      ['SK-1', 'update', 0],
      ['SM-1', 'update', 1],
    ]);
    expect(somuPlan?.targets[0]?.movedFrom).toBe(state.departments[0]?.id);
    expect(plan.departments[0]?.targets.map((t) => [t.code, t.action])).toEqual([['SK-2', 'update']]);
  });

  it('deletes review windows the file no longer has and warns about departments it does not list', () => {
    const org = small();
    const state = stateOf(org);
    state.reviewWindows.push({
      id: 99,
      name: '本部確認',
      role: 'check',
      opensOn: '2027-06-21',
      closesOn: '2027-07-10',
    });
    state.departments.push({
      id: 98,
      code: 'old',
      name: '旧部',
      nameEn: null,
      channelId: null,
      cadence: null,
      sortOrder: 5,
      people: [],
    });
    const plan = planImport(org, state);
    expect(plan.reviewWindows.delete).toEqual([{ id: 99, name: '本部確認' }]);
    expect(plan.warnings).toEqual(['department old "旧部" is in the database but not in the file; it was kept']);
  });

  it('words its warnings in Japanese when asked', () => {
    const org = small();
    const state = stateOf(org);
    const sk1 = state.targets.find((t) => t.code === 'SK-1');
    if (!sk1?.milestones[1]) throw new Error('fixture');
    sk1.milestones[1].completed = true;
    state.departments.push({
      id: 98,
      code: 'old',
      name: '旧部',
      nameEn: null,
      channelId: null,
      cadence: null,
      sortOrder: 5,
      people: [],
    });
    const changed = small();
    const seisaku = changed.departments[0];
    if (!seisaku?.targets[0]) throw new Error('fixture');
    seisaku.targets[0].milestones = [];
    seisaku.targets.pop();
    expect(planImport(changed, state, 'ja').warnings).toEqual([
      '目標 SK-1 のマイルストーン「開設」はファイルにありませんが、完了済みのため残しました',
      '目標 SK-2「補正予算対応」は令和8年度のデータベースにありますが、ファイルにありません。履歴があるため残しました',
      '部 old「旧部」はデータベースにありますが、ファイルにありません。残しました',
    ]);
  });
});
