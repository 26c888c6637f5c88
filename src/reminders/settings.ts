import type { Cadence } from '../config.js';

export const CADENCES: readonly Cadence[] = ['weekly', 'biweekly', 'monthly', 'off'];

export function isCadence(value: unknown): value is Cadence {
  return typeof value === 'string' && (CADENCES as readonly string[]).includes(value);
}

/**
 * A cadence from a Setting or Department value: plain (`biweekly`) or JSON-quoted (`"biweekly"`,
 * as an importer may store it); null when unset or unknown.
 */
export function parseCadence(value: string | null | undefined): Cadence | null {
  if (value === null || value === undefined) return null;
  let text = value.trim();
  if (text.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(text);
      text = typeof parsed === 'string' ? parsed.trim() : '';
    } catch {
      return null;
    }
  }
  const lower = text.toLowerCase();
  return isCadence(lower) ? lower : null;
}
