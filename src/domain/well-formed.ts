// A string from JSON may hold a lone surrogate ("\ud800"), which is not text: better-sqlite3 stored
// it as 3 bytes of invalid UTF-8 that read back as 3 replacement characters, so a comment of 1,000
// of them passed the 2,000-character limit and came back as 3,000 characters.
const LONE_SURROGATE = /\p{Cs}/gu;
// Without the g flag, test() keeps no position between calls.
const ANY_LONE_SURROGATE = /\p{Cs}/u;

/** The text with each lone surrogate replaced by U+FFFD, as String.prototype.toWellFormed does. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** Whether the text holds a lone surrogate. */
export function hasLoneSurrogate(text: string): boolean {
  return ANY_LONE_SURROGATE.test(text);
}
