import {
  type Cadence,
  type DeliveryConfig,
  loadOfflineConfig,
  type OfflineConfig,
  type ReminderConfig,
} from '../config.js';

export const CADENCES: readonly Cadence[] = ['weekly', 'biweekly', 'monthly', 'off'];

export function isCadence(value: unknown): value is Cadence {
  return typeof value === 'string' && (CADENCES as readonly string[]).includes(value);
}

// The defaults live once, in config.ts's schema; a config built by hand (tests, scripts) without
// these sections gets exactly what an empty environment would give.
let defaults: { reminders: ReminderConfig; delivery: DeliveryConfig } | undefined;
function schemaDefaults() {
  if (!defaults) {
    const empty = loadOfflineConfig({});
    defaults = { reminders: empty.reminders as ReminderConfig, delivery: empty.delivery as DeliveryConfig };
  }
  return defaults;
}

/** Reminder rules of a config, with the documented defaults for anything unset. */
export function reminderSettings(config: OfflineConfig): ReminderConfig {
  return { ...schemaDefaults().reminders, ...config.reminders };
}

/** Send-queue rates and catch-up bound of a config, with the documented defaults. */
export function deliverySettings(config: OfflineConfig): DeliveryConfig {
  return { ...schemaDefaults().delivery, ...config.delivery };
}

/** The catch-up bound in milliseconds. */
export function catchUpMs(config: OfflineConfig): number {
  return deliverySettings(config).catchUpHours * 60 * 60 * 1000;
}

/**
 * A cadence from a Setting or Department value: plain (`biweekly`) or JSON-quoted (`"biweekly"`,
 * as an importer may store it); null when unset or unknown.
 */
export function parseCadence(value: string | null | undefined): Cadence | null {
  if (value === null || value === undefined) return null;
  let text = value.trim();
  if (text.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(text);
      text = typeof parsed === 'string' ? parsed.trim() : '';
    } catch {
      return null;
    }
  }
  const lower = text.toLowerCase();
  return isCadence(lower) ? lower : null;
}
