import { calendarDayIn } from '../calendar/time-zone.js';
import { t } from '../i18n/messages.js';
import { resumeReminders } from '../services/reminders/resume-reminders.js';
import type { TrackerVerb } from './types.js';

/** `/tracker resume`: reminders are sent again from the next one due. */
export const resumeVerb: TrackerVerb = {
  help: 'tracker.help.resume',
  async run({ ctx, userId, locale }) {
    const now = ctx.now();
    const resumed = await resumeReminders(ctx.db, { userId, today: calendarDayIn(now, ctx.config.timeZone), now });
    if (resumed) ctx.logger.event('info', 'reminders resumed', { user: userId });
    return t(locale, resumed ? 'tracker.resume.done' : 'tracker.resume.not_paused');
  },
};
