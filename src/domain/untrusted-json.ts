/**
 * Readers for JSON that a client sent (view state, private_metadata, action values): a forged or
 * unexpected payload may put null, numbers, arrays or objects anywhere, and these never throw.
 */

/** An object's own fields, or undefined when the value is not a plain object. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The value when it is a string, else undefined. */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The record at a path of keys, or undefined when any step is not a plain object. */
export function recordAt(value: unknown, ...keys: string[]): Record<string, unknown> | undefined {
  let current = asRecord(value);
  for (const key of keys) current = asRecord(current?.[key]);
  return current;
}
