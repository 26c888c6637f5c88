import type { Button, KnownBlock, ModalView } from '@slack/types';
import { formatDay } from '../calendar/format.js';
import { roundPercent } from '../domain/achievement.js';
import { escapeMrkdwn, truncate } from '../domain/mrkdwn.js';
import { hasMessage, type Locale, t } from '../i18n/messages.js';
import { type GradeLadder, suggestGrade } from '../review/grades.js';
import type { ReviewPeriod } from '../review/period.js';
import type { ReviewStepKind } from '../review/workflow.js';
import type { ReviewListItem } from '../services/review/list-review-items.js';
import { SLACK_LIMITS } from './limits.js';
import { plain } from './plain.js';
import { formatNumber } from './targets-message.js';

export const REVIEW_LIST_CALLBACK_ID = 'review_list';
/** A target's button in the list: value is the target id. */
export const REVIEW_OPEN_ACTION = 'review_open';
/** Paging buttons: review_page_next / review_page_previous, value is the page. */
export const REVIEW_PAGE_ACTION = 'review_page';
export const REVIEW_LIST_PAGE_SIZE = 20;
/** Opens the review list modal (Home tab, DM launcher). */
export const REVIEW_LIST_OPEN_ACTION = 'review_list_open';

/** What the list modal carries so paging and refreshes can rebuild it. */
export interface ReviewListMetadata {
  fy: number;
  page: number;
}

export interface ReviewListInput {
  locale: Locale;
  fiscalYear: number;
  period: ReviewPeriod;
  items: ReviewListItem[];
  ladder: GradeLadder;
  /** Zero-based; clamped to the pages there are. */
  page: number;
  /** A line shown on top, e.g. after a step was recorded. */
  notice?: string | null;
}

/** The button label for what this person would do on an item. */
function buttonFor(item: ReviewListItem, locale: Locale): { text: string; primary: boolean } {
  const forward = item.available.find((s): s is Exclude<ReviewStepKind, 'return'> => s !== 'return' && s !== 'self');
  if (item.yourTurn && forward) return { text: t(locale, `review.button.${forward}`), primary: true };
  if (item.available.includes('self')) {
    return item.state === 'self_assessed'
      ? { text: t(locale, 'review.button.revise'), primary: false }
      : { text: t(locale, 'review.button.self'), primary: true };
  }
  return { text: t(locale, 'review.button.view'), primary: false };
}

/** The suggested-grade line for an indicator target (text for every outcome, grade or reason). */
export function suggestionText(
  facts: { baseline: number | null; target: number | null; actual: number | null },
  ladder: GradeLadder,
  locale: Locale,
): string {
  const s = suggestGrade(facts, ladder);
  const percent = s.percent === null ? '' : formatNumber(roundPercent(s.percent), locale);
  return t(locale, `review.suggest.${s.reason}`, { grade: escapeMrkdwn(s.grade ?? ''), percent });
}

function departmentName(d: { name: string; nameEn: string | null }, locale: Locale): string {
  return locale === 'en' && d.nameEn ? d.nameEn : d.name;
}

function categoryName(category: string, locale: Locale): string {
  const key = `category.${category}`;
  return hasMessage(key) ? t(locale, key) : category;
}

function itemBlock(item: ReviewListItem, input: ReviewListInput): KnownBlock {
  const { locale } = input;
  const none = t(locale, 'review.grade.none');
  const lines = [
    `*${escapeMrkdwn(item.code)}* ${escapeMrkdwn(truncate(item.title, 120))}`,
    `${escapeMrkdwn(departmentName(item.department, locale))} ・ ${escapeMrkdwn(categoryName(item.category, locale))}`,
    `${item.yourTurn ? `${t(locale, 'review.list.turn_badge')} ・ ` : ''}${t(locale, `review.state.${item.state}`)}`,
    t(locale, 'review.list.grades', {
      self: escapeMrkdwn(item.selfGrade ?? none),
      hq: escapeMrkdwn(item.hqGrade ?? none),
    }),
    suggestionText(
      { baseline: item.indicatorBaseline, target: item.indicatorTarget, actual: item.latestValue },
      input.ladder,
      locale,
    ),
  ];
  const button = buttonFor(item, locale);
  const accessory: Button = {
    type: 'button',
    action_id: REVIEW_OPEN_ACTION,
    value: String(item.id),
    text: plain(button.text, SLACK_LIMITS.buttonText),
    ...(button.primary ? { style: 'primary' as const } : {}),
  };
  return {
    type: 'section',
    block_id: `review_item_${item.id}`,
    text: { type: 'mrkdwn', text: truncate(lines.join('\n'), SLACK_LIMITS.sectionText) },
    accessory,
  };
}

function periodText(period: ReviewPeriod, fiscalYear: number, locale: Locale): string {
  const day = (d: string | null) => (d ? formatDay(d, locale, fiscalYear + 1) : '');
  if (period.phase === 'before') return t(locale, 'review.list.period_before', { opens: day(period.opensOn) });
  if (period.phase === 'after') return t(locale, 'review.list.period_after', { closes: day(period.closesOn) });
  if (period.phase === 'unscheduled') return t(locale, 'review.error.not_scheduled');
  const window = period.currentWindow
    ? t(locale, 'review.list.window', { name: escapeMrkdwn(period.currentWindow) })
    : '';
  return t(locale, 'review.list.period_open', { opens: day(period.opensOn), closes: day(period.closesOn), window });
}

/** Reads the list modal's private_metadata; null when it is not ours or was altered. */
export function parseReviewListMetadata(text: string | undefined): ReviewListMetadata | null {
  try {
    const value: unknown = JSON.parse(text ?? '');
    const { fy, page } = value as Partial<ReviewListMetadata>;
    if (Number.isInteger(fy) && Number.isInteger(page) && (page as number) >= 0)
      return { fy: fy as number, page: page as number };
  } catch {
    // Not ours.
  }
  return null;
}

/**
 * The review list modal: the person's targets for the fiscal year under review, their turn first,
 * each with its state, grades, suggested grade and a button; paginated within Slack's 100 blocks.
 */
export function buildReviewListModal(input: ReviewListInput, fiscalYearLabel: string): ModalView {
  const { locale, items } = input;
  const total = items.length;
  const pages = Math.max(1, Math.ceil(total / REVIEW_LIST_PAGE_SIZE));
  const page = Math.min(Math.max(0, input.page), pages - 1);
  const slice = items.slice(page * REVIEW_LIST_PAGE_SIZE, (page + 1) * REVIEW_LIST_PAGE_SIZE);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(t(locale, 'review.list.header', { fy: fiscalYearLabel }), SLACK_LIMITS.headerText) },
    { type: 'context', elements: [{ type: 'mrkdwn', text: periodText(input.period, input.fiscalYear, locale) }] },
  ];
  if (input.notice) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(input.notice, SLACK_LIMITS.sectionText) } });
  }
  if (total === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: t(locale, 'review.list.empty') } });
  } else {
    const turn = items.filter((i) => i.yourTurn).length;
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: t(locale, 'review.list.your_turn', { count: turn }) },
        {
          type: 'mrkdwn',
          text: t(locale, 'review.list.page', {
            from: page * REVIEW_LIST_PAGE_SIZE + 1,
            to: page * REVIEW_LIST_PAGE_SIZE + slice.length,
            total,
          }),
        },
      ],
    });
    blocks.push({ type: 'divider' });
    for (const item of slice) blocks.push(itemBlock(item, input));
  }
  if (pages > 1) {
    const nav = (label: string, to: number): Button => ({
      type: 'button',
      action_id: `${REVIEW_PAGE_ACTION}_${to > page ? 'next' : 'previous'}`,
      text: plain(label, SLACK_LIMITS.buttonText),
      value: String(to),
    });
    const elements: Button[] = [];
    if (page > 0) elements.push(nav(t(locale, 'review.list.previous'), page - 1));
    if (page < pages - 1) elements.push(nav(t(locale, 'review.list.next'), page + 1));
    blocks.push({ type: 'actions', block_id: 'review_nav', elements });
  }
  const metadata: ReviewListMetadata = { fy: input.fiscalYear, page };
  return {
    type: 'modal',
    callback_id: REVIEW_LIST_CALLBACK_ID,
    title: plain(t(locale, 'review.list.title'), SLACK_LIMITS.modalTitle),
    close: plain(t(locale, 'review.modal.close'), SLACK_LIMITS.modalButton),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/**
 * A DM with a button that opens the review list, for when no trigger_id is at hand to open the
 * modal directly (a modal can only be opened in answer to a person's action).
 */
export function buildReviewLauncherMessage(input: { locale: Locale; fiscalYearLabel: string; yourTurn: number }): {
  text: string;
  blocks: KnownBlock[];
} {
  const text = t(input.locale, 'review.launcher.text', { fy: input.fiscalYearLabel, count: input.yourTurn });
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text },
        accessory: {
          type: 'button',
          action_id: REVIEW_LIST_OPEN_ACTION,
          value: 'open',
          style: 'primary',
          text: plain(t(input.locale, 'review.launcher.button'), SLACK_LIMITS.buttonText),
        },
      },
    ],
  };
}
