import type { KnownBlock } from '@slack/types';
import { daysBetween } from '../calendar/days.js';
import { formatDay } from '../calendar/format.js';
import { calendarDayIn } from '../calendar/time-zone.js';
import { escapeMrkdwn, truncate } from '../domain/mrkdwn.js';
import { isStatus, STATUS_EMOJI, statusKey } from '../domain/status.js';
import { type Locale, t } from '../i18n/messages.js';
import type { ReminderReason } from '../reminders/plan-reminders.js';
import { SLACK_LIMITS } from './limits.js';
import { plain } from './plain.js';
import { REVIEW_OPEN_ACTION } from './review-list.js';

/** The foundation's listener for this action opens the /progress modal on the button's target. */
export const REMINDER_OPEN_PROGRESS_ACTION = 'open_progress';

/** Targets listed with a button; the rest are summarised in one line (the message stays under 50 blocks). */
export const REMINDER_MAX_LISTED = 40;

export interface ReminderMessageTarget {
  id: number;
  code: string;
  title: string;
  departmentName: string;
  departmentNameEn: string | null;
  lastReportedAt: Date | null;
  lastStatus: string | null;
  /** report (default): a progress report is due, with a Report button; review: a review step, with an Open review button. */
  action?: 'report' | 'review';
}

export interface ReminderMessageInput {
  locale: Locale;
  timeZone: string;
  /** The reminder's day ('YYYY-MM-DD'); "days until" counts from it. */
  day: string;
  /** Window reasons first (as planned); the first one sets the tone. */
  reasons: ReminderReason[];
  targets: ReminderMessageTarget[];
  /** Set when an earlier reminder of the cycle is being refreshed in place. */
  updatedOn?: string;
}

const ROLE_TASKS = { approve: 'reminders.task.approve', check: 'reminders.task.check' } as const;

/** One line per window the message serves (each says what to do), or the check-in's line. */
function introText(input: ReminderMessageInput): string {
  const { locale, day } = input;
  const first = input.reasons[0];
  if (!first) return t(locale, 'reminders.dm.checkin', { since: formatDay(day, locale) });
  if (first.kind === 'checkin')
    return t(locale, 'reminders.dm.checkin', { since: formatDay(first.periodStart, locale) });
  const refYear = Number(day.slice(0, 4));
  const lines: string[] = [];
  for (const reason of input.reasons) {
    if (reason.kind === 'checkin') continue;
    const params = {
      window: escapeMrkdwn(reason.windowName),
      opens: formatDay(reason.opensOn, locale, refYear),
      closes: formatDay(reason.closesOn, locale, refYear),
      since: formatDay(reason.cycleStart, locale, refYear),
      days: daysBetween(day, reason.opensOn),
    };
    if (reason.role === 'self') {
      if (reason.kind === 'last-day') lines.push(t(locale, 'reminders.dm.last_day', params));
      else
        lines.push(t(locale, params.days === 1 ? 'reminders.dm.countdown_tomorrow' : 'reminders.dm.countdown', params));
      continue;
    }
    const task = t(locale, ROLE_TASKS[reason.role]);
    if (reason.kind === 'last-day') lines.push(t(locale, 'reminders.dm.role_last_day', { ...params, task }));
    else
      lines.push(
        t(locale, params.days === 1 ? 'reminders.dm.role_tomorrow' : 'reminders.dm.role_countdown', {
          ...params,
          task,
        }),
      );
  }
  return lines.join('\n');
}

function targetBlock(target: ReminderMessageTarget, input: ReminderMessageInput): KnownBlock {
  const { locale } = input;
  const department = locale === 'en' ? (target.departmentNameEn ?? target.departmentName) : target.departmentName;
  let last = t(locale, 'reminders.dm.never_reported');
  if (target.lastReportedAt) {
    const date = formatDay(calendarDayIn(target.lastReportedAt, input.timeZone), locale, Number(input.day.slice(0, 4)));
    last = isStatus(target.lastStatus)
      ? t(locale, 'reminders.dm.last_report', {
          date,
          status: `${STATUS_EMOJI[target.lastStatus]} ${t(locale, statusKey(target.lastStatus))}`,
        })
      : date;
  }
  const text = [
    `*${escapeMrkdwn(truncate(target.code, 50))}* ${escapeMrkdwn(truncate(target.title, 200))}`,
    t(locale, 'reminders.dm.target_facts', { department: escapeMrkdwn(truncate(department, 100)), last }),
  ].join('\n');
  const review = target.action === 'review';
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) },
    accessory: {
      type: 'button',
      action_id: review ? REVIEW_OPEN_ACTION : REMINDER_OPEN_PROGRESS_ACTION,
      value: String(target.id),
      text: plain(t(locale, review ? 'reminders.dm.review_button' : 'reminders.dm.button'), SLACK_LIMITS.buttonText),
      style: 'primary',
    },
  };
}

/** The reminder direct message: why, then each target that needs an update with a "Report" button. */
export function buildReminderMessage(input: ReminderMessageInput): { text: string; blocks: KnownBlock[] } {
  const { locale } = input;
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(introText(input), SLACK_LIMITS.sectionText) } },
  ];
  const notes: string[] = [];
  if (input.reasons[0]?.kind !== 'checkin' && input.reasons.some((r) => r.kind === 'checkin')) {
    notes.push(t(locale, 'reminders.dm.also_checkin'));
  }
  if (input.updatedOn) notes.push(t(locale, 'reminders.dm.updated', { date: formatDay(input.updatedOn, locale) }));
  if (notes.length > 0) blocks.push({ type: 'context', elements: notes.map((text) => ({ type: 'mrkdwn', text })) });
  blocks.push({ type: 'divider' });
  for (const target of input.targets.slice(0, REMINDER_MAX_LISTED)) blocks.push(targetBlock(target, input));
  const rest = input.targets.length - REMINDER_MAX_LISTED;
  const reviewOnly = input.targets.length > 0 && input.targets.every((x) => x.action === 'review');
  if (rest > 0) {
    const more = t(locale, reviewOnly ? 'reminders.dm.more_review' : 'reminders.dm.more', { count: rest });
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: more } });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t(locale, 'reminders.dm.footer') }] });
  const fallback = reviewOnly ? 'reminders.dm.fallback_review' : 'reminders.dm.fallback';
  return { text: t(locale, fallback, { count: input.targets.length }), blocks };
}

/**
 * The short thread reply for a later reminder of the same countdown cycle (the first message is
 * refreshed in place, so the reply only says how close the window is and how many are open).
 */
export function buildReminderNudge(
  input: Pick<ReminderMessageInput, 'locale' | 'day' | 'reasons'> & { count: number },
): {
  text: string;
} {
  const { locale, day, count } = input;
  const first = input.reasons[0];
  if (!first || first.kind === 'checkin') {
    return { text: t(locale, 'reminders.dm.fallback', { count }) };
  }
  const refYear = Number(day.slice(0, 4));
  const params = {
    window: escapeMrkdwn(first.windowName),
    closes: formatDay(first.closesOn, locale, refYear),
    days: daysBetween(day, first.opensOn),
    count,
  };
  if (first.role !== 'self') return { text: t(locale, 'reminders.nudge.role', params) };
  if (first.kind === 'last-day') return { text: t(locale, 'reminders.nudge.last_day', params) };
  return {
    text: t(locale, params.days === 1 ? 'reminders.nudge.countdown_tomorrow' : 'reminders.nudge.countdown', params),
  };
}
