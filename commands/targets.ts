import { buildTargetsMessage } from '../src/blocks/targets-message.js';
import { dateFromCalendar } from '../src/calendar/days.js';
import { fiscalYearLabel } from '../src/calendar/format.js';
import { calendarDayIn } from '../src/calendar/time-zone.js';
import type { AppContext } from '../src/context.js';
import { escapeMrkdwn, truncate } from '../src/domain/mrkdwn.js';
import { matchesSearch, searchKey } from '../src/domain/search-text.js';
import { AppError } from '../src/errors.js';
import { findProgressFiscalYear } from '../src/services/organization/find-progress-fiscal-year.js';
import { listDepartments } from '../src/services/organization/list-departments.js';
import { findPersonDepartments } from '../src/services/people/find-person-departments.js';
import { isHqUser } from '../src/services/people/is-hq-user.js';
import { listTargetStatuses } from '../src/services/progress/list-target-statuses.js';
import { commandListener } from '../src/slack/command-listener.js';

/** At most this many departments answer one /targets (each as its own paginated message). */
const MAX_DEPARTMENTS_PER_REPLY = 5;

type Department = { id: number; code: string; name: string; nameEn: string | null };

function matchDepartments(all: Department[], query: string): Department[] {
  const q = searchKey(query);
  const exact = all.filter((d) => [d.code, d.name, d.nameEn].some((text) => text != null && searchKey(text) === q));
  if (exact.length > 0) return exact;
  return all.filter((d) => matchesSearch(query, [d.name, d.nameEn]));
}

/** Departments a user may look at: their own, or every department for headquarters. */
export async function visibleDepartments(
  ctx: AppContext,
  userId: string,
): Promise<{ own: Department[]; all: Department[] }> {
  const own = await findPersonDepartments(ctx.db, userId);
  const hq = await isHqUser(ctx.db, { slackUserId: userId, configured: ctx.config.hqUsers });
  return { own, all: hq ? await listDepartments(ctx.db) : own };
}

/** /targets [department]: the user's departments' targets with their latest status, paginated. */
export const targetsCommand = (ctx: AppContext) =>
  commandListener(ctx, '/targets', async ({ command, respond, userId, locale }) => {
    const { own, all } = await visibleDepartments(ctx, userId);
    const query = command.text.trim();
    let chosen: Department[];
    if (query) {
      chosen = matchDepartments(all, query);
      if (chosen.length === 0) {
        const names = own.map((d) => (locale === 'en' && d.nameEn ? d.nameEn : d.name)).join('、') || '—';
        // A department that exists but is not the user's is named as such, not as missing
        // (headquarters see every department, so for them nothing is hidden).
        const hidden = matchDepartments(await listDepartments(ctx.db), query);
        const [code, internal, key] =
          hidden.length > 0
            ? (['department_not_visible', 'is not visible to', 'error.department_not_visible'] as const)
            : (['unknown_department', 'matches no department for', 'error.unknown_department'] as const);
        // The reply is mrkdwn: the user's text must not become a <!here> or a link.
        throw new AppError(code, `${query} ${internal} ${userId}`, key, {
          query: escapeMrkdwn(truncate(query, 100)),
          departments: escapeMrkdwn(names),
        });
      }
    } else {
      if (own.length === 0) throw new AppError('no_department', `${userId} in no department`, 'error.no_department');
      chosen = own;
    }
    const now = ctx.now();
    const fiscalYear = await findProgressFiscalYear(ctx.db, { now, timeZone: ctx.config.timeZone });
    const today = dateFromCalendar(calendarDayIn(now, ctx.config.timeZone));
    for (const department of chosen.slice(0, MAX_DEPARTMENTS_PER_REPLY)) {
      const targets = await listTargetStatuses(ctx.db, { departmentId: department.id, fiscalYear, today });
      const message = buildTargetsMessage({
        locale,
        department,
        fiscalYearLabel: fiscalYearLabel(fiscalYear, locale),
        targets,
        page: 0,
        timeZone: ctx.config.timeZone,
      });
      await respond({ response_type: 'ephemeral', ...message });
    }
  });
