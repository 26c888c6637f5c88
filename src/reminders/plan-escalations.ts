import { milliseconds } from 'date-fns';
import { addBusinessDays } from '../calendar/business-days.js';
import { calendarDayIn, instantAt } from '../calendar/time-zone.js';
import type { ReminderConfig } from '../config.js';
import type { Db } from '../db/client.js';
import { type ExistingDelivery, findDeliveriesByKey } from '../services/deliveries/find-deliveries-by-key.js';
import { type DeliveryWithTargets, listDeliveryHistory } from '../services/deliveries/list-delivery-history.js';
import { listDepartmentManagers } from '../services/people/list-department-managers.js';
import { listTargetFacts, type TargetFacts } from '../services/progress/list-target-facts.js';
import { listPausedUsers } from '../services/reminders/list-paused-users.js';
import { parseEscalationPayload, parseReminderPayload } from './payload.js';
import type { Relevance } from './plan-reminders.js';

export interface EscalationTarget extends TargetFacts {
  ownerId: string;
  /** The day the owner was reminded (manager level) or the managers were told (HQ level). */
  remindedOn: string;
  /** Silence is broken by an update reported at or after this instant (the reminder's sending). */
  since: Date;
}

export interface PlannedEscalation {
  key: string;
  kind: 'escalation-manager' | 'escalation-hq';
  level: 'manager' | 'hq';
  day: string;
  dueAt: Date;
  relevance: Relevance;
  /** A user id or channel id; for 'none', a label (nobody to tell: recorded as skipped). */
  recipient: string;
  recipientType: 'user' | 'channel' | 'none';
  targets: EscalationTarget[];
  existing: ExistingDelivery | null;
}

export interface EscalationInput {
  now: Date;
  timeZone: string;
  rules: ReminderConfig;
  catchUpMs: number;
  /** Headquarters users (config + Setting hq_users) for fiscal years without a leadership channel. */
  hqUsers: string[];
}

/** How far back reminders are looked at for escalation (well beyond 2 × N business days + catch-up). */
const HISTORY_DAYS = 60;

interface Stage {
  /** The earlier delivery a target's escalation is anchored on. */
  anchor: DeliveryWithTargets;
  anchorDay: string;
  owner: string;
  since: Date;
  day: string;
  dueAt: Date;
}

function relevanceOf(dueAt: Date, input: EscalationInput): Relevance {
  return input.now.getTime() - dueAt.getTime() <= input.catchUpMs ? 'live' : 'stale';
}

/** Per target, the latest anchor whose escalation (N business days later) is due by now. */
function dueStages(
  anchors: DeliveryWithTargets[],
  input: EscalationInput,
  describe: (d: DeliveryWithTargets, targetId: number) => { day: string; owner: string; since: Date } | null,
): Map<number, Stage> {
  const stages = new Map<number, Stage>();
  // The escalation day depends on the anchor day alone: worked out once per day, not per target.
  const escalations = new Map<string, { day: string; dueAt: Date }>();
  const escalationOf = (anchorDay: string) => {
    let found = escalations.get(anchorDay);
    if (!found) {
      const day = addBusinessDays(anchorDay, input.rules.escalationBusinessDays);
      found = { day, dueAt: instantAt(day, input.rules.sendTime, input.timeZone) };
      escalations.set(anchorDay, found);
    }
    return found;
  };
  for (const anchor of anchors) {
    for (const targetId of anchor.targetIds) {
      const described = describe(anchor, targetId);
      if (!described) continue;
      const { day, dueAt } = escalationOf(described.day);
      if (dueAt.getTime() > input.now.getTime()) continue;
      const current = stages.get(targetId);
      if (!current || current.anchor.dueAt.getTime() <= anchor.dueAt.getTime()) {
        stages.set(targetId, {
          anchor,
          anchorDay: described.day,
          owner: described.owner,
          since: described.since,
          day,
          dueAt,
        });
      }
    }
  }
  return stages;
}

/**
 * Who was already told about which target at one level, for which reminder: each escalation
 * records per target the instant its chain's reminder was sent (`since`), so an escalation of an
 * earlier reminder sent on the day a later one goes out never stands for the later one's. A failed
 * delivery does not count: the same key is planned again so that it is retried.
 */
function toldIndex(history: DeliveryWithTargets[]): (targetId: number, recipient: string, since: Date) => boolean {
  const told = new Set<string>();
  const entry = (targetId: number, recipient: string, since: number) => `${targetId}\u0000${recipient}\u0000${since}`;
  for (const d of history) {
    if (d.status === 'failed') continue;
    const payload = parseEscalationPayload(d.payload);
    for (const t of payload?.targets ?? []) {
      told.add(entry(t.id, d.recipient, new Date(t.since).getTime()));
    }
  }
  return (targetId, recipient, since) => told.has(entry(targetId, recipient, since.getTime()));
}

/**
 * Escalations due at `now`. A target reminded (a sent reminder) and still without an update N
 * business days later (no report and no self-assessment since) goes to its department's managers; still silent N business days after that,
 * to headquarters (the fiscal year's leadership channel, else the configured HQ users). A target is
 * escalated once per reminder at each level, not when its owner changed or paused since.
 */
export async function planEscalations(db: Db, input: EscalationInput): Promise<PlannedEscalation[]> {
  const { now, timeZone } = input;
  const today = calendarDayIn(now, timeZone);
  const horizon = new Date(now.getTime() - milliseconds({ days: HISTORY_DAYS }));

  const [reminders, managerHistory, hqHistory] = await Promise.all([
    listDeliveryHistory(db, { kinds: ['reminder'], statuses: ['sent'], since: horizon }),
    listDeliveryHistory(db, { kinds: ['escalation-manager'], since: horizon }),
    listDeliveryHistory(db, { kinds: ['escalation-hq'], since: horizon }),
  ]);

  const managerStages = dueStages(reminders, input, (d) => ({
    day: parseReminderPayload(d.payload)?.day ?? calendarDayIn(d.dueAt, timeZone),
    owner: d.recipient,
    since: d.sentAt ?? d.dueAt,
  }));
  // Managers were told (or there was nobody to tell): the chain goes on to headquarters.
  const toldManagers = managerHistory.filter(
    (d) => d.status === 'sent' || (d.status === 'skipped' && (d.error ?? '').startsWith('no_recipient')),
  );
  const hqStages = dueStages(toldManagers, input, (d, targetId) => {
    const payload = parseEscalationPayload(d.payload);
    const entry = payload?.targets.find((t) => t.id === targetId);
    return payload && entry ? { day: payload.day, owner: entry.owner, since: new Date(entry.since) } : null;
  });
  const toldManager = toldIndex(managerHistory);
  const toldHq = toldIndex(hqHistory);

  const facts = await listTargetFacts(db, [...managerStages.keys(), ...hqStages.keys()]);
  const owners = [...managerStages.values(), ...hqStages.values()].map((s) => s.owner);
  const paused = await listPausedUsers(db, { userIds: owners, day: today });
  const silent = (stages: Map<number, Stage>) => {
    const out: { target: EscalationTarget; stage: Stage }[] = [];
    for (const [id, stage] of stages) {
      const f = facts.get(id);
      // Reassigned since: the new owner has not been reminded yet. Paused: on leave, not chased.
      if (!f || f.ownerId !== stage.owner || paused.has(stage.owner)) continue;
      // Answered since the reminder: a progress report, or the self-assessment the window asked for.
      if (f.lastReportedAt && f.lastReportedAt.getTime() >= stage.since.getTime()) continue;
      if (f.lastSelfAssessedAt && f.lastSelfAssessedAt.getTime() >= stage.since.getTime()) continue;
      out.push({ target: { ...f, ownerId: stage.owner, remindedOn: stage.anchorDay, since: stage.since }, stage });
    }
    return out.sort(
      (a, b) =>
        a.target.departmentSortOrder - b.target.departmentSortOrder ||
        a.target.departmentId - b.target.departmentId ||
        a.target.code.localeCompare(b.target.code),
    );
  };

  const drafts = new Map<string, Omit<PlannedEscalation, 'existing'>>();
  const put = (
    level: 'manager' | 'hq',
    stage: Stage,
    recipient: string,
    recipientType: PlannedEscalation['recipientType'],
    target: EscalationTarget,
  ) => {
    const told = level === 'manager' ? toldManager : toldHq;
    if (told(target.id, recipient, stage.since)) return;
    const key = `escalation-${level}:${stage.day}:${recipient}`;
    let draft = drafts.get(key);
    if (!draft) {
      draft = {
        key,
        kind: level === 'manager' ? 'escalation-manager' : 'escalation-hq',
        level,
        day: stage.day,
        dueAt: stage.dueAt,
        relevance: relevanceOf(stage.dueAt, input),
        recipient,
        recipientType,
        targets: [],
      };
      drafts.set(key, draft);
    }
    draft.targets.push(target);
  };

  const managerSilent = silent(managerStages);
  const managers = await listDepartmentManagers(
    db,
    managerSilent.map((s) => s.target.departmentId),
  );
  const pausedManagers = await listPausedUsers(db, { userIds: [...managers.values()].flat(), day: today });
  for (const { target, stage } of managerSilent) {
    const recipients = (managers.get(target.departmentId) ?? []).filter(
      (m) => m !== target.ownerId && !pausedManagers.has(m),
    );
    if (recipients.length === 0) put('manager', stage, `none-${target.departmentCode}`, 'none', target);
    for (const m of recipients) put('manager', stage, m, 'user', target);
  }
  for (const { target, stage } of silent(hqStages)) {
    if (target.leadershipChannel) put('hq', stage, target.leadershipChannel, 'channel', target);
    else if (input.hqUsers.length > 0) for (const u of input.hqUsers) put('hq', stage, u, 'user', target);
    else put('hq', stage, `none-fy${target.fiscalYear}`, 'none', target);
  }

  const existing = await findDeliveriesByKey(db, [...drafts.keys()]);
  return [...drafts.values()].map((d) => ({ ...d, existing: existing.get(d.key) ?? null }));
}
