import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import type { Config } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { type RunningApp, startApp } from '../../src/slack/app.js';
import { captureLogger, testConfig } from './context.js';
import type { TestDatabase } from './databases.js';
import { registerListeners } from './wiring.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'slack');
export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-1111-2222-testtoken';

/** One of Slack's recorded payloads from tests/fixtures/slack (SOURCES.md names where each comes from). */
export function loadFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
}

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}"). */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface TestApp {
  url: string;
  ctx: AppContext & { config: Config };
  lines: string[];
  running: RunningApp;
  stop(): Promise<void>;
  /** POSTs a raw body to /slack/events, signed unless told otherwise. */
  post(
    body: string,
    contentType: string,
    options?: { secret?: string; timestamp?: number; unsigned?: boolean },
  ): Promise<{ status: number; body: string }>;
  slashCommand(fields: Record<string, string>): Promise<{ status: number; body: string }>;
  interaction(payload: unknown): Promise<{ status: number; body: string }>;
}

/** POSTs a raw body to {url}/slack/events, signed with the test secret unless told otherwise. */
export function signedPost(url: string): TestApp['post'] {
  return async (body, contentType, o = {}) => {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': contentType };
    if (!o.unsigned) {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] = sign(o.secret ?? SIGNING_SECRET, timestamp, body);
    }
    const res = await fetch(`${url}/slack/events`, { method: 'POST', headers, body });
    return { status: res.status, body: await res.text() };
  };
}

/** Form body Slack uses for interactive payloads. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * The installation the test app runs as: the workspace, enterprise and app of Slack's slash-command
 * example (tests/fixtures/slack/slash_command.docs_example.json). The other recorded payloads come
 * from other workspaces; the builders below address them to this one.
 */
export const INSTALLATION = {
  teamId: 'T0001',
  enterpriseId: 'E0001',
  enterpriseInstall: false,
  appId: 'A123456',
  botId: 'BBOT00001',
  botUserId: 'UBOT00001',
} as const;

/** auth.test's answer for the test installation. */
export const AUTH_TEST_ANSWER = {
  ok: true,
  url: 'https://example.slack.com/',
  team: 'Example',
  user: 'tracker',
  team_id: INSTALLATION.teamId,
  enterprise_id: INSTALLATION.enterpriseId,
  user_id: INSTALLATION.botUserId,
  bot_id: INSTALLATION.botId,
  is_enterprise_install: false,
};

/** bots.info's answer for the test bot. */
export const BOTS_INFO_ANSWER = {
  ok: true,
  bot: { id: INSTALLATION.botId, app_id: INSTALLATION.appId, user_id: INSTALLATION.botUserId, name: 'tracker' },
};

/** Intercepts auth.test and bots.info, which the app calls at start to learn its installation. */
export function nockAuthTest(options: { persist?: boolean } = {}) {
  const scope = nock('https://slack.com');
  if (options.persist !== false) scope.persist();
  scope.post('/api/auth.test').reply(200, AUTH_TEST_ANSWER);
  scope.post('/api/bots.info').reply(200, BOTS_INFO_ANSWER);
  return scope;
}

/** The ids of a payload, set to the test installation's (Slack's recorded payloads name their own). */
function addressed<T extends Record<string, unknown>>(payload: T): T {
  const out: Record<string, unknown> = { ...payload, api_app_id: INSTALLATION.appId };
  if (payload.team && typeof payload.team === 'object') {
    const team: Record<string, unknown> = { ...(payload.team as object), id: INSTALLATION.teamId };
    if ('enterprise_id' in team) team.enterprise_id = INSTALLATION.enterpriseId;
    out.team = team;
  }
  if ('enterprise' in payload) out.enterprise = { ...(payload.enterprise as object), id: INSTALLATION.enterpriseId };
  if ('team_id' in payload) out.team_id = INSTALLATION.teamId;
  if ('enterprise_id' in payload) out.enterprise_id = INSTALLATION.enterpriseId;
  return out as T;
}

/** Starts the real app in HTTP mode on a free port against a test database. */
export async function startTestApp(
  database: TestDatabase,
  options: { now?: () => Date; hqUsers?: string[]; timeZone?: string } = {},
): Promise<TestApp> {
  const { logger, lines } = captureLogger();
  const config = testConfig({
    databaseUrl: database.url,
    slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
    ...(options.hqUsers ? { hqUsers: options.hqUsers } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  // No retries: a call a test left unanswered fails at once instead of reaching a later test file.
  const ctx = {
    db: database.db,
    database,
    config,
    logger,
    now: options.now ?? (() => new Date()),
    slackRetries: { retries: 0 },
  };
  // The start-up calls are answered here, whatever the test intercepts later.
  nockAuthTest({ persist: false });
  const running = await startApp(ctx, registerListeners);
  const url = `http://127.0.0.1:${running.port}`;
  const post = signedPost(url);
  const base = loadFixture<{ fields: Record<string, string> }>('slash_command.docs_example.json').fields;
  return {
    url,
    ctx,
    lines,
    running,
    stop: () => running.stop(),
    post,
    slashCommand: (fields) =>
      post(new URLSearchParams({ ...base, ...fields }).toString(), 'application/x-www-form-urlencoded'),
    interaction: (payload) => post(interactionBody(payload), 'application/x-www-form-urlencoded'),
  };
}

/** Waits until check() is true (work continues after ack, so effects land a moment later). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let viewCount = 0;

/**
 * A view_submission payload shaped like Slack's (fixture), carrying the given state. Each call is
 * a modal of its own (a fresh view id and hash, as Slack gives every opened modal), unless viewId
 * is given; the same payload posted twice is one submission delivered twice.
 */
export function viewSubmission(input: {
  userId: string;
  callbackId: string;
  values: Record<string, unknown>;
  privateMetadata: string;
  viewId?: string;
}) {
  viewCount += 1;
  const fixture = loadFixture<
    Record<string, unknown> & { view: Record<string, unknown>; user: Record<string, unknown> }
  >('view_submission.bolt_python_fixture.json');
  return {
    ...addressed(fixture),
    user: { ...fixture.user, id: input.userId },
    view: {
      ...fixture.view,
      id: input.viewId ?? `VTEST${process.pid}X${viewCount}`,
      hash: `${viewCount}.${process.pid}`,
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata,
      state: { values: input.values },
    },
  };
}

/** A block_actions payload shaped like Slack's (fixture) for one action. */
export function blockAction(input: {
  userId: string;
  action: Record<string, unknown>;
  view?: Record<string, unknown>;
  responseUrl?: string | null;
}) {
  const fixture = loadFixture<Record<string, unknown> & { user: Record<string, unknown> }>(
    'block_actions.bolt_python_fixture.json',
  );
  const payload: Record<string, unknown> = {
    ...addressed(fixture),
    user: { ...fixture.user, id: input.userId },
    actions: [{ block_id: 'b', action_ts: '1596530385.194939', ...input.action }],
  };
  if (input.view) {
    payload.view = input.view;
    payload.container = { type: 'view', view_id: input.view.id };
    delete payload.channel;
    delete payload.response_url;
  }
  if (input.responseUrl === null) delete payload.response_url;
  else if (input.responseUrl) payload.response_url = input.responseUrl;
  return payload;
}

/** A Web API request body as the WebClient sent it (form-encoded, JSON in some fields), decoded. */
export function decodeSlackBody(body: unknown): Record<string, unknown> {
  const fields: Record<string, unknown> =
    typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : { ...(body as Record<string, unknown>) };
  for (const key of ['blocks', 'view', 'attachments']) {
    const value = fields[key];
    if (typeof value === 'string') fields[key] = JSON.parse(value);
  }
  return fields;
}
