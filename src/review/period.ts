import { calendarFromDate } from '../calendar/days.js';
import type { ReviewStepKind } from './workflow.js';

export interface ReviewWindowFacts {
  name: string;
  opensOn: Date;
  closesOn: Date;
}

/** unscheduled: no windows; before / open / after: relative to the first opening and last closing. */
export type ReviewPhase = 'unscheduled' | 'before' | 'open' | 'after';

export interface ReviewPeriod {
  phase: ReviewPhase;
  /** First and last calendar day of the review ('YYYY-MM-DD'), null when unscheduled. */
  opensOn: string | null;
  closesOn: string | null;
  /** The window open today, if any (windows may leave gaps or overlap). */
  currentWindow: string | null;
}

/** Where today (a 'YYYY-MM-DD' in the organisation's zone) falls in a fiscal year's review windows. */
export function reviewPeriod(windows: readonly ReviewWindowFacts[], today: string): ReviewPeriod {
  if (windows.length === 0) return { phase: 'unscheduled', opensOn: null, closesOn: null, currentWindow: null };
  const days = windows.map((w) => ({
    name: w.name,
    opens: calendarFromDate(w.opensOn),
    closes: calendarFromDate(w.closesOn),
  }));
  const opensOn = days.map((d) => d.opens).sort()[0] as string;
  const closesOn = days
    .map((d) => d.closes)
    .sort()
    .reverse()[0] as string;
  const current = days
    .filter((d) => d.opens <= today && today <= d.closes)
    .sort((a, b) => a.opens.localeCompare(b.opens))[0];
  const phase: ReviewPhase = today < opensOn ? 'before' : today > closesOn ? 'after' : 'open';
  return { phase, opensOn, closesOn, currentWindow: current?.name ?? null };
}

export type PeriodCheck =
  | { ok: true }
  | { ok: false; reason: 'review_not_scheduled' | 'review_not_open' | 'review_closed' };

/** Steps headquarters takes; headquarters may finish the review after the last window has closed. */
const HQ_STEPS: readonly ReviewStepKind[] = ['check', 'confirm', 'return'];
/** The department's answer to a return. */
const ANSWER_STEPS: readonly ReviewStepKind[] = ['self', 'approve'];

/**
 * Whether a step may be taken in this phase. Nothing happens before the review opens. After it
 * closes, headquarters may still check, confirm and return, and the department may answer a
 * return (self-assess again and approve), or a late return could never be resolved. A department
 * cannot reopen its own review after the deadline (a manager's late return is refused).
 */
export function checkPeriod(
  phase: ReviewPhase,
  step: ReviewStepKind,
  actor: { isHq: boolean; roundStartedByReturn: boolean },
): PeriodCheck {
  if (phase === 'unscheduled') return { ok: false, reason: 'review_not_scheduled' };
  if (phase === 'before') return { ok: false, reason: 'review_not_open' };
  if (phase === 'open') return { ok: true };
  if (actor.isHq && HQ_STEPS.includes(step)) return { ok: true };
  if (actor.roundStartedByReturn && ANSWER_STEPS.includes(step)) return { ok: true };
  return { ok: false, reason: 'review_closed' };
}
