/**
 * Parses a number typed by a person: full-width digits (１２．５), thousands separators and
 * surrounding spaces are accepted; anything else, and non-finite results such as 1e309, is not.
 */
export function parseNumber(text: string): number | null {
  const normalized = text.normalize('NFKC').trim().replace(/[,\s]/g, '').replace(/^−/, '-');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(normalized)) return null;
  const value = Number(normalized);
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}
