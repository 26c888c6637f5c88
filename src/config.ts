import { z } from 'zod';
import { DIGEST_SCHEDULE_PATTERN, type DigestSchedule, parseDigestSchedule } from './digest/schedule.js';
import type { Locale } from './i18n/messages.js';

/** An empty variable counts as unset. */
const blank = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v);
const optionalText = z.preprocess(blank, z.string().optional());

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not an IANA time zone such as Asia/Tokyo' },
);

/** A weekly digest time: weekday and HH:MM in TRACKER_TIME_ZONE, or off (src/digest/schedule.ts). */
const digestSchedule = z
  .string()
  .regex(DIGEST_SCHEDULE_PATTERN, { message: 'must be a weekday and time such as "mon 09:00", or "off"' })
  .default('mon 09:00')
  .transform(parseDigestSchedule);

/** A token of the given kind (Slack's prefix): another kind of token is refused, not tried at Slack. */
const token = (prefix: string, kind: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .refine((t) => t.startsWith(prefix), {
        message: `must be ${kind} (${prefix}…); a token of another kind (user token xoxp-, app token xapp-, bot token xoxb-, …) is refused`,
      })
      .optional(),
  );

/**
 * DATABASE_URL: a SQLite file (`file:…`, or a bare path) or PostgreSQL (`postgres://`,
 * `postgresql://`). Any other scheme (`mysql://`, `sqlite://`, `sqlserver://`…) is refused: read as
 * a path, it would silently create a SQLite file named after the URL.
 */
const databaseUrl = z
  .string()
  .refine((url) => /^(file:|postgres(ql)?:\/\/)/i.test(url) || !/^[a-z][a-z0-9+.-]+:/i.test(url), {
    message:
      'must be a SQLite file (file:./data/tracker.db) or a PostgreSQL URL (postgresql://user:password@host:5432/tracker); other databases are not supported',
  })
  .default('file:./data/tracker.db');

/** A proxy for Slack's connections: an http:// or https:// URL (credentials allowed). */
const proxyUrl = z.preprocess(
  blank,
  z.url({ protocol: /^https?$/, message: 'must be a proxy URL such as http://proxy.example:8080' }).optional(),
);

/** Slack's largest request bodies (a modal's whole state) stay well under this; see README. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const schema = z.object({
  SLACK_BOT_TOKEN: token('xoxb-', 'a bot token'),
  SLACK_APP_TOKEN: token('xapp-', 'an app-level token'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: z.preprocess(blank, z.url({ message: 'must be a URL such as https://slack.com/api/' }).optional()),
  PORT: z.preprocess(blank, z.coerce.number().int().min(0).max(65535).default(3000)),
  DATABASE_URL: z.preprocess(blank, databaseUrl),
  /** Largest request body accepted at /slack/events, in bytes (413 beyond it). */
  TRACKER_MAX_BODY_BYTES: z.preprocess(
    blank,
    z.coerce
      .number()
      .int()
      .min(64 * 1024)
      .max(64 * 1024 * 1024)
      .default(DEFAULT_MAX_BODY_BYTES),
  ),
  TRACKER_TIME_ZONE: z.preprocess(blank, timeZone.default('Asia/Tokyo')),
  /** The command line's language (`--lang` overrides it); Slack users see their own Slack language. */
  TRACKER_LANG: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['ja', 'en'], { message: 'must be ja or en' }).default('ja'),
  ),
  /** Proxy for Slack's https:// connections (Web API, Socket Mode, file uploads). */
  HTTPS_PROXY: proxyUrl,
  /** Proxy for http:// connections (and for https:// ones when HTTPS_PROXY is unset). */
  HTTP_PROXY: proxyUrl,
  /** Hosts reached directly: comma-separated names (a name covers its subdomains), host:port, or *. */
  NO_PROXY: optionalText,
  LOG_LEVEL: z.preprocess(blank, z.enum(['debug', 'info', 'warn', 'error']).default('info')),
  /** Comma-separated Slack user ids of headquarters (政策経営部) staff, besides those in the import file. */
  TRACKER_HQ_USERS: optionalText,
  // --- reminders: schedule, escalation, catch-up bound and Slack send rates (docs/reminders.md) ---
  /** Countdown: days before a review window opens on which owners are reminded. */
  TRACKER_REMINDER_DAYS: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, { message: 'must be day counts such as 30,14,7,1' })
      .default('30,14,7,1'),
  ),
  /** Also remind on a review window's last day. */
  TRACKER_REMINDER_LAST_DAY: z.preprocess(blank, z.enum(['true', 'false']).default('true')),
  /** Wall-clock time (in TRACKER_TIME_ZONE) at which reminders and escalations go out. */
  TRACKER_REMINDER_TIME: z.preprocess(
    blank,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time such as 09:30' })
      .default('09:30'),
  ),
  /** Check-in cadence when neither the Setting `cadence` nor the department sets one. */
  TRACKER_CHECKIN_CADENCE: z.preprocess(blank, z.enum(['weekly', 'biweekly', 'monthly', 'off']).default('biweekly')),
  /** Business days of silence after a reminder before managers, then headquarters, are told. */
  TRACKER_ESCALATION_BUSINESS_DAYS: z.preprocess(blank, z.coerce.number().int().min(1).max(20).default(2)),
  /** A delivery missed (bot down) or failed is still sent up to this many hours after it was due. */
  TRACKER_CATCH_UP_HOURS: z.preprocess(blank, z.coerce.number().min(0).max(168).default(24)),
  /** Minimum gap between two messages to one Slack channel or DM (Slack: about 1 per second). */
  TRACKER_SLACK_CHANNEL_INTERVAL_MS: z.preprocess(blank, z.coerce.number().int().min(0).max(60_000).default(1000)),
  /** Workspace-wide sustained message rate per second, and the burst allowed above it. */
  TRACKER_SLACK_WORKSPACE_RATE: z.preprocess(blank, z.coerce.number().positive().max(1000).default(5)),
  TRACKER_SLACK_WORKSPACE_BURST: z.preprocess(blank, z.coerce.number().int().min(1).max(1000).default(20)),
  /** Scheduled messages in flight at once (a 429's wait holds them, so the queue waits with it). */
  TRACKER_SLACK_CONCURRENCY: z.preprocess(blank, z.coerce.number().int().min(1).max(100).default(4)),
  /**
   * A delivery still "claimed" this long after its claim belonged to a process that died before
   * recording the outcome: it is sent again (at-least-once for messages in flight at a crash).
   */
  TRACKER_CLAIM_LEASE_SECONDS: z.preprocess(blank, z.coerce.number().int().min(1).max(86_400).default(600)),
  // --- digests: when the weekly leadership and department digests go out ("mon 09:00", or "off") ---
  TRACKER_WEEKLY_DIGEST: z.preprocess(blank, digestSchedule),
  TRACKER_DEPARTMENT_DIGEST: z.preprocess(blank, digestSchedule),
});

export interface Config {
  slack: {
    botToken: string;
    /** Set: Socket Mode. Unset: HTTP mode verified with the signing secret. */
    appToken?: string;
    signingSecret?: string;
    apiUrl?: string;
  };
  port: number;
  /** Proxies for every connection to Slack (src/slack/slack-transport.ts). */
  proxy: ProxyConfig;
  /** Largest request body accepted at /slack/events (HTTP mode), in bytes. */
  maxBodyBytes: number;
  databaseUrl: string;
  timeZone: string;
  /** The organisation's language for the command line (TRACKER_LANG); `--lang` overrides it. */
  language: Locale;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  hqUsers: string[];
  /** Reminder rules (docs/reminders.md). */
  reminders: ReminderConfig;
  /** Slack send queue and catch-up bound for scheduled deliveries (src/slack/send-queue.ts). */
  delivery: DeliveryConfig;
  /** When the leadership and department digests go out; null when off. */
  digest: DigestConfig;
}

export interface ProxyConfig {
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
}

export type Cadence = 'weekly' | 'biweekly' | 'monthly' | 'off';

export interface ReminderConfig {
  countdownDays: number[];
  lastDayReminder: boolean;
  /** 'HH:MM' in the organisation's time zone. */
  sendTime: string;
  defaultCadence: Cadence;
  escalationBusinessDays: number;
}

export interface DeliveryConfig {
  catchUpHours: number;
  channelIntervalMs: number;
  workspacePerSecond: number;
  workspaceBurst: number;
  concurrency: number;
  claimLeaseMs: number;
}

export interface DigestConfig {
  weekly: DigestSchedule | null;
  department: DigestSchedule | null;
}

/** Configuration for commands that do not talk to Slack (import, migrate, export). */
export type OfflineConfig = Omit<Config, 'slack'> & { slack: Partial<Config['slack']> };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Create the Slack app from manifest.yml, then set the variables (see README).',
    );
    this.name = 'ConfigError';
  }
}

/**
 * The proxy variables as curl and most tools read them: the lower-case spelling wins over the
 * upper-case one (a CGI server can set HTTP_PROXY from a request's Proxy header, never http_proxy).
 */
function withProxyVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const either = (name: string) => env[name.toLowerCase()] ?? env[name];
  return { ...env, HTTPS_PROXY: either('HTTPS_PROXY'), HTTP_PROXY: either('HTTP_PROXY'), NO_PROXY: either('NO_PROXY') };
}

function parseEnv(env: NodeJS.ProcessEnv): { data?: z.infer<typeof schema>; problems: string[] } {
  const parsed = schema.safeParse(withProxyVariables(env));
  if (parsed.success) return { data: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`) };
}

function build(data: z.infer<typeof schema>): OfflineConfig {
  return {
    slack: {
      botToken: data.SLACK_BOT_TOKEN,
      appToken: data.SLACK_APP_TOKEN,
      signingSecret: data.SLACK_SIGNING_SECRET,
      apiUrl: data.SLACK_API_URL,
    },
    port: data.PORT,
    proxy: { httpsProxy: data.HTTPS_PROXY, httpProxy: data.HTTP_PROXY, noProxy: data.NO_PROXY },
    maxBodyBytes: data.TRACKER_MAX_BODY_BYTES,
    databaseUrl: data.DATABASE_URL,
    timeZone: data.TRACKER_TIME_ZONE,
    language: data.TRACKER_LANG,
    logLevel: data.LOG_LEVEL,
    hqUsers: (data.TRACKER_HQ_USERS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    reminders: {
      countdownDays: [...new Set(data.TRACKER_REMINDER_DAYS.split(',').map((d) => Number(d.trim())))]
        .filter((d) => d > 0)
        .sort((a, b) => b - a),
      lastDayReminder: data.TRACKER_REMINDER_LAST_DAY === 'true',
      sendTime: data.TRACKER_REMINDER_TIME,
      defaultCadence: data.TRACKER_CHECKIN_CADENCE,
      escalationBusinessDays: data.TRACKER_ESCALATION_BUSINESS_DAYS,
    },
    delivery: {
      catchUpHours: data.TRACKER_CATCH_UP_HOURS,
      channelIntervalMs: data.TRACKER_SLACK_CHANNEL_INTERVAL_MS,
      workspacePerSecond: data.TRACKER_SLACK_WORKSPACE_RATE,
      workspaceBurst: data.TRACKER_SLACK_WORKSPACE_BURST,
      concurrency: data.TRACKER_SLACK_CONCURRENCY,
      claimLeaseMs: data.TRACKER_CLAIM_LEASE_SECONDS * 1000,
    },
    digest: { weekly: data.TRACKER_WEEKLY_DIGEST, department: data.TRACKER_DEPARTMENT_DIGEST },
  };
}

/** Reads configuration for offline commands; every problem is reported at once. */
export function loadOfflineConfig(env: NodeJS.ProcessEnv = process.env): OfflineConfig {
  const { data, problems } = parseEnv(env);
  if (!data) throw new ConfigError(problems);
  return build(data);
}

/** Reads configuration for running the bot: Slack credentials are required. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { data, problems } = parseEnv(env);
  const missing: string[] = [];
  const value = (key: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET') =>
    typeof env[key] === 'string' && env[key].trim() !== '';
  if (!value('SLACK_BOT_TOKEN')) missing.push('SLACK_BOT_TOKEN is not set (xoxb-…)');
  if (!value('SLACK_APP_TOKEN') && !value('SLACK_SIGNING_SECRET')) {
    missing.push('SLACK_SIGNING_SECRET is not set (HTTP mode), or set SLACK_APP_TOKEN (xapp-…) for Socket Mode');
  }
  const all = [...missing, ...problems];
  if (all.length > 0 || !data) throw new ConfigError(all);
  const config = build(data);
  return { ...config, slack: { ...config.slack, botToken: config.slack.botToken as string } };
}
