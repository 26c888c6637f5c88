import { addDays, isCalendarDay } from '../calendar/days.js';
import { formatDay } from '../calendar/format.js';
import { calendarDayIn } from '../calendar/time-zone.js';
import { escapeMrkdwn, truncate } from '../domain/mrkdwn.js';
import { AppError } from '../errors.js';
import { t } from '../i18n/messages.js';
import { pauseReminders } from '../services/reminders/pause-reminders.js';
import type { TrackerVerb } from './types.js';

/** A pause may last at most this long (a forgotten pause must not silence someone for years). */
export const MAX_PAUSE_DAYS = 366;

/** 'YYYY-MM-DD' from 2026-12-10 or 2026/12/10 (full-width digits and slashes too), or null. */
export function parsePauseDate(text: string): string | null {
  const normal = text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[／/.]/g, '-')
    .trim();
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(normal);
  if (!m) return null;
  const day = `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
  return isCalendarDay(day) ? day : null;
}

/** `/tracker pause until 2026-12-10` (or `/tracker pause 2026-12-10`): no reminders up to that day. */
export const pauseVerb: TrackerVerb = {
  help: 'tracker.help.pause',
  async run({ ctx, userId, locale, args }) {
    const words = args[0]?.toLowerCase() === 'until' || args[0] === 'まで' ? args.slice(1) : args;
    const raw = words.join(' ').trim();
    if (!raw) throw new AppError('pause_usage', 'pause without a date', 'tracker.pause.usage');
    const until = parsePauseDate(raw);
    if (!until) {
      throw new AppError('pause_invalid_date', `unreadable pause date: ${raw}`, 'tracker.pause.invalid_date', {
        value: escapeMrkdwn(truncate(raw, 40)),
      });
    }
    const now = ctx.now();
    const today = calendarDayIn(now, ctx.config.timeZone);
    if (until < today) {
      throw new AppError('pause_past', `pause date ${until} before ${today}`, 'tracker.pause.past', {
        date: formatDay(until, locale),
      });
    }
    const limit = addDays(today, MAX_PAUSE_DAYS);
    if (until > limit) {
      throw new AppError('pause_too_far', `pause date ${until} after ${limit}`, 'tracker.pause.too_far', {
        limit: formatDay(limit, locale, Number(today.slice(0, 4))),
      });
    }
    await pauseReminders(ctx.db, { userId, until, now });
    ctx.logger.event('info', 'reminders paused', { user: userId, until });
    const year = Number(today.slice(0, 4));
    return t(locale, 'tracker.pause.done', {
      until: formatDay(until, locale, year),
      next: formatDay(addDays(until, 1), locale, year),
    });
  },
};
