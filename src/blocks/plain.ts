import type { PlainTextElement } from '@slack/types';
import { cleanText } from '../domain/clean-text.js';
import { truncate } from '../domain/mrkdwn.js';

/**
 * A plain_text object, cleaned (cleanText) and cut to max characters (Slack rejects longer ones
 * outright).
 */
export function plain(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: truncate(cleanText(text, { multiline: true }), max), emoji: true };
}
