import { fiscalYearAt } from '../../calendar/fiscal-year.js';
import type { Db } from '../../db/client.js';
import { findLiveFiscalYears } from './find-live-fiscal-years.js';

/**
 * The fiscal year progress is reported on and shown at an instant (/targets, /progress, Home):
 * the live year for progress (findLiveFiscalYears), else the calendar's fiscal year (nothing loaded
 * yet, so the screens say there is nothing for it).
 */
export async function findProgressFiscalYear(db: Db, input: { now: Date; timeZone: string }): Promise<number> {
  const live = await findLiveFiscalYears(db, input);
  return live.progress?.year ?? fiscalYearAt(input.now, input.timeZone);
}
