import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, truncate } from '../domain/mrkdwn.js';
import { type Locale, t } from '../i18n/messages.js';
import type { ReviewStepKind } from '../review/workflow.js';
import { SLACK_LIMITS } from './limits.js';

export interface ReviewNotRecordedInput {
  locale: Locale;
  step: ReviewStepKind;
  /** Why it was not recorded, already in the user's language. */
  reason: string;
  grade: string | null;
  comment: string | null;
}

/**
 * The notice that a review step whose modal had already closed was not recorded, with the grade
 * and comment entered so that they are not lost.
 */
export function buildReviewNotRecordedNotice(input: ReviewNotRecordedInput): { text: string; blocks: KnownBlock[] } {
  const { locale } = input;
  const text = t(locale, 'review.not_recorded_late', {
    step: t(locale, `review.step.${input.step}`),
    reason: escapeMrkdwn(input.reason),
  });
  const lines: string[] = [];
  if (input.grade) lines.push(`${t(locale, 'review.field.grade')}: ${escapeMrkdwn(input.grade)}`);
  if (input.comment) lines.push(`>${escapeMrkdwn(input.comment).replace(/\n/g, '\n>')}`);
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } },
  ];
  if (lines.length > 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(lines.join('\n'), SLACK_LIMITS.sectionText) },
    });
  }
  return { text, blocks };
}
