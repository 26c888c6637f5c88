import type { ModalView } from '@slack/types';
import { buildReviewListModal } from '../blocks/review-list.js';
import { fiscalYearLabel } from '../calendar/format.js';
import { calendarDayIn } from '../calendar/time-zone.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import { findReviewFiscalYear } from '../services/review/find-review-fiscal-year.js';
import { getGradeLadder } from '../services/review/get-grade-ladder.js';
import { getReviewPeriod } from '../services/review/get-review-period.js';
import { listReviewItems } from '../services/review/list-review-items.js';

/**
 * The review list modal for a person: the given fiscal year, or the one under review now. Throws
 * AppError when there is no such review to show.
 */
export async function prepareReviewList(
  ctx: AppContext,
  input: { userId: string; locale: Locale; fiscalYear?: number | null; page?: number; notice?: string | null },
): Promise<{ view: ModalView; fiscalYear: number; yourTurn: number }> {
  const today = calendarDayIn(ctx.now(), ctx.config.timeZone);
  let fiscalYear = input.fiscalYear ?? null;
  if (fiscalYear === null) {
    const current = await findReviewFiscalYear(ctx.db, { today });
    if (!current) throw new AppError('no_review', 'no fiscal year has review windows', 'review.error.no_review');
    fiscalYear = current.year;
  }
  const period = await getReviewPeriod(ctx.db, { fiscalYear, today });
  if (!period) {
    throw new AppError(
      'fiscal_year_unknown',
      `fiscal year ${fiscalYear} is not loaded`,
      'export.error.fiscal_year_unknown',
      {
        fy: fiscalYear,
      },
    );
  }
  const [{ items }, ladder] = await Promise.all([
    listReviewItems(ctx.db, {
      fiscalYear,
      slackUserId: input.userId,
      hqUsers: ctx.config.hqUsers,
      phase: period.phase,
    }),
    getGradeLadder(ctx.db),
  ]);
  const view = buildReviewListModal(
    { locale: input.locale, fiscalYear, period, items, ladder, page: input.page ?? 0, notice: input.notice ?? null },
    fiscalYearLabel(fiscalYear, input.locale),
  );
  return { view, fiscalYear, yourTurn: items.filter((i) => i.yourTurn).length };
}
