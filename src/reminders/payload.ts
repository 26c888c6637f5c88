// The Delivery.payload of reminder deliveries: what escalation and threading need to find later.

export interface ReminderPayload {
  day: string;
  cycle: string;
  reasons: string[];
}

export interface EscalationPayload {
  day: string;
  level: 'manager' | 'hq';
  /** Per target: the owner chased and the instant from which an update ends the silence. */
  targets: { id: number; owner: string; since: string }[];
}

function parse(payload: string | null): Record<string, unknown> | null {
  if (!payload) return null;
  try {
    const value: unknown = JSON.parse(payload);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function parseReminderPayload(payload: string | null): ReminderPayload | null {
  const v = parse(payload);
  if (!v || typeof v.day !== 'string' || typeof v.cycle !== 'string') return null;
  return { day: v.day, cycle: v.cycle, reasons: Array.isArray(v.reasons) ? v.reasons.map(String) : [] };
}

export function parseEscalationPayload(payload: string | null): EscalationPayload | null {
  const v = parse(payload);
  if (!v || typeof v.day !== 'string' || (v.level !== 'manager' && v.level !== 'hq') || !Array.isArray(v.targets)) {
    return null;
  }
  const targets = v.targets.filter(
    (t): t is EscalationPayload['targets'][number] =>
      !!t &&
      typeof t === 'object' &&
      typeof t.id === 'number' &&
      typeof t.owner === 'string' &&
      typeof t.since === 'string',
  );
  return { day: v.day, level: v.level, targets };
}
