import { z } from 'zod';

/** An empty variable counts as unset. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
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

const schema = z.object({
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: z.preprocess(blank, z.url({ message: 'must be a URL such as https://slack.com/api/' }).optional()),
  PORT: z.preprocess(blank, z.coerce.number().int().min(0).max(65535).default(3000)),
  DATABASE_URL: z.preprocess(blank, z.string().default('file:./data/tracker.db')),
  TRACKER_TIME_ZONE: z.preprocess(blank, timeZone.default('Asia/Tokyo')),
  LOG_LEVEL: z.preprocess(blank, z.enum(['debug', 'info', 'warn', 'error']).default('info')),
  /** Comma-separated Slack user ids of headquarters (政策経営部) staff, besides those in the import file. */
  TRACKER_HQ_USERS: optionalText,
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
  databaseUrl: string;
  timeZone: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  hqUsers: string[];
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

function parseEnv(env: NodeJS.ProcessEnv): { data?: z.infer<typeof schema>; problems: string[] } {
  const parsed = schema.safeParse(env);
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
    databaseUrl: data.DATABASE_URL,
    timeZone: data.TRACKER_TIME_ZONE,
    logLevel: data.LOG_LEVEL,
    hqUsers: (data.TRACKER_HQ_USERS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
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
