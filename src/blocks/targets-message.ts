import type { KnownBlock } from '@slack/types';
import { calendarFromDate } from '../calendar/days.js';
import { formatDay } from '../calendar/format.js';
import { calendarDayIn } from '../calendar/time-zone.js';
import { escapeMrkdwn, mention, truncate } from '../domain/mrkdwn.js';
import { STATUS_EMOJI, statusKey } from '../domain/status.js';
import { type Locale, t } from '../i18n/messages.js';
import type { TargetStatus } from '../services/progress/list-target-statuses.js';
import { SLACK_LIMITS } from './limits.js';
import { plain } from './plain.js';

export const TARGETS_PAGE_SIZE = 15;
export const TARGETS_PAGE_ACTION = 'targets_page';
export const OPEN_PROGRESS_ACTION = 'open_progress';

export interface TargetsMessageInput {
  locale: Locale;
  department: { id: number; name: string; nameEn: string | null };
  fiscalYearLabel: string;
  targets: TargetStatus[];
  /** Zero-based page. */
  page: number;
  timeZone: string;
}

// Building an Intl.NumberFormat costs far more than formatting with one, so one is kept per locale.
const NUMBER_FORMATS: Record<Locale, Intl.NumberFormat> = {
  ja: new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
};

/** Formats a number without float noise (0.1 + 0.2) and with grouping for large values. */
export function formatNumber(value: number, locale: Locale): string {
  return NUMBER_FORMATS[locale].format(value);
}

function targetSection(target: TargetStatus, input: TargetsMessageInput): KnownBlock[] {
  const { locale } = input;
  const unit = target.indicatorUnit ? escapeMrkdwn(target.indicatorUnit) : '';
  const lines: string[] = [`*${escapeMrkdwn(target.code)}* ${escapeMrkdwn(truncate(target.title, 150))}`];
  const status = target.latest
    ? `${STATUS_EMOJI[target.latest.status]} ${t(locale, statusKey(target.latest.status))}`
    : `⚪ ${t(locale, 'targets.no_update')}`;
  const facts: string[] = [status];
  if (target.indicatorTarget !== null) {
    facts.push(
      target.latestValue !== null
        ? t(locale, 'targets.value', {
            value: formatNumber(target.latestValue, locale),
            target: formatNumber(target.indicatorTarget, locale),
            unit,
          })
        : t(locale, 'targets.value_none', { target: formatNumber(target.indicatorTarget, locale), unit }),
    );
  }
  if (target.latest?.percent !== null && target.latest?.percent !== undefined) {
    facts.push(t(locale, 'targets.percent', { percent: formatNumber(target.latest.percent, locale) }));
  }
  lines.push(facts.join(' ・ '));
  if (target.latest) {
    lines.push(
      t(locale, 'targets.latest', {
        status: t(locale, statusKey(target.latest.status)),
        date: formatDay(calendarDayIn(target.latest.reportedAt, input.timeZone), locale),
        reporter: mention(target.latest.reporterId),
      }),
    );
  }
  const context: string[] = [];
  if (target.overdueMilestones.length > 0) {
    const names = target.overdueMilestones
      .map((m) => `${escapeMrkdwn(truncate(m.title, 60))}（${formatDay(calendarFromDate(m.dueOn), locale)}）`)
      .join('、');
    context.push(truncate(t(locale, 'targets.overdue', { milestones: names }), 1000));
  }
  if (target.ownerId) context.push(t(locale, 'targets.owner', { owner: mention(target.ownerId) }));
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(lines.join('\n'), SLACK_LIMITS.sectionText) },
      accessory: {
        type: 'button',
        action_id: OPEN_PROGRESS_ACTION,
        value: String(target.id),
        text: plain(t(locale, 'targets.report_button'), SLACK_LIMITS.buttonText),
      },
    },
  ];
  if (context.length > 0) {
    blocks.push({ type: 'context', elements: context.map((text) => ({ type: 'mrkdwn' as const, text })) });
  }
  return blocks;
}

/** One page of a department's targets with status, value against target and overdue milestones. */
export function buildTargetsMessage(input: TargetsMessageInput): { text: string; blocks: KnownBlock[] } {
  const { locale, department, targets } = input;
  const name = locale === 'en' && department.nameEn ? department.nameEn : department.name;
  const header = t(locale, 'targets.header', { department: name, fy: input.fiscalYearLabel });
  // The header block is plain text; the message's own text is mrkdwn and needs the name escaped.
  const text = escapeMrkdwn(header);
  const total = targets.length;
  const pages = Math.max(1, Math.ceil(total / TARGETS_PAGE_SIZE));
  const page = Math.min(Math.max(0, input.page), pages - 1);
  const slice = targets.slice(page * TARGETS_PAGE_SIZE, (page + 1) * TARGETS_PAGE_SIZE);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(header, SLACK_LIMITS.headerText) }];
  if (total === 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: t(locale, 'targets.none', { fy: input.fiscalYearLabel }) },
    });
    return { text, blocks };
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: t(locale, 'targets.page', {
          from: page * TARGETS_PAGE_SIZE + 1,
          to: page * TARGETS_PAGE_SIZE + slice.length,
          total,
        }),
      },
    ],
  });
  for (const target of slice) blocks.push(...targetSection(target, input));
  if (pages > 1) {
    const nav = (label: string, to: number) => ({
      type: 'button' as const,
      action_id: `${TARGETS_PAGE_ACTION}_${to > page ? 'next' : 'previous'}`,
      text: plain(label, SLACK_LIMITS.buttonText),
      value: JSON.stringify({ d: department.id, p: to }),
    });
    const elements = [];
    if (page > 0) elements.push(nav(t(locale, 'targets.previous'), page - 1));
    if (page < pages - 1) elements.push(nav(t(locale, 'targets.next'), page + 1));
    blocks.push({ type: 'actions', block_id: 'targets_nav', elements });
  }
  return { text, blocks };
}
