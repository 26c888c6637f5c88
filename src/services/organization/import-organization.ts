import { calendarFromDate, dateFromCalendar } from '../../calendar/days.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { type Locale, t } from '../../i18n/messages.js';
import type { Organization } from '../../import/organization.js';
import { listEmailReferences } from '../../import/person-reference.js';
import {
  countPlan,
  type DepartmentPlan,
  type ExistingState,
  type ImportCounts,
  type ImportPlan,
  planImport,
  SETTING_KEYS,
} from '../../import/plan-import.js';
import type { Reorganization } from '../../import/plan-reorganization.js';
import type { ResolvedPerson } from '../people/resolve-email-addresses.js';

type Tx = Prisma.TransactionClient;

export interface ImportProgress {
  /** 1-based position of the department in the file. */
  index: number;
  total: number;
  code: string;
  name: string;
  targets: number;
  milestones: number;
  department: DepartmentPlan;
}

export interface ImportOptions {
  now: Date;
  /** Who ran the import, for the audit trail ('cli' unless given). */
  actorId?: string;
  /** Validate and report what would change, writing nothing. */
  dryRun?: boolean;
  /** The file name, recorded in the audit event. */
  source?: string;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * E-mail addresses Slack resolved for this import (src/services/people/resolve-email-addresses.ts):
   * stored with it, so a later import of the same people does not ask Slack again.
   */
  people?: readonly ResolvedPerson[];
  /** The language of the plan's warnings and refusals (English unless told). */
  locale?: Locale;
}

export interface ImportResult extends ImportCounts {
  fiscalYearNumber: number;
  dryRun: boolean;
  warnings: string[];
  plan: ImportPlan;
}

/** A big file on a slow disk still finishes; the default 5 s interactive-transaction limit would not. */
const TRANSACTION_TIMEOUT_MS = 5 * 60_000;

/**
 * Makes the database match an organisation file for its fiscal year, in one transaction, writing
 * only rows whose fields differ (so re-importing the same file changes nothing).
 */
export async function importOrganization(db: Db, org: Organization, options: ImportOptions): Promise<ImportResult> {
  const unresolved = listEmailReferences(org);
  if (unresolved.length > 0) {
    throw new Error(`the organisation still names people by e-mail address (${unresolved.length}): resolve them first`);
  }
  const run = async (tx: Tx) => {
    const plan = planImport(org, await loadExisting(tx, org), options.locale);
    if (plan.reorganization.problems.length > 0) {
      const problems = plan.reorganization.problems.join('\n');
      throw new AppError(
        'import_unknown_department',
        t('en', 'import.plan.refused', { problems }),
        'import.plan.refused',
        { problems },
      );
    }
    const counts = countPlan(plan);
    if (options.dryRun) {
      for (const [i, department] of plan.departments.entries()) options.onProgress?.(progress(plan, department, i));
    } else {
      await applyPlan(tx, plan, options);
      await storeResolvedPeople(tx, options.people ?? [], options.now);
      if (counts.changed) {
        await tx.auditEvent.create({
          data: {
            at: options.now,
            actorId: options.actorId ?? 'cli',
            action: 'import',
            subject: `fy:${org.fiscalYear}`,
            detail: JSON.stringify({ source: options.source ?? null, ...counts, warnings: plan.warnings.length }),
          },
        });
      }
    }
    return {
      ...counts,
      fiscalYearNumber: org.fiscalYear,
      dryRun: options.dryRun === true,
      warnings: plan.warnings,
      plan,
    };
  };
  // A dry run reads only; it needs no transaction (and must not hold SQLite's write lock).
  if (options.dryRun) return run(db);
  return db.$transaction(run, { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 });
}

/** Keeps each address → id mapping (an address moved to another id leaves the old one) and the name. */
async function storeResolvedPeople(tx: Tx, people: readonly ResolvedPerson[], now: Date): Promise<void> {
  for (const p of people) {
    await tx.slackUser.updateMany({
      where: { email: p.address, id: { not: p.slackUserId } },
      data: { email: null },
    });
    const data = { email: p.address, displayName: p.displayName, displayNameFetchedAt: now };
    await tx.slackUser.upsert({ where: { id: p.slackUserId }, create: { id: p.slackUserId, ...data }, update: data });
  }
}

function progress(plan: ImportPlan, department: DepartmentPlan, i: number): ImportProgress {
  return {
    index: i + 1,
    total: plan.departments.length,
    code: department.code,
    name: department.name,
    targets: department.targets.length,
    milestones: department.targets.reduce(
      (n, t) => n + t.milestones.create.length + t.milestones.update.length + t.milestones.unchanged,
      0,
    ),
    department,
  };
}

async function loadExisting(tx: Tx, org: Organization): Promise<ExistingState> {
  const year = org.fiscalYear;
  const continuedCodes = [...new Set(org.departments.flatMap((d) => d.continues))];
  const [fiscalYear, settings, departments, continuedTargets] = await Promise.all([
    tx.fiscalYear.findUnique({ where: { year }, include: { reviewWindows: true } }),
    tx.setting.findMany({ where: { key: { in: [...SETTING_KEYS] } } }),
    tx.department.findMany({ include: { people: true }, orderBy: { id: 'asc' } }),
    continuedCodes.length === 0
      ? []
      : tx.target.findMany({
          where: { department: { code: { in: continuedCodes } } },
          select: { id: true, code: true, departmentId: true, ownerId: true, fiscalYear: { select: { year: true } } },
          orderBy: [{ fiscalYear: { year: 'asc' } }, { sortOrder: 'asc' }, { id: 'asc' }],
        }),
  ]);
  const targets = fiscalYear
    ? await tx.target.findMany({
        where: { fiscalYearId: fiscalYear.id },
        include: { milestones: { include: { _count: { select: { completedBy: true } } } } },
        orderBy: { id: 'asc' },
      })
    : [];
  return {
    fiscalYear: fiscalYear && { id: fiscalYear.id, leadershipChannel: fiscalYear.leadershipChannel },
    settings: new Map(settings.map((s) => [s.key, s.value])),
    reviewWindows: (fiscalYear?.reviewWindows ?? []).map((w) => ({
      id: w.id,
      name: w.name,
      role: w.role,
      opensOn: calendarFromDate(w.opensOn),
      closesOn: calendarFromDate(w.closesOn),
    })),
    departments: departments.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      channelId: d.channelId,
      cadence: d.cadence,
      sortOrder: d.sortOrder,
      people: d.people.map((p) => ({ id: p.id, slackUserId: p.slackUserId, role: p.role })),
    })),
    targets: targets.map((t) => ({
      id: t.id,
      code: t.code,
      departmentId: t.departmentId,
      category: t.category,
      title: t.title,
      description: t.description,
      ownerId: t.ownerId,
      indicatorKind: t.indicatorKind,
      indicatorUnit: t.indicatorUnit,
      indicatorBaseline: t.indicatorBaseline,
      indicatorTarget: t.indicatorTarget,
      sortOrder: t.sortOrder,
      milestones: t.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        dueOn: calendarFromDate(m.dueOn),
        sortOrder: m.sortOrder,
        completed: m.doneAt !== null || m._count.completedBy > 0,
      })),
    })),
    continuedTargets: continuedTargets.map((t) => ({
      id: t.id,
      code: t.code,
      fiscalYear: t.fiscalYear.year,
      departmentId: t.departmentId,
      ownerId: t.ownerId,
    })),
  };
}

async function applyPlan(tx: Tx, plan: ImportPlan, options: ImportOptions): Promise<void> {
  const fy = plan.fiscalYear;
  let fiscalYearId: number;
  if (fy.existingId === null) {
    fiscalYearId = (await tx.fiscalYear.create({ data: { year: fy.year, leadershipChannel: fy.leadershipChannel } }))
      .id;
  } else {
    fiscalYearId = fy.existingId;
    if (fy.action === 'update') {
      await tx.fiscalYear.update({ where: { id: fiscalYearId }, data: { leadershipChannel: fy.leadershipChannel } });
    }
  }

  for (const s of plan.settings.set) {
    await tx.setting.upsert({
      where: { key: s.key },
      create: { key: s.key, value: s.value },
      update: { value: s.value },
    });
  }
  if (plan.settings.remove.length > 0) await tx.setting.deleteMany({ where: { key: { in: plan.settings.remove } } });

  const windows = plan.reviewWindows;
  if (windows.delete.length > 0)
    await tx.reviewWindow.deleteMany({ where: { id: { in: windows.delete.map((w) => w.id) } } });
  for (const w of windows.update) {
    await tx.reviewWindow.update({
      where: { id: w.id },
      data: { opensOn: dateFromCalendar(w.opensOn), closesOn: dateFromCalendar(w.closesOn), role: w.role },
    });
  }
  if (windows.create.length > 0) {
    await tx.reviewWindow.createMany({
      data: windows.create.map((w) => ({
        fiscalYearId,
        name: w.name,
        role: w.role,
        opensOn: dateFromCalendar(w.opensOn),
        closesOn: dateFromCalendar(w.closesOn),
      })),
    });
  }

  await applyDepartments(tx, fiscalYearId, plan.departments, plan.reorganization);
  // Reported once the rows are written, before commit: a failing callback still rolls back.
  for (const [i, department] of plan.departments.entries()) options.onProgress?.(progress(plan, department, i));
}

/**
 * Writes departments, people, targets and milestones in bulk: one statement per kind of insert or
 * delete (Prisma compiles a plan per statement shape, so per-department batches cost more than the
 * rows themselves); updates stay per row because each row's data differs.
 */
async function applyDepartments(
  tx: Tx,
  fiscalYearId: number,
  plans: DepartmentPlan[],
  reorganization: Reorganization,
): Promise<void> {
  const departmentIds = new Map<string, number>();
  const newDepartments = plans.filter((d) => d.existingId === null);
  if (newDepartments.length > 0) {
    const rows = await tx.department.createManyAndReturn({
      data: newDepartments.map((d) => ({ code: d.code, ...d.fields })),
      select: { id: true, code: true },
    });
    for (const row of rows) departmentIds.set(row.code, row.id);
  }
  for (const d of plans) {
    if (d.existingId === null) continue;
    departmentIds.set(d.code, d.existingId);
    if (d.action === 'update') await tx.department.update({ where: { id: d.existingId }, data: d.fields });
  }
  const departmentId = (code: string) => departmentIds.get(code) as number;

  const removedPeople = [
    ...plans.flatMap((d) => d.people.remove.map((p) => p.id)),
    ...reorganization.retired.flatMap((d) => d.people.map((p) => p.id)),
  ];
  if (removedPeople.length > 0) await tx.departmentPerson.deleteMany({ where: { id: { in: removedPeople } } });
  const addedPeople = plans.flatMap((d) => d.people.add.map((p) => ({ departmentId: departmentId(d.code), ...p })));
  if (addedPeople.length > 0) await tx.departmentPerson.createMany({ data: addedPeople });

  const targetIds = new Map<string, number>();
  const newTargets = plans.flatMap((d) =>
    d.targets
      .filter((t) => t.existingId === null)
      .map((t) => ({ fiscalYearId, departmentId: departmentId(d.code), code: t.code, ...t.fields })),
  );
  if (newTargets.length > 0) {
    const rows = await tx.target.createManyAndReturn({ data: newTargets, select: { id: true, code: true } });
    for (const row of rows) targetIds.set(row.code, row.id);
  }
  for (const d of plans) {
    for (const t of d.targets) {
      if (t.existingId === null) continue;
      targetIds.set(t.code, t.existingId);
      if (t.action === 'update') {
        await tx.target.update({
          where: { id: t.existingId },
          data: { departmentId: departmentId(d.code), ...t.fields },
        });
      }
    }
  }

  // Earlier years' targets follow their department into the one that continues it, with their
  // history and review records (which hang off the target).
  const moves = new Map<string, number[]>();
  for (const m of reorganization.targetMoves) moves.set(m.to, [...(moves.get(m.to) ?? []), m.targetId]);
  for (const [code, ids] of moves) {
    await tx.target.updateMany({ where: { id: { in: ids } }, data: { departmentId: departmentId(code) } });
  }

  const targets = plans.flatMap((d) => d.targets);
  const deleted = targets.flatMap((t) => t.milestones.delete.map((m) => m.id));
  if (deleted.length > 0) await tx.milestone.deleteMany({ where: { id: { in: deleted } } });
  for (const m of targets.flatMap((t) => t.milestones.update)) {
    await tx.milestone.update({
      where: { id: m.id },
      data: { dueOn: dateFromCalendar(m.dueOn), sortOrder: m.sortOrder },
    });
  }
  const newMilestones = targets.flatMap((t) =>
    t.milestones.create.map((m) => ({
      targetId: targetIds.get(t.code) as number,
      title: m.title,
      dueOn: dateFromCalendar(m.dueOn),
      sortOrder: m.sortOrder,
    })),
  );
  if (newMilestones.length > 0) await tx.milestone.createMany({ data: newMilestones });
}
