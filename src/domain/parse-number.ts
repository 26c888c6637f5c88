/**
 * Parses a number typed by a person: full-width digits (１２．５), thousands separators in their
 * proper places (1,234,567) and surrounding spaces are accepted; anything else, and non-finite
 * results such as 1e309, is not. "12,5" is refused rather than guessed.
 */
export function parseNumber(text: string): number | null {
  let normalized = text
    .normalize('NFKC')
    .trim()
    .replace(/^[−ー]/, '-');
  if (normalized.includes(',')) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(normalized)) return null;
    normalized = normalized.replace(/,/g, '');
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(normalized)) return null;
  const value = Number(normalized);
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}
