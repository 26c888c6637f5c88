import { fiscalYearLabel } from '../calendar/format.js';
import { type Locale, t as message } from '../i18n/messages.js';
import type { Cadence, Organization, OrgIndicator, OrgReviewWindow } from './organization.js';
import { planReorganization, type Reorganization, type ReorganizationState } from './plan-reorganization.js';

/** What the database holds for the organisation and the file's fiscal year, loaded in bulk. */
export interface ExistingState {
  fiscalYear: { id: number; leadershipChannel: string | null } | null;
  settings: Map<string, string>;
  reviewWindows: { id: number; name: string; role: string; opensOn: string; closesOn: string }[];
  departments: ExistingDepartment[];
  targets: ExistingTarget[];
  /** Targets of every year that belong to departments the file's `continues` lists name. */
  continuedTargets: ReorganizationState['continuedTargets'];
}

export interface ExistingDepartment {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  channelId: string | null;
  cadence: string | null;
  sortOrder: number;
  people: { id: number; slackUserId: string; role: string }[];
}

export interface ExistingTarget extends TargetFields {
  id: number;
  code: string;
  departmentId: number;
  milestones: ExistingMilestone[];
}

export interface ExistingMilestone {
  id: number;
  title: string;
  dueOn: string;
  sortOrder: number;
  /** Marked done, or named by a progress update: it has history and is never deleted. */
  completed: boolean;
}

export interface DepartmentFields {
  name: string;
  nameEn: string | null;
  channelId: string | null;
  cadence: Cadence | null;
  sortOrder: number;
}

export interface TargetFields {
  category: string;
  title: string;
  description: string | null;
  ownerId: string | null;
  indicatorKind: string | null;
  indicatorUnit: string | null;
  indicatorBaseline: number | null;
  indicatorTarget: number | null;
  sortOrder: number;
}

export type RowAction = 'create' | 'update' | 'none';

export interface MilestonePlan {
  create: { title: string; dueOn: string; sortOrder: number }[];
  update: { id: number; title: string; dueOn: string; sortOrder: number }[];
  delete: { id: number; title: string }[];
  /** Completed milestones the file no longer lists: kept, and warned about. */
  keep: { id: number; title: string }[];
  unchanged: number;
}

export interface TargetPlan {
  code: string;
  existingId: number | null;
  action: RowAction;
  /** Moving a target between departments counts as an update. */
  movedFrom: number | null;
  fields: TargetFields;
  milestones: MilestonePlan;
}

export interface DepartmentPlan {
  code: string;
  name: string;
  existingId: number | null;
  action: RowAction;
  fields: DepartmentFields;
  people: {
    add: { slackUserId: string; role: 'manager' | 'member' }[];
    remove: { id: number; slackUserId: string; role: string }[];
    unchanged: number;
  };
  targets: TargetPlan[];
}

export const SETTING_KEYS = ['hq_users', 'hq_department', 'cadence', 'organization_name'] as const;

export interface ImportPlan {
  fiscalYear: { year: number; existingId: number | null; action: RowAction; leadershipChannel: string };
  settings: { set: { key: string; value: string; action: 'create' | 'update' }[]; remove: string[]; unchanged: number };
  reviewWindows: {
    create: OrgReviewWindow[];
    update: (OrgReviewWindow & { id: number })[];
    delete: { id: number; name: string }[];
    unchanged: number;
  };
  departments: DepartmentPlan[];
  /** Renames, merges, splits and people moving between departments. */
  reorganization: Reorganization;
  warnings: string[];
}

/** Compares the file with the database and lists exactly the rows that must change; warnings in the language. */
export function planImport(org: Organization, existing: ExistingState, locale: Locale = 'en'): ImportPlan {
  const warnings: string[] = [];

  const fiscalYear = {
    year: org.fiscalYear,
    existingId: existing.fiscalYear?.id ?? null,
    action: (!existing.fiscalYear
      ? 'create'
      : existing.fiscalYear.leadershipChannel !== org.leadershipChannel
        ? 'update'
        : 'none') as RowAction,
    leadershipChannel: org.leadershipChannel,
  };

  const wanted: Record<(typeof SETTING_KEYS)[number], string | null> = {
    hq_users: org.hqUsers ? JSON.stringify(org.hqUsers) : null,
    hq_department: org.hqDepartment,
    cadence: org.cadence,
    organization_name: org.organizationName,
  };
  const settings: ImportPlan['settings'] = { set: [], remove: [], unchanged: 0 };
  for (const key of SETTING_KEYS) {
    const value = wanted[key];
    const current = existing.settings.get(key);
    if (value === null) {
      if (current !== undefined) settings.remove.push(key);
    } else if (current === undefined) settings.set.push({ key, value, action: 'create' });
    else if (current !== value) settings.set.push({ key, value, action: 'update' });
    else settings.unchanged++;
  }

  const reviewWindows: ImportPlan['reviewWindows'] = { create: [], update: [], delete: [], unchanged: 0 };
  const windowsByName = new Map(existing.reviewWindows.map((w) => [w.name, w]));
  for (const w of org.review) {
    const current = windowsByName.get(w.name);
    if (!current) reviewWindows.create.push(w);
    else if (current.opensOn !== w.opensOn || current.closesOn !== w.closesOn || current.role !== w.role) {
      reviewWindows.update.push({ id: current.id, ...w });
    } else reviewWindows.unchanged++;
  }
  const fileWindows = new Set(org.review.map((w) => w.name));
  for (const w of existing.reviewWindows) {
    if (!fileWindows.has(w.name)) reviewWindows.delete.push({ id: w.id, name: w.name });
  }

  const departmentsByCode = new Map(existing.departments.map((d) => [d.code, d]));
  const targetsByCode = new Map(existing.targets.map((t) => [t.code, t]));
  const departments = org.departments.map((d, index): DepartmentPlan => {
    const current = departmentsByCode.get(d.code);
    const fields: DepartmentFields = {
      name: d.name,
      nameEn: d.nameEn,
      channelId: d.channelId,
      cadence: d.cadence,
      sortOrder: index,
    };
    const wantedPeople = [
      ...d.managers.map((slackUserId) => ({ slackUserId, role: 'manager' as const })),
      ...d.members.map((slackUserId) => ({ slackUserId, role: 'member' as const })),
    ];
    const key = (p: { slackUserId: string; role: string }) => `${p.role}:${p.slackUserId}`;
    const currentPeople = new Map((current?.people ?? []).map((p) => [key(p), p]));
    const wantedKeys = new Set(wantedPeople.map(key));
    const people = {
      add: wantedPeople.filter((p) => !currentPeople.has(key(p))),
      remove: (current?.people ?? []).filter((p) => !wantedKeys.has(key(p))),
      unchanged: wantedPeople.filter((p) => currentPeople.has(key(p))).length,
    };
    const targets = d.targets.map((t, targetIndex): TargetPlan => {
      const existingTarget = targetsByCode.get(t.code);
      const targetFields: TargetFields = {
        category: t.category,
        title: t.title,
        description: t.description,
        ownerId: t.ownerId,
        ...indicatorFields(t.indicator),
        sortOrder: targetIndex,
      };
      const moved = existingTarget !== undefined && existingTarget.departmentId !== current?.id;
      return {
        code: t.code,
        existingId: existingTarget?.id ?? null,
        action: !existingTarget ? 'create' : moved || !sameFields(existingTarget, targetFields) ? 'update' : 'none',
        movedFrom: moved ? (existingTarget?.departmentId ?? null) : null,
        fields: targetFields,
        milestones: planMilestones(t.code, t.milestones, existingTarget?.milestones ?? [], warnings, locale),
      };
    });
    return {
      code: d.code,
      name: d.name,
      existingId: current?.id ?? null,
      action: !current ? 'create' : sameDepartment(current, fields) ? 'none' : 'update',
      fields,
      people,
      targets,
    };
  });

  const fileTargets = new Set(org.departments.flatMap((d) => d.targets.map((t) => t.code)));
  for (const t of existing.targets) {
    if (!fileTargets.has(t.code)) {
      warnings.push(
        message(locale, 'import.plan.target_kept', {
          code: t.code,
          title: t.title,
          fy: fiscalYearLabel(org.fiscalYear, locale),
        }),
      );
    }
  }
  const reorganization = planReorganization(
    org,
    { departments: existing.departments, continuedTargets: existing.continuedTargets },
    departments.map((d) => ({ code: d.code, add: d.people.add, remove: d.people.remove })),
    locale,
  );
  const fileDepartments = new Set(org.departments.map((d) => d.code));
  const continued = new Set(org.departments.flatMap((d) => d.continues));
  for (const d of existing.departments) {
    if (!fileDepartments.has(d.code) && !continued.has(d.code)) {
      warnings.push(message(locale, 'import.plan.department_kept', { code: d.code, name: d.name }));
    }
  }
  return { fiscalYear, settings, reviewWindows, departments, reorganization, warnings };
}

function planMilestones(
  targetCode: string,
  wanted: { title: string; dueOn: string }[],
  current: ExistingMilestone[],
  warnings: string[],
  locale: Locale,
): MilestonePlan {
  const plan: MilestonePlan = { create: [], update: [], delete: [], keep: [], unchanged: 0 };
  const byTitle = new Map(current.map((m) => [m.title, m]));
  wanted.forEach((m, sortOrder) => {
    const existing = byTitle.get(m.title);
    if (!existing) plan.create.push({ title: m.title, dueOn: m.dueOn, sortOrder });
    else if (existing.dueOn !== m.dueOn || existing.sortOrder !== sortOrder) {
      plan.update.push({ id: existing.id, title: m.title, dueOn: m.dueOn, sortOrder });
    } else plan.unchanged++;
  });
  const titles = new Set(wanted.map((m) => m.title));
  for (const m of current) {
    if (titles.has(m.title)) continue;
    if (m.completed) {
      plan.keep.push({ id: m.id, title: m.title });
      warnings.push(message(locale, 'import.plan.milestone_kept', { code: targetCode, title: m.title }));
    } else {
      plan.delete.push({ id: m.id, title: m.title });
    }
  }
  return plan;
}

function indicatorFields(indicator: OrgIndicator | null) {
  return {
    indicatorKind: indicator?.kind ?? null,
    indicatorUnit: indicator?.unit ?? null,
    indicatorBaseline: indicator?.baseline ?? null,
    indicatorTarget: indicator?.target ?? null,
  };
}

function sameFields(current: TargetFields, wanted: TargetFields): boolean {
  return (
    current.category === wanted.category &&
    current.title === wanted.title &&
    current.description === wanted.description &&
    current.ownerId === wanted.ownerId &&
    current.indicatorKind === wanted.indicatorKind &&
    current.indicatorUnit === wanted.indicatorUnit &&
    current.indicatorBaseline === wanted.indicatorBaseline &&
    current.indicatorTarget === wanted.indicatorTarget &&
    current.sortOrder === wanted.sortOrder
  );
}

function sameDepartment(current: ExistingDepartment, wanted: DepartmentFields): boolean {
  return (
    current.name === wanted.name &&
    current.nameEn === wanted.nameEn &&
    current.channelId === wanted.channelId &&
    current.cadence === wanted.cadence &&
    current.sortOrder === wanted.sortOrder
  );
}

/** Counts of a plan, for summaries and the audit record. */
export interface PlanCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export function countPlan(plan: ImportPlan) {
  const zero = (): PlanCounts => ({ created: 0, updated: 0, unchanged: 0, deleted: 0 });
  const add = (counts: PlanCounts, action: RowAction) => {
    if (action === 'create') counts.created++;
    else if (action === 'update') counts.updated++;
    else counts.unchanged++;
  };
  const departments = zero();
  const targets = zero();
  const milestones = { ...zero(), kept: 0 };
  const people = { added: 0, removed: 0, unchanged: 0 };
  const reorganization = plan.reorganization;
  for (const d of reorganization.retired) people.removed += d.people.length;
  for (const d of plan.departments) {
    add(departments, d.action);
    people.added += d.people.add.length;
    people.removed += d.people.remove.length;
    people.unchanged += d.people.unchanged;
    for (const t of d.targets) {
      add(targets, t.action);
      milestones.created += t.milestones.create.length;
      milestones.updated += t.milestones.update.length;
      milestones.deleted += t.milestones.delete.length;
      milestones.unchanged += t.milestones.unchanged;
      milestones.kept += t.milestones.keep.length;
    }
  }
  const settings = {
    created: plan.settings.set.filter((s) => s.action === 'create').length,
    updated: plan.settings.set.filter((s) => s.action === 'update').length,
    unchanged: plan.settings.unchanged,
    deleted: plan.settings.remove.length,
  };
  const reviewWindows = {
    created: plan.reviewWindows.create.length,
    updated: plan.reviewWindows.update.length,
    unchanged: plan.reviewWindows.unchanged,
    deleted: plan.reviewWindows.delete.length,
  };
  const changed =
    plan.fiscalYear.action !== 'none' ||
    settings.created + settings.updated + settings.deleted > 0 ||
    reviewWindows.created + reviewWindows.updated + reviewWindows.deleted > 0 ||
    departments.created + departments.updated > 0 ||
    people.added + people.removed > 0 ||
    targets.created + targets.updated > 0 ||
    reorganization.targetMoves.length > 0 ||
    milestones.created + milestones.updated + milestones.deleted > 0;
  return {
    fiscalYear: plan.fiscalYear.action,
    settings,
    reviewWindows,
    departments,
    people,
    targets,
    milestones,
    reorganization: {
      renames: reorganization.renames.length,
      successions: reorganization.successions.length,
      targetsMoved: reorganization.targetMoves.length,
      peopleMoved: reorganization.personMoves.length,
    },
    changed,
  };
}

export type ImportCounts = ReturnType<typeof countPlan>;
