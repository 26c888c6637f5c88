import { cleanText } from './clean-text.js';

/**
 * Cleans user text (cleanText: no control or bidirectional formatting characters) and escapes it
 * for Slack mrkdwn: & < > are the only control characters, and escaping them stops <!channel>,
 * <@U…> and <http://…|links> from being injected through a comment.
 */
export function escapeMrkdwn(text: string): string {
  return cleanText(text, { multiline: true }).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to at most max characters (by code point), marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  // Code points never outnumber UTF-16 units: most texts need no split into code points.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** A user mention; only for ids we stored ourselves, never for user-typed text. */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}
