import { addDays } from '../calendar/days.js';
import { formatDay } from '../calendar/format.js';
import { DAY_FORMS, readCalendarDay } from '../calendar/read-day.js';
import { calendarDayIn } from '../calendar/time-zone.js';
import { escapeMrkdwn, truncate } from '../domain/mrkdwn.js';
import { AppError } from '../errors.js';
import { t } from '../i18n/messages.js';
import { pauseReminders } from '../services/reminders/pause-reminders.js';
import type { TrackerVerb } from './types.js';

/** A pause may last at most this long (a forgotten pause must not silence someone for years). */
export const MAX_PAUSE_DAYS = 366;

/**
 * `/tracker pause until 2026-12-10` (or `/tracker pause 2026-12-10`, `/tracker pause 12/28`,
 * `/tracker pause 12月28日まで`): no reminders up to that day. The day is read by the calendar's
 * readCalendarDay (2026-12-28, 2026/12/28, 12/28 as the next such day, 12月28日, 令和8年12月28日).
 */
export const pauseVerb: TrackerVerb = {
  help: 'tracker.help.pause',
  async run({ ctx, userId, locale, args }) {
    const words = args[0]?.toLowerCase() === 'until' || args[0] === 'まで' ? args.slice(1) : args;
    const raw = words.join(' ').trim();
    if (!raw) throw new AppError('pause_usage', 'pause without a date', 'tracker.pause.usage');
    const now = ctx.now();
    const today = calendarDayIn(now, ctx.config.timeZone);
    // 「12月28日まで」 reads as the day itself.
    const until = readCalendarDay(raw.replace(/\s*まで$/, ''), today);
    if (!until) {
      throw new AppError('pause_invalid_date', `unreadable pause date: ${raw}`, 'tracker.pause.invalid_date', {
        value: escapeMrkdwn(truncate(raw, 40)),
        forms: DAY_FORMS.join(locale === 'ja' ? '、' : ', '),
      });
    }
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
