import { readNumber } from '../domain/parse-number.js';

/**
 * A number field of an import file written as text (every CSV cell; a YAML value such as 1,234 or
 * １２), read as the progress modal reads a number (src/domain/parse-number.ts). Text that is not a
 * number stays text, and a number beyond the range of doubles (1e309) becomes ±Infinity, as it
 * does in YAML: the schema then refuses both with the message it gives any other value.
 */
export function numberFromText(value: unknown): unknown {
  return typeof value === 'string' ? (readNumber(value) ?? value) : value;
}
