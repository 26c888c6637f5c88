import fc from 'fast-check';

// Independent reference arithmetic for the calendar property tests: days counted from the Unix
// epoch with Date.UTC and getUTC*, written without date-fns and without the code under test.

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Day number (days since 1970-01-01) of 'YYYY-MM-DD'. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** 'YYYY-MM-DD' of a day number. */
export function dayOfNumber(n: number): string {
  const date = new Date(n * DAY_MS);
  const pad = (v: number, width = 2) => String(v).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export const oracle = {
  addDays: (day: string, n: number): string => dayOfNumber(dayNumber(day) + n),
  dayOfWeek: (day: string): number => new Date(dayNumber(day) * DAY_MS).getUTCDay(),
  daysBetween: (a: string, b: string): number => dayNumber(b) - dayNumber(a),
  firstOfPreviousMonth: (day: string): string => {
    const [y, m] = day.split('-').map(Number) as [number, number];
    return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
  },
};

/** Any calendar day from 2000-01-01 to 2100-12-31. */
export const anyDay = fc
  .integer({ min: Date.UTC(2000, 0, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS })
  .map(dayOfNumber);

/** Host time zones the tests run under: the code must give the same answers in each. */
export const HOST_ZONES = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Tokyo'];

/** Runs body with process.env.TZ set to zone, restoring the previous value afterwards. */
export function underHostZone<T>(zone: string, body: () => T): T {
  const original = process.env.TZ;
  process.env.TZ = zone;
  try {
    return body();
  } finally {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  }
}
