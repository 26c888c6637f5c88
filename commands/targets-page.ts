import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { buildTargetsMessage } from '../src/blocks/targets-message.js';
import { dateFromCalendar } from '../src/calendar/days.js';
import { fiscalYearLabel } from '../src/calendar/format.js';
import { calendarDayIn } from '../src/calendar/time-zone.js';
import type { AppContext } from '../src/context.js';
import { AppError } from '../src/errors.js';
import { findProgressFiscalYear } from '../src/services/organization/find-progress-fiscal-year.js';
import { peekUserLocale } from '../src/services/people/get-user-locale.js';
import { listTargetStatuses } from '../src/services/progress/list-target-statuses.js';
import { replyWithError } from '../src/slack/reply-error.js';
import { visibleDepartments } from './targets.js';

const pageValue = z.object({ d: z.number().int().positive(), p: z.number().int().min(0).max(10_000) });

/** Next/previous on a /targets message: replaces it with the requested page. */
export const targetsPage =
  (ctx: AppContext) =>
  async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const locale = await peekUserLocale(ctx.db, userId).catch(() => 'ja' as const);
    try {
      let parsed: z.infer<typeof pageValue>;
      try {
        parsed = pageValue.parse(JSON.parse(action.value ?? ''));
      } catch {
        throw new AppError('bad_page_value', 'targets page button value altered', 'error.generic');
      }
      // The button value came from the client: the department is checked again.
      const { all } = await visibleDepartments(ctx, userId);
      const department = all.find((d) => d.id === parsed.d);
      if (!department)
        throw new AppError('department_not_visible', `department ${parsed.d} not visible`, 'error.not_allowed_target');
      const now = ctx.now();
      const fiscalYear = await findProgressFiscalYear(ctx.db, { now, timeZone: ctx.config.timeZone });
      const targets = await listTargetStatuses(ctx.db, {
        departmentId: department.id,
        fiscalYear,
        today: dateFromCalendar(calendarDayIn(now, ctx.config.timeZone)),
      });
      const message = buildTargetsMessage({
        locale,
        department,
        fiscalYearLabel: fiscalYearLabel(fiscalYear, locale),
        targets,
        page: parsed.p,
        timeZone: ctx.config.timeZone,
      });
      await respond({ replace_original: true, response_type: 'ephemeral', ...message });
    } catch (error) {
      await replyWithError(ctx, { client, userId, respond }, error, locale, 'targets page');
    }
  };
