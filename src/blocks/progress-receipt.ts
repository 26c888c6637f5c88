import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, mention, truncate } from '../domain/mrkdwn.js';
import { STATUS_EMOJI, type Status, statusKey } from '../domain/status.js';
import { type Locale, t } from '../i18n/messages.js';
import { SLACK_LIMITS } from './limits.js';
import { formatNumber } from './targets-message.js';

export interface ProgressReceiptInput {
  locale: Locale;
  reporterId: string;
  target: { code: string; title: string; indicatorUnit: string | null };
  status: Status;
  value: number | null;
  percent: number | null;
  comment: string | null;
  milestones: string[];
}

type Details = Pick<ProgressReceiptInput, 'locale' | 'status' | 'value' | 'percent' | 'comment' | 'milestones'> & {
  unit: string | null;
};

function details(input: Details): string[] {
  const { locale } = input;
  const lines: string[] = [];
  const facts: string[] = [`${STATUS_EMOJI[input.status]} ${t(locale, statusKey(input.status))}`];
  if (input.value !== null) {
    facts.push(
      `${t(locale, 'progress.field.value')}: ${formatNumber(input.value, locale)}${escapeMrkdwn(input.unit ?? '')}`,
    );
  }
  if (input.percent !== null)
    facts.push(t(locale, 'targets.percent', { percent: formatNumber(input.percent, locale) }));
  lines.push(facts.join(' ・ '));
  if (input.milestones.length > 0) {
    lines.push(
      `${t(locale, 'progress.field.milestones')}: ${input.milestones.map((m) => escapeMrkdwn(truncate(m, 80))).join('、')}`,
    );
  }
  if (input.comment) lines.push(`>${escapeMrkdwn(input.comment).replace(/\n/g, '\n>')}`);
  return lines;
}

/** A heading section and a details section, each cut to Slack's section limit. */
function headingAndDetails(text: string, input: Details): { text: string; blocks: KnownBlock[] } {
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: truncate(details(input).join('\n'), SLACK_LIMITS.sectionText) },
      },
    ],
  };
}

/** The reporter's confirmation that an update was stored. */
export function buildProgressReceipt(input: ProgressReceiptInput): { text: string; blocks: KnownBlock[] } {
  const text = t(input.locale, 'progress.confirmed', {
    code: escapeMrkdwn(input.target.code),
    title: escapeMrkdwn(truncate(input.target.title, 100)),
    status: t(input.locale, statusKey(input.status)),
  });
  return headingAndDetails(text, { ...input, unit: input.target.indicatorUnit });
}

/** The post in the department channel announcing an update. */
export function buildProgressChannelPost(input: ProgressReceiptInput): { text: string; blocks: KnownBlock[] } {
  const heading = t(input.locale, 'progress.channel_post', {
    reporter: mention(input.reporterId),
    code: escapeMrkdwn(input.target.code),
    title: escapeMrkdwn(truncate(input.target.title, 100)),
  });
  return headingAndDetails(heading, { ...input, unit: input.target.indicatorUnit });
}

/**
 * The reporter's notice that a report whose modal had already closed was not stored, with what
 * they entered so that it is not lost.
 */
export function buildProgressNotStoredNotice(input: Omit<Details, 'milestones' | 'unit'> & { reason: string }): {
  text: string;
  blocks: KnownBlock[];
} {
  const text = t(input.locale, 'progress.not_stored_late', { reason: escapeMrkdwn(input.reason) });
  return headingAndDetails(text, { ...input, milestones: [], unit: null });
}
