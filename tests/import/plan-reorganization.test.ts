import { describe, expect, it } from 'vitest';
import type { Organization, OrgDepartment } from '../../src/import/organization.js';
import { planReorganization, type ReorganizationState } from '../../src/import/plan-reorganization.js';

const department = (code: string, name: string, extra: Partial<OrgDepartment> = {}): OrgDepartment => ({
  code,
  name,
  nameEn: null,
  channelId: null,
  cadence: null,
  managers: [],
  members: [],
  continues: [],
  targets: [],
  ...extra,
});

const org = (departments: OrgDepartment[]): Organization => ({
  fiscalYear: 2027,
  leadershipChannel: 'C0LEAD0001',
  organizationName: null,
  hqUsers: null,
  hqDepartment: null,
  cadence: null,
  review: [],
  departments,
});

const state: ReorganizationState = {
  departments: [
    { id: 1, code: 'old', name: '旧部', people: [{ id: 10, slackUserId: 'U0OLD00001', role: 'manager' }] },
    { id: 2, code: 'keep', name: '存続部', people: [] },
  ],
  continuedTargets: [
    { id: 100, code: 'O-1', fiscalYear: 2026, departmentId: 1, ownerId: null },
    { id: 101, code: 'K-1', fiscalYear: 2026, departmentId: 2, ownerId: 'U0KEEP0001' },
  ],
};

describe('planReorganization', () => {
  it('reads one department continuing one that leaves the file as a rename under a new code', () => {
    const plan = planReorganization(
      org([department('new', '新部', { continues: ['old'], managers: ['U0OLD00001'] })]),
      state,
      [{ code: 'new', add: [{ slackUserId: 'U0OLD00001' }], remove: [] }],
    );
    expect(plan.successions).toEqual([
      { kind: 'rename', from: [{ code: 'old', name: '旧部' }], to: [{ code: 'new', name: '新部' }] },
    ]);
    expect(plan.targetMoves).toEqual([{ targetId: 100, code: 'O-1', fiscalYear: 2026, from: 'old', to: 'new' }]);
    expect(plan.retired.map((d) => d.code)).toEqual(['old']);
    expect(plan.personMoves).toEqual([
      { slackUserId: 'U0OLD00001', from: [{ code: 'old', name: '旧部' }], to: [{ code: 'new', name: '新部' }] },
    ]);
  });

  it('leaves the targets with a department that stays in the file when another splits off it', () => {
    const plan = planReorganization(
      org([department('keep', '存続部'), department('part', '分離部', { continues: ['keep'] })]),
      state,
      [],
    );
    expect(plan.successions).toEqual([
      {
        kind: 'split-off',
        from: [{ code: 'keep', name: '存続部' }],
        to: [
          { code: 'keep', name: '存続部' },
          { code: 'part', name: '分離部' },
        ],
      },
    ]);
    expect(plan.targetMoves).toEqual([]);
    expect(plan.retired).toEqual([]);
  });

  it('does not take this year’s targets the file lists elsewhere, and tells a role change from a move', () => {
    const withThisYear: ReorganizationState = {
      ...state,
      continuedTargets: [
        ...state.continuedTargets,
        { id: 102, code: 'N-1', fiscalYear: 2027, departmentId: 1, ownerId: null },
      ],
    };
    const plan = planReorganization(
      org([
        department('new', '新部', {
          continues: ['old'],
          targets: [
            {
              code: 'N-1',
              category: '施策',
              title: 't',
              description: null,
              ownerId: null,
              indicator: null,
              milestones: [],
            },
          ],
        }),
      ]),
      withThisYear,
      [{ code: 'keep', add: [{ slackUserId: 'U0KEEP0001' }], remove: [{ slackUserId: 'U0KEEP0001' }] }],
    );
    expect(plan.targetMoves.map((m) => m.code)).toEqual(['O-1']);
    expect(plan.personMoves).toEqual([]);
  });

  it('names continues codes that are unknown or new in the same file as problems', () => {
    const plan = planReorganization(
      org([department('a', 'A', { continues: ['b', 'ghost'] }), department('b', 'B')]),
      state,
      [],
    );
    expect(plan.problems).toEqual([
      'department a continues b, which is new in this file (continues names departments already imported)',
      'department a continues ghost, which is not a department in the database',
    ]);
  });
});
