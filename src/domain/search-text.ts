/**
 * How typed search text is compared with names, codes and titles: both sides NFKC-normalised
 * (full-width ＳＫ－１ reads as SK-1, half-width ｶﾅ as カナ), case-folded and trimmed, and matched
 * literally as a substring (%, _ and \ are ordinary characters, as the user meant them).
 */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

/** True when any of the texts contains the query (searchKey on both sides); an empty query matches all. */
export function matchesSearch(query: string, texts: readonly (string | null | undefined)[]): boolean {
  const key = searchKey(query);
  if (key === '') return true;
  return texts.some((text) => text != null && searchKey(text).includes(key));
}
