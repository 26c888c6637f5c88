import type { ModalView } from '@slack/types';
import { buildProgressModal, type ModalSelectedTarget } from '../blocks/progress-modal.js';
import { TtlCache } from '../cache/ttl-cache.js';
import { fiscalYearLabel } from '../calendar/format.js';
import { calendarDayIn } from '../calendar/time-zone.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import { findProgressFiscalYear } from '../services/organization/find-progress-fiscal-year.js';
import { findPersonDepartments } from '../services/people/find-person-departments.js';
import { findLatestReport } from '../services/progress/find-latest-report.js';
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
 * The /progress modal for a user: their departments' targets of the current fiscal year (their own
 * first), with a target pre-selected by id (a Report button), by the command text (a code or part
 * of a title) or because it is their only one; a selected target comes with its previous report.
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
    if (selectedId === undefined && targets.length === 1) selectedId = targets[0]?.id;
  } else if (selectedId === undefined && input.text?.trim()) {
    const matches = await listReportableTargets(ctx.db, {
      slackUserId: input.userId,
      fiscalYear,
      query: input.text.trim(),
      limit: STATIC_SELECT_MAX,
    });
    selectedId = pickByText(matches, input.text)?.id;
  }
  const today = calendarDayIn(ctx.now(), ctx.config.timeZone);
  let selected: ModalSelectedTarget | null = null;
  if (selectedId !== undefined) {
    // Both at once: the trigger id expires in 3 s. The report is shown only once the right is checked.
    const [target, previous] = await Promise.all([
      getReportableTarget(ctx.db, { slackUserId: input.userId, targetId: selectedId }),
      Number.isSafeInteger(selectedId) && selectedId > 0 ? findLatestReport(ctx.db, selectedId) : null,
    ]);
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
      own: target.ownerId === input.userId,
      indicatorKind: target.indicatorKind,
      indicatorUnit: target.indicatorUnit,
      indicatorBaseline: target.indicatorBaseline,
      indicatorTarget: target.indicatorTarget,
      openMilestones: target.openMilestones,
      previous: previous && {
        status: previous.status,
        value: previous.value,
        percent: previous.percent,
        comment: previous.comment,
        reportedOn: calendarDayIn(previous.reportedAt, ctx.config.timeZone),
        reporterId: previous.reporterId,
      },
    };
  }
  return buildProgressModal({
    locale: input.locale,
    fiscalYearLabel: fiscalYearLabel(fiscalYear, input.locale),
    targets: targets.map((t) => ({
      id: t.id,
      code: t.code,
      title: t.title,
      departmentName: t.departmentName,
      own: t.own,
    })),
    useExternalSelect,
    selected,
    today,
  });
}
