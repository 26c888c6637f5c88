import { wellFormed } from './well-formed.js';

/**
 * The one place that says which characters of user text are not shown: everything the bot writes
 * to Slack (escapeMrkdwn, plain text objects) and to exports, and every comment it stores, passes
 * through cleanText. One rule per concept:
 *
 * - control characters: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F); multi-line text keeps
 *   line feed and tab, and its CR LF and lone CR become line feeds;
 * - bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
 *   (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C), which can make a comment read
 *   backwards ("U+202E gnp.exe") or reorder the text around it in a channel post or a sheet;
 * - lone surrogates become U+FFFD (wellFormed).
 *
 * Invisible characters (zero-width space, joiners, word joiner, BOM, soft hyphen, Hangul fillers)
 * stay, as emoji sequences need the joiner, but a text made only of them and white space is blank
 * (isBlankText): a required comment of a zero-width space is no comment.
 */

const CONTROL_CLASS = '\\u0000-\\u001F\\u007F-\\u009F';
const CONTROL_EXCEPT_LINE_BREAKS_CLASS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
const BIDI_CLASS = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const INVISIBLE_CLASS = '\\u00AD\\u115F\\u1160\\u180E\\u200B-\\u200D\\u2060-\\u2064\\u3164\\uFEFF\\uFFA0';

// With the g flag for replace; test() uses the rules without it, which keep no position between calls.
const all = (chars: string) => new RegExp(`[${chars}]`, 'g');
const any = (chars: string) => new RegExp(`[${chars}]`);
const CONTROL = all(CONTROL_CLASS);
const CONTROL_EXCEPT_LINE_BREAKS = all(CONTROL_EXCEPT_LINE_BREAKS_CLASS);
const BIDI_CONTROLS = all(BIDI_CLASS);
const INVISIBLE = all(INVISIBLE_CLASS);
const ANY_CONTROL = any(CONTROL_CLASS);
const ANY_CONTROL_EXCEPT_LINE_BREAKS = any(CONTROL_EXCEPT_LINE_BREAKS_CLASS);
const ANYTHING_TO_CLEAN = new RegExp(`[${CONTROL_CLASS}${BIDI_CLASS}]|\\p{Cs}`, 'u');

export interface CleanOptions {
  /** Keep line feeds and tabs (comments, descriptions); otherwise they go too. */
  multiline?: boolean;
}

/** The text without control and bidirectional formatting characters, lone surrogates replaced. */
export function cleanText(text: string, options: CleanOptions = {}): string {
  // Most text has nothing to clean: one scan, no copy.
  if (!ANYTHING_TO_CLEAN.test(text)) return text;
  const wellFormedText = wellFormed(text).replace(BIDI_CONTROLS, '');
  return options.multiline
    ? wellFormedText.replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_LINE_BREAKS, '')
    : wellFormedText.replace(CONTROL, '');
}

/** Whether the text holds a character cleanText removes (C0/C1 controls; newline and tab when multiline is off). */
export function hasControlCharacters(text: string, options: CleanOptions = {}): boolean {
  return (options.multiline ? ANY_CONTROL_EXCEPT_LINE_BREAKS : ANY_CONTROL).test(text);
}

/** The text without bidirectional formatting characters. */
export function removeBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** True when nothing visible is left once the text is cleaned and invisible characters removed. */
export function isBlankText(text: string): boolean {
  return cleanText(text, { multiline: true }).replace(INVISIBLE, '').trim() === '';
}

/** The cleaned, trimmed multi-line text, or null when it is blank (isBlankText). */
export function cleanComment(text: string | null | undefined): string | null {
  const cleaned = cleanText(text ?? '', { multiline: true }).trim();
  return isBlankText(cleaned) ? null : cleaned;
}
