import type { PlainTextElement } from '@slack/types';
import { truncate } from '../domain/mrkdwn.js';

/** A plain_text object cut to max characters (Slack rejects longer ones outright). */
export function plain(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}
