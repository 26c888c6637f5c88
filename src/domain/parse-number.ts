/**
 * The bound on every number a person enters (a reported value, an indicator's baseline or target):
 * at most 1兆 (10^12) either way. It leaves room for any indicator a city hall keeps (budgets in
 * yen, visitor counts, percentages) and keeps every figure computed from such numbers finite:
 * the achievement rate, digest lines and the cells of the evaluation sheet (評価シート). The
 * progress modal, the import (YAML, CSV, and so the CLI) and the service that stores an update
 * refuse a number beyond it.
 */
export const NUMBER_BOUND = 1e12;

/** True when n is a finite number within ±NUMBER_BOUND. */
export function isWithinBound(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= NUMBER_BOUND;
}

/** NUMBER_BOUND as people read it in messages: 1,000,000,000,000. */
export const NUMBER_BOUND_TEXT = NUMBER_BOUND.toLocaleString('en-US');

/**
 * The number written in a text typed by a person, or null when the text is not a number:
 * full-width digits (１２．５), a leading minus sign of any common form (-, −, －, ー), thousands
 * separators in their proper places (1,234,567) and surrounding spaces are accepted; "12,5" is
 * refused rather than guessed. A well-formed number beyond the range of doubles (1e309) reads as
 * ±Infinity, so callers can tell "too large" from "not a number".
 */
export function readNumber(text: string): number | null {
  let normalized = text
    .normalize('NFKC')
    .trim()
    .replace(/^[−ー]/, '-');
  if (normalized.includes(',')) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(normalized)) return null;
    normalized = normalized.replace(/,/g, '');
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(normalized)) return null;
  return Number(normalized);
}

/**
 * Parses a number typed by a person (readNumber's forms) into a finite number; null for anything
 * else, including results beyond the range of doubles. -0 becomes 0.
 */
export function parseNumber(text: string): number | null {
  const value = readNumber(text);
  if (value === null || !Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}
