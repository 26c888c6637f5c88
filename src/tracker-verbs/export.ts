import { fiscalYearAt } from '../calendar/fiscal-year.js';
import { fiscalYearLabel } from '../calendar/format.js';
import { calendarDayIn } from '../calendar/time-zone.js';
import { AppError } from '../errors.js';
import { exportEvaluationSheet, isSheetFormat, type SheetFormat } from '../export/export-evaluation-sheet.js';
import { t } from '../i18n/messages.js';
import { getDisplayNames } from '../services/people/get-display-names.js';
import { isHqUser } from '../services/people/is-hq-user.js';
import { findReviewFiscalYear } from '../services/review/find-review-fiscal-year.js';
import type { TrackerVerb } from './types.js';

/** The words after `export`: a fiscal year and a format, in any order, each optional. */
export function parseExportArgs(args: string[]): { fiscalYear?: number; format: SheetFormat } {
  let fiscalYear: number | undefined;
  let format: SheetFormat = 'xlsx';
  for (const raw of args) {
    const word = raw.normalize('NFKC').toLowerCase();
    const year = /^(?:fy)?(\d{4})$/.exec(word);
    if (year && fiscalYear === undefined) fiscalYear = Number(year[1]);
    else if (isSheetFormat(word)) format = word;
    else throw new AppError('export_usage', `bad export argument: ${raw}`, 'export.error.usage');
  }
  return { fiscalYear, format };
}

/**
 * `/tracker export [fy] [csv|xlsx]`: headquarters receives the evaluation sheet (評価シート) as a
 * file in their DM. Everyone else is refused politely.
 */
export const exportVerb: TrackerVerb = {
  help: 'export.help',
  async run({ ctx, client, userId, locale, args }) {
    if (!(await isHqUser(ctx.db, { slackUserId: userId, configured: ctx.config.hqUsers }))) {
      throw new AppError('export_not_hq', `${userId} is not headquarters`, 'export.error.not_hq');
    }
    const parsed = parseExportArgs(args);
    const now = ctx.now();
    let fiscalYear = parsed.fiscalYear;
    if (fiscalYear === undefined) {
      const review = await findReviewFiscalYear(ctx.db, { today: calendarDayIn(now, ctx.config.timeZone) });
      fiscalYear = review && review.period.phase !== 'before' ? review.year : fiscalYearAt(now, ctx.config.timeZone);
    }
    const file = await exportEvaluationSheet(ctx.db, {
      fiscalYear,
      format: parsed.format,
      timeZone: ctx.config.timeZone,
      now,
      resolveNames: (ids) => getDisplayNames({ db: ctx.db, client, logger: ctx.logger, now: ctx.now }, ids),
    });
    const label = fiscalYearLabel(fiscalYear, locale);
    try {
      const dm = await client.conversations.open({ users: userId });
      const channel = dm.channel?.id;
      if (!channel) throw new Error('conversations.open returned no channel');
      await client.filesUploadV2({
        channel_id: channel,
        file: file.data,
        filename: file.fileName,
        title: file.fileName,
        initial_comment: t(locale, 'export.uploaded_comment', {
          fy: label,
          rows: file.rows,
          format: file.format.toUpperCase(),
        }),
      });
    } catch (error) {
      throw new AppError(
        'export_upload_failed',
        `evaluation sheet upload failed: ${(error as Error).message}`,
        'export.failed',
      );
    }
    ctx.logger.event('info', 'evaluation sheet exported', {
      user: userId,
      fiscalYear,
      format: file.format,
      rows: file.rows,
    });
    return t(locale, 'export.sent', { fy: label, file: file.fileName, rows: file.rows });
  },
};
