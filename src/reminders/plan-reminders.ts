import { isBusinessDay } from '../calendar/business-days.js';
import { addDays } from '../calendar/days.js';
import { fiscalYearOfDay } from '../calendar/fiscal-year.js';
import { calendarDayIn, instantAt } from '../calendar/time-zone.js';
import type { Cadence, ReminderConfig } from '../config.js';
import type { Db } from '../db/client.js';
import type { WindowRole } from '../review/window-role.js';
import { type ExistingDelivery, findDeliveriesByKey } from '../services/deliveries/find-deliveries-by-key.js';
import { listDepartmentCadences } from '../services/reminders/list-department-cadences.js';
import { listPausedUsers } from '../services/reminders/list-paused-users.js';
import { listTargetsAwaitingReview } from '../services/reminders/list-targets-awaiting-review.js';
import {
  listTargetsNeedingUpdate,
  type TargetNeedingUpdate,
} from '../services/reminders/list-targets-needing-update.js';
import { listReviewWindows } from '../services/review/list-review-windows.js';
import { checkInOn } from './check-in.js';
import { countdownCycleStart, countdownSlots, type ReviewWindowDays } from './countdown.js';

/** Why a person is reminded on a day. */
export type ReminderReason =
  | {
      kind: 'countdown' | 'last-day';
      windowId: number;
      windowName: string;
      /** Who acts in the window: what the reminder asks of its recipient. */
      role: WindowRole;
      opensOn: string;
      closesOn: string;
      fiscalYear: number;
      daysBefore: number | null;
      /** Updates reported from 00:00 of this day on count for the window. */
      cycleStart: string;
    }
  | {
      kind: 'checkin';
      cadence: Cadence;
      /** Updates reported from 00:00 of this day on count for the check-in. */
      periodStart: string;
      fiscalYear: number;
    };

export type WindowReason = Extract<ReminderReason, { windowId: number }>;

export type Relevance = 'live' | 'stale';

/**
 * A target a reminder lists and what its recipient is asked to do with it: report progress (the
 * owner, for a self window or a check-in) or take the review step of an approve or check window.
 */
export type ReminderTarget = Omit<TargetNeedingUpdate, 'ownerId'> & {
  ownerId: string | null;
  action: 'report' | 'review';
};

export interface PlannedReminder {
  /** Unique delivery key: one reminder per person per reminder day. */
  key: string;
  kind: 'reminder';
  day: string;
  dueAt: Date;
  /** live: due within the catch-up bound; stale: missed for longer (recorded as skipped). */
  relevance: Relevance;
  recipient: string;
  /** countdown:<windowId> (later reminders thread on the first) or checkin:<day>. */
  cycle: string;
  reasons: ReminderReason[];
  targets: ReminderTarget[];
  existing: ExistingDelivery | null;
}

export interface ReminderPlan {
  today: string;
  businessDay: boolean;
  items: PlannedReminder[];
  /** People who would be reminded but have paused reminders. */
  paused: { recipient: string; day: string; until: string; targets: number }[];
}

export interface PlanInput {
  now: Date;
  timeZone: string;
  rules: ReminderConfig;
  catchUpMs: number;
  /** How many days back missed reminders are looked for (to send, or to record as skipped). */
  lookbackDays?: number;
  /** Configured headquarters users (besides the Setting hq_users): who is reminded of check windows. */
  hqUsers?: string[];
}

/** Days back a missed reminder is still noticed (and logged as skipped when beyond the bound). */
export const DEFAULT_LOOKBACK_DAYS = 7;

function windowReason(
  w: ReviewWindowDays,
  kind: 'countdown' | 'last-day',
  daysBefore: number | null,
  rules: ReminderConfig,
): WindowReason {
  return {
    kind,
    windowId: w.id,
    windowName: w.name,
    role: w.role,
    opensOn: w.opensOn,
    closesOn: w.closesOn,
    fiscalYear: w.fiscalYear,
    daysBefore,
    cycleStart: countdownCycleStart(w, rules),
  };
}

/**
 * Who is to be reminded of what at `now`: for each business day in the look-back whose send time
 * has passed, the countdown and check-in slots held that day, and per target owner the targets
 * that still need an update. Reads only; the reminders job claims and sends.
 */
export async function planReminders(db: Db, input: PlanInput): Promise<ReminderPlan> {
  const { now, timeZone, rules } = input;
  const today = calendarDayIn(now, timeZone);
  const lookback = input.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const [windows, cadences] = await Promise.all([
    listReviewWindows(db),
    listDepartmentCadences(db, { defaultCadence: rules.defaultCadence }),
  ]);
  const slotsByWindow = windows.map((w) => ({ window: w, slots: countdownSlots(w, rules) }));
  const byCadence = new Map<Cadence, number[]>();
  for (const d of cadences) byCadence.set(d.cadence, [...(byCadence.get(d.cadence) ?? []), d.id]);

  const drafts: Omit<PlannedReminder, 'existing'>[] = [];
  for (let back = lookback; back >= 0; back--) {
    const day = addDays(today, -back);
    if (!isBusinessDay(day)) continue;
    const dueAt = instantAt(day, rules.sendTime, timeZone);
    if (dueAt.getTime() > now.getTime()) continue;
    const relevance: Relevance = now.getTime() - dueAt.getTime() <= input.catchUpMs ? 'live' : 'stale';

    // Per person: the reasons and the targets (deduplicated) they are reminded of on this day.
    const people = new Map<string, { reasons: ReminderReason[]; targets: Map<number, ReminderTarget> }>();
    const add = (recipient: string, reason: ReminderReason, target: ReminderTarget) => {
      let entry = people.get(recipient);
      if (!entry) {
        entry = { reasons: [], targets: new Map() };
        people.set(recipient, entry);
      }
      if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
      // A target to report on stays one to report on (its owner may also be its manager).
      if (entry.targets.get(target.id)?.action !== 'report') entry.targets.set(target.id, target);
    };
    const addOwners = (reason: ReminderReason, targets: TargetNeedingUpdate[]) => {
      for (const t of targets) add(t.ownerId, reason, { ...t, action: 'report' });
    };

    for (const { window, slots } of slotsByWindow) {
      const slot = slots.find((s) => s.day === day);
      if (!slot) continue;
      const reason = windowReason(window, slot.kind, slot.daysBefore, rules);
      if (window.role === 'self') {
        const since = instantAt(reason.cycleStart, '00:00', timeZone);
        addOwners(
          reason,
          await listTargetsNeedingUpdate(db, { fiscalYearId: window.fiscalYearId, since, selfAssessing: true }),
        );
        continue;
      }
      // Approve and check windows: whoever takes that step, about the targets still waiting for it.
      const awaiting = await listTargetsAwaitingReview(db, {
        fiscalYearId: window.fiscalYearId,
        role: window.role,
        hqUsers: input.hqUsers ?? [],
      });
      for (const { target, recipients } of awaiting) {
        for (const r of recipients) add(r, reason, { ...target, action: 'review' });
      }
    }
    for (const [cadence, departmentIds] of byCadence) {
      const slot = checkInOn(day, cadence);
      if (!slot) continue;
      const fiscalYear = fiscalYearOfDay(day);
      const reason: ReminderReason = { kind: 'checkin', cadence, periodStart: slot.periodStart, fiscalYear };
      const since = instantAt(slot.periodStart, '00:00', timeZone);
      addOwners(reason, await listTargetsNeedingUpdate(db, { fiscalYear, departmentIds, since }));
    }

    for (const [recipient, entry] of people) {
      const windowReasons = entry.reasons
        .filter((r): r is WindowReason => r.kind !== 'checkin')
        .sort((a, b) => (a.opensOn < b.opensOn ? -1 : a.opensOn > b.opensOn ? 1 : a.windowId - b.windowId));
      const first = windowReasons[0];
      drafts.push({
        key: `reminder:${day}:${recipient}`,
        kind: 'reminder',
        day,
        dueAt,
        relevance,
        recipient,
        cycle: first ? `countdown:${first.windowId}` : `checkin:${day}`,
        reasons: [...windowReasons, ...entry.reasons.filter((r) => r.kind === 'checkin')],
        targets: [...entry.targets.values()],
      });
    }
  }

  const paused = await listPausedUsers(db, { userIds: drafts.map((d) => d.recipient), day: today });
  const existing = await findDeliveriesByKey(
    db,
    drafts.map((d) => d.key),
  );
  const plan: ReminderPlan = { today, businessDay: isBusinessDay(today), items: [], paused: [] };
  for (const draft of drafts) {
    const until = paused.get(draft.recipient);
    if (until) {
      plan.paused.push({ recipient: draft.recipient, day: draft.day, until, targets: draft.targets.length });
      continue;
    }
    plan.items.push({ ...draft, existing: existing.get(draft.key) ?? null });
  }
  return plan;
}
