import { describe, expect, it } from 'vitest';
import { ConfigError, loadOfflineConfig } from '../../src/config.js';
import { catchUpMs, deliverySettings, parseCadence, reminderSettings } from '../../src/reminders/settings.js';
import { testConfig } from '../helpers/context.js';

describe('reminder configuration', () => {
  it('has documented defaults: 30/14/7/1 days and the last day at 09:30, biweekly, 2 business days, 24 h', () => {
    const config = loadOfflineConfig({});
    expect(config.reminders).toEqual({
      countdownDays: [30, 14, 7, 1],
      lastDayReminder: true,
      sendTime: '09:30',
      defaultCadence: 'biweekly',
      escalationBusinessDays: 2,
    });
    expect(config.delivery).toEqual({
      catchUpHours: 24,
      channelIntervalMs: 1000,
      workspacePerSecond: 5,
      workspaceBurst: 20,
      concurrency: 4,
      claimLeaseMs: 600_000,
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadOfflineConfig({
      TRACKER_REMINDER_DAYS: '7, 21,7 ,3',
      TRACKER_REMINDER_LAST_DAY: 'false',
      TRACKER_REMINDER_TIME: '08:45',
      TRACKER_CHECKIN_CADENCE: 'monthly',
      TRACKER_ESCALATION_BUSINESS_DAYS: '3',
      TRACKER_CATCH_UP_HOURS: '12',
      TRACKER_SLACK_CHANNEL_INTERVAL_MS: '1500',
      TRACKER_SLACK_WORKSPACE_RATE: '2.5',
      TRACKER_SLACK_WORKSPACE_BURST: '10',
      TRACKER_SLACK_CONCURRENCY: '2',
    });
    expect(config.reminders).toEqual({
      countdownDays: [21, 7, 3],
      lastDayReminder: false,
      sendTime: '08:45',
      defaultCadence: 'monthly',
      escalationBusinessDays: 3,
    });
    expect(config.delivery).toEqual({
      catchUpHours: 12,
      channelIntervalMs: 1500,
      workspacePerSecond: 2.5,
      workspaceBurst: 10,
      concurrency: 2,
      claimLeaseMs: 600_000,
    });
    expect(catchUpMs(config)).toBe(12 * 3600 * 1000);
  });

  it('reports bad values clearly', () => {
    expect(() => loadOfflineConfig({ TRACKER_REMINDER_TIME: '9:30', TRACKER_REMINDER_DAYS: 'weekly' })).toThrow(
      ConfigError,
    );
    try {
      loadOfflineConfig({ TRACKER_REMINDER_TIME: '25:00', TRACKER_CHECKIN_CADENCE: 'daily' });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('TRACKER_REMINDER_TIME must be a time such as 09:30');
      expect(problems).toContain('TRACKER_CHECKIN_CADENCE');
    }
  });

  it('fills in defaults for hand-built configs', () => {
    const config = testConfig();
    expect(config.reminders).toBeUndefined();
    expect(reminderSettings(config).sendTime).toBe('09:30');
    expect(
      deliverySettings(testConfig({ delivery: { ...deliverySettings(config), catchUpHours: 1 } })).catchUpHours,
    ).toBe(1);
  });
});

describe('parseCadence', () => {
  it('reads plain or JSON-quoted values, case-insensitively, and rejects others', () => {
    expect(parseCadence('weekly')).toBe('weekly');
    expect(parseCadence(' "Monthly" ')).toBe('monthly');
    expect(parseCadence('off')).toBe('off');
    expect(parseCadence('daily')).toBeNull();
    expect(parseCadence('"unterminated')).toBeNull();
    expect(parseCadence(null)).toBeNull();
  });
});
