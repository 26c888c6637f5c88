import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadOfflineConfig } from '../src/config.js';
import { testConfig } from './helpers/context.js';

const http = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'signing-secret-123' };
const socket = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A1-xyz' };

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: Slack credentials', () => {
  it('names every missing variable in one error and points to manifest.yml', () => {
    const error = configError(() => loadConfig({}));
    expect(error.name).toBe('ConfigError');
    expect(error.message).toContain('SLACK_BOT_TOKEN');
    expect(error.message).toContain('SLACK_SIGNING_SECRET');
    expect(error.message).toContain('SLACK_APP_TOKEN');
    expect(error.message).toContain('manifest.yml');
    expect(error.problems).toHaveLength(2);
  });

  it('counts empty and blank strings as unset', () => {
    const error = configError(() =>
      loadConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '  ', SLACK_APP_TOKEN: '', PORT: '', DATABASE_URL: '' }),
    );
    expect(error.message).toContain('SLACK_BOT_TOKEN');
    expect(error.message).toContain('SLACK_SIGNING_SECRET');
    expect(error.problems).toHaveLength(2);
  });

  it('reports only the bot token when the signing secret is set', () => {
    const error = configError(() => loadConfig({ SLACK_SIGNING_SECRET: 'secret-123' }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain('SLACK_BOT_TOKEN');
  });

  it('reports the signing secret / app token when only the bot token is set', () => {
    const error = configError(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/SLACK_SIGNING_SECRET[\s\S]*SLACK_APP_TOKEN/);
  });

  it('runs in HTTP mode with the bot token and signing secret', () => {
    const config = loadConfig(http);
    expect(config.slack.botToken).toBe('xoxb-1-2-abc');
    expect(config.slack.signingSecret).toBe('signing-secret-123');
    expect(config.slack.appToken).toBeUndefined();
  });

  it('runs in Socket Mode without the signing secret', () => {
    const config = loadConfig(socket);
    expect(config.slack.appToken).toBe('xapp-1-A1-xyz');
    expect(config.slack.signingSecret).toBeUndefined();
  });

  it('treats an empty signing secret as unset in Socket Mode', () => {
    expect(loadConfig({ ...socket, SLACK_SIGNING_SECRET: '' }).slack.signingSecret).toBeUndefined();
  });
});

describe('loadConfig: every problem at once', () => {
  it('reports bad PORT, time zone and API URL together with the missing tokens', () => {
    const error = configError(() =>
      loadConfig({ PORT: 'abc', TRACKER_TIME_ZONE: 'Mars/Base', SLACK_API_URL: 'not a url' }),
    );
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'PORT', 'TRACKER_TIME_ZONE', 'SLACK_API_URL']) {
      expect(error.message).toContain(name);
    }
    expect(error.problems).toHaveLength(5);
    expect(error.problems.find((p) => p.startsWith('TRACKER_TIME_ZONE'))).toContain('Asia/Tokyo');
  });

  it('reports a bad value even when the credentials are fine', () => {
    const error = configError(() => loadConfig({ ...http, PORT: '70000' }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^PORT/);
  });

  it.each(['abc', '-1', '65536', '80.5'])('rejects PORT=%j', (port) => {
    expect(configError(() => loadConfig({ ...http, PORT: port })).message).toContain('PORT');
  });

  it('rejects an unknown LOG_LEVEL', () => {
    expect(configError(() => loadConfig({ ...http, LOG_LEVEL: 'verbose' })).message).toContain('LOG_LEVEL');
  });
});

describe('loadConfig: defaults and parsing', () => {
  it('uses the defaults', () => {
    const config = loadConfig(http);
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('file:./data/tracker.db');
    expect(config.timeZone).toBe('Asia/Tokyo');
    expect(config.logLevel).toBe('info');
    expect(config.hqUsers).toEqual([]);
    expect(config.slack.apiUrl).toBeUndefined();
  });

  it('uses Asia/Tokyo even when the host TZ is something else', () => {
    expect(loadConfig({ ...http, TZ: 'America/New_York' }).timeZone).toBe('Asia/Tokyo');
  });

  it('uses the defaults for blank values', () => {
    const config = loadConfig({ ...http, PORT: ' ', DATABASE_URL: '', TRACKER_TIME_ZONE: '', LOG_LEVEL: '' });
    expect([config.port, config.databaseUrl, config.timeZone, config.logLevel]).toEqual([
      3000,
      'file:./data/tracker.db',
      'Asia/Tokyo',
      'info',
    ]);
  });

  it('reads the given values', () => {
    const config = loadConfig({
      ...http,
      PORT: '8080',
      DATABASE_URL: 'postgresql://u:p@localhost:5432/tracker',
      TRACKER_TIME_ZONE: 'America/New_York',
      LOG_LEVEL: 'debug',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
    });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgresql://u:p@localhost:5432/tracker');
    expect(config.timeZone).toBe('America/New_York');
    expect(config.logLevel).toBe('debug');
    expect(config.slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
  });

  it('parses TRACKER_HQ_USERS from a comma list', () => {
    expect(loadConfig({ ...http, TRACKER_HQ_USERS: 'U01, U02 ,,U03,' }).hqUsers).toEqual(['U01', 'U02', 'U03']);
    expect(loadConfig({ ...http, TRACKER_HQ_USERS: ' ' }).hqUsers).toEqual([]);
  });
});

describe('loadOfflineConfig', () => {
  it('succeeds without Slack credentials', () => {
    const config = loadOfflineConfig({});
    expect(config.slack.botToken).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('file:./data/tracker.db');
    expect(config.timeZone).toBe('Asia/Tokyo');
  });

  it('still reports bad values, all at once', () => {
    const error = configError(() => loadOfflineConfig({ PORT: 'abc', TRACKER_TIME_ZONE: 'Mars/Base' }));
    expect(error.problems).toHaveLength(2);
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('TRACKER_TIME_ZONE');
    expect(error.message).not.toContain('SLACK_BOT_TOKEN');
  });
});

describe('the reminders, delivery and digest sections', () => {
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

  it('reads the digest schedules once, as a weekday and time or null for off', () => {
    expect(loadOfflineConfig({}).digest).toEqual({
      weekly: { weekday: 1, time: '09:00' },
      department: { weekday: 1, time: '09:00' },
    });
    expect(
      loadOfflineConfig({ TRACKER_WEEKLY_DIGEST: 'off', TRACKER_DEPARTMENT_DIGEST: ' Fri 16:30 ' }).digest,
    ).toEqual({
      weekly: null,
      department: { weekday: 5, time: '16:30' },
    });
    const error = configError(() =>
      loadOfflineConfig({ TRACKER_WEEKLY_DIGEST: 'monday', TRACKER_DEPARTMENT_DIGEST: 'mon 9:00' }),
    );
    expect(error.problems).toEqual([
      'TRACKER_WEEKLY_DIGEST must be a weekday and time such as "mon 09:00", or "off"',
      'TRACKER_DEPARTMENT_DIGEST must be a weekday and time such as "mon 09:00", or "off"',
    ]);
  });

  it('gives tests the loaded config, with section fields overridden one by one', () => {
    const config = testConfig({ delivery: { catchUpHours: 1 }, digest: { weekly: null } });
    const loaded = loadConfig({ ...http, PORT: '0', LOG_LEVEL: 'debug', DATABASE_URL: 'file::memory:' });
    expect(config.reminders).toEqual(loaded.reminders);
    expect(config.delivery).toEqual({ ...loaded.delivery, catchUpHours: 1 });
    expect(config.digest).toEqual({ ...loaded.digest, weekly: null });
  });
});

describe('loadConfig: refused settings', () => {
  it.each([
    'mysql://user:pw@db/tracker',
    'sqlite://./data/tracker.db',
    'sqlserver://db:1433',
    'mongodb+srv://cluster/tracker',
    'http://db.example/tracker',
  ])('refuses DATABASE_URL=%s with what is supported', (url) => {
    const error = configError(() => loadConfig({ ...http, DATABASE_URL: url }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^DATABASE_URL must be a SQLite file \(file:.*or a PostgreSQL URL/);
  });

  it.each([
    'file:./data/tracker.db',
    'file:/var/lib/tracker/tracker.db',
    'file::memory:',
    './data/tracker.db',
    'postgres://u@127.0.0.1/t',
    'postgresql://u:p@db:5432/t?sslmode=require',
  ])('accepts DATABASE_URL=%s', (url) => {
    expect(loadConfig({ ...http, DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it.each([
    ['SLACK_BOT_TOKEN', 'xoxp-1-2-3-user', /^SLACK_BOT_TOKEN must be a bot token \(xoxb-…\)/],
    ['SLACK_BOT_TOKEN', 'xapp-1-A1-xyz', /^SLACK_BOT_TOKEN must be a bot token/],
    ['SLACK_APP_TOKEN', 'xoxb-1-2-abc', /^SLACK_APP_TOKEN must be an app-level token \(xapp-…\)/],
    ['SLACK_APP_TOKEN', 'xoxp-1-2-3-user', /^SLACK_APP_TOKEN must be an app-level token/],
  ])('refuses %s of the wrong kind (%s)', (name, value, message) => {
    const error = configError(() => loadConfig({ ...socket, [name]: value }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(message);
    // The token itself is not echoed.
    expect(error.message).not.toContain(value);
  });

  it('reports a wrong token kind, a foreign database and a bad port together', () => {
    const error = configError(() =>
      loadConfig({ ...http, SLACK_BOT_TOKEN: 'xoxp-1', DATABASE_URL: 'mysql://x', PORT: 'abc' }),
    );
    expect(error.problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DATABASE_URL', 'PORT', 'SLACK_BOT_TOKEN']);
  });

  it('caps request bodies at 1 MiB by default, configurable within bounds', () => {
    expect(loadConfig(http).maxBodyBytes).toBe(1024 * 1024);
    expect(loadConfig({ ...http, TRACKER_MAX_BODY_BYTES: '2097152' }).maxBodyBytes).toBe(2 * 1024 * 1024);
    for (const bad of ['1000', '1e12', 'lots']) {
      expect(configError(() => loadConfig({ ...http, TRACKER_MAX_BODY_BYTES: bad })).problems[0]).toMatch(
        /^TRACKER_MAX_BODY_BYTES/,
      );
    }
  });
});
