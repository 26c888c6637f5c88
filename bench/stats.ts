/** The p-th percentile (nearest rank) of a list of numbers, rounded to 0.1. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[rank] ?? Number.NaN) * 10) / 10;
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Median, unrounded (the mean of the two middle values for an even count): for ratios and MB. */
export function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[half] ?? Number.NaN) : ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2;
}

/** Arithmetic mean of a list of numbers (NaN when empty). */
export function mean(values: number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Prints rows as an aligned plain-text table. */
export function printTable(headers: string[], rows: (string | number)[][]): void {
  const all = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  for (const row of all) console.log(row.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  '));
}
