import type { ModalView } from '@slack/types';
import { buildProgressModal, type ModalSelectedTarget } from '../blocks/progress-modal.js';
import { TtlCache } from '../cache/ttl-cache.js';
import { fiscalYearLabel } from '../calendar/format.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import { findProgressFiscalYear } from '../services/organization/find-progress-fiscal-year.js';
import { findPersonDepartments } from '../services/people/find-person-departments.js';
import { getReportableTarget } from '../services/progress/get-reportable-target.js';
import { listReportableTargets, type ReportableTarget } from '../services/progress/list-reportable-targets.js';

/** Slack's static select holds at most 100 options; beyond that the select searches as you type. */
export const STATIC_SELECT_MAX = 100;

/**
 * How long a person's target list for the modal is reused. Targets change only by import, and a
 * stale option is harmless: the submission is checked against the database.
 */
export const TARGET_LIST_TTL_MS = 60_000;
const targetLists = new WeakMap<Db, TtlCache<ReportableTarget[]>>();

async function reportableTargetsFor(ctx: AppContext, userId: string, fiscalYear: number): Promise<ReportableTarget[]> {
  let cache = targetLists.get(ctx.db);
  if (!cache) {
    cache = new TtlCache(TARGET_LIST_TTL_MS);
    targetLists.set(ctx.db, cache);
  }
  const key = `${userId}:${fiscalYear}`;
  const now = ctx.now().getTime();
  const cached = cache.get(key, now);
  if (cached) return cached;
  // One query answers both "how many" (up to the static limit) and "which".
  const list = await listReportableTargets(ctx.db, { slackUserId: userId, fiscalYear, limit: STATIC_SELECT_MAX + 1 });
  // An empty list is not kept: someone just added to a department should not wait a minute.
  if (list.length > 0) cache.set(key, list, now);
  return list;
}

function pickByText(targets: ReportableTarget[], text: string): ReportableTarget | undefined {
  const q = text.trim().normalize('NFKC').toLowerCase();
  if (!q) return undefined;
  const byCode = targets.find((t) => t.code.toLowerCase() === q);
  if (byCode) return byCode;
  const byTitle = targets.filter((t) => t.title.normalize('NFKC').toLowerCase().includes(q));
  return byTitle.length === 1 ? byTitle[0] : undefined;
}

/**
 * The /progress modal for a user: their departments' targets of the current fiscal year, with a
 * target pre-selected by id (a Report button) or by the command text (a code or part of a title).
 * Throws AppError when the user may report on nothing.
 */
export async function prepareProgressModal(
  ctx: AppContext,
  input: { userId: string; locale: Locale; text?: string; targetId?: number },
): Promise<ModalView> {
  const fiscalYear = await findProgressFiscalYear(ctx.db, { now: ctx.now(), timeZone: ctx.config.timeZone });
  const firstPage = await reportableTargetsFor(ctx, input.userId, fiscalYear);
  if (firstPage.length === 0) {
    const departments = await findPersonDepartments(ctx.db, input.userId);
    if (departments.length === 0) {
      throw new AppError('no_department', `user ${input.userId} is in no department`, 'error.no_department');
    }
    throw new AppError('no_targets', `no targets for FY${fiscalYear}`, 'error.no_targets', {
      fy: fiscalYearLabel(fiscalYear, input.locale),
    });
  }
  const useExternalSelect = firstPage.length > STATIC_SELECT_MAX;
  let targets: ReportableTarget[] = [];
  let selectedId = input.targetId;
  if (!useExternalSelect) {
    targets = firstPage;
    if (selectedId === undefined && input.text) selectedId = pickByText(targets, input.text)?.id;
  } else if (selectedId === undefined && input.text?.trim()) {
    const matches = await listReportableTargets(ctx.db, {
      slackUserId: input.userId,
      fiscalYear,
      query: input.text.trim(),
      limit: STATIC_SELECT_MAX,
    });
    selectedId = pickByText(matches, input.text)?.id;
  }
  let selected: ModalSelectedTarget | null = null;
  if (selectedId !== undefined) {
    const target = await getReportableTarget(ctx.db, { slackUserId: input.userId, targetId: selectedId });
    if (!target) {
      throw new AppError(
        'target_not_allowed',
        `target ${selectedId} not reportable by ${input.userId}`,
        'error.not_allowed_target',
      );
    }
    selected = {
      id: target.id,
      code: target.code,
      title: target.title,
      departmentName: target.department.name,
      indicatorUnit: target.indicatorUnit,
      indicatorTarget: target.indicatorTarget,
      openMilestones: target.openMilestones,
    };
  }
  return buildProgressModal({
    locale: input.locale,
    fiscalYearLabel: fiscalYearLabel(fiscalYear, input.locale),
    targets: targets.map((t) => ({ id: t.id, code: t.code, title: t.title, departmentName: t.departmentName })),
    useExternalSelect,
    selected,
  });
}
