import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { App, type CustomRoute, HTTPModuleFunctions, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { RegisterListeners } from '../cli/io.js';
import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { type AppLogger, libraryLogger } from '../logger.js';
import { AfterAckQueue } from './after-ack.js';
import { handleGlobalError } from './global-error.js';
import { fetchInstallation, type Installation } from './installation.js';
import { guardEventRequests, type TimedIncomingMessage } from './request-guard.js';
import { slackTransport } from './slack-transport.js';

/** Slack's Web API when SLACK_API_URL is unset. */
const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
/** The start-up calls (auth.test, bots.info): a few quick retries, then the start fails with the reason. */
const START_RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 };
const START_REQUEST_TIMEOUT_MS = 10_000;

/** How long a stopping app waits for after-ack work (receipts, channel posts) to finish. */
const AFTER_ACK_DRAIN_MS = 10_000;

export interface RunningApp {
  app: App;
  /** Listening HTTP port (events in HTTP mode; only /healthz in Socket Mode). */
  port: number;
  /** Stops the app, then waits (at most 10 s) for after-ack work already queued. */
  stop(): Promise<void>;
}

/** How long a /healthz answer is reused: a flood of probes costs one database write per period. */
export const HEALTH_CACHE_MS = 1000;

/**
 * GET /healthz: 200 while the database takes writes, 503 otherwise (src/db/client.ts `writable`).
 * The answer is reused for HEALTH_CACHE_MS, and probes arriving while a check runs share it.
 */
function healthRoute(ctx: AppContext): CustomRoute {
  let last: { ok: boolean; at: number } | undefined;
  let running: Promise<boolean> | undefined;
  const check = (): Promise<boolean> => {
    const now = performance.now();
    if (last && now - last.at < HEALTH_CACHE_MS) return Promise.resolve(last.ok);
    running ??= ctx.database.writable().then((ok) => {
      last = { ok, at: performance.now() };
      running = undefined;
      return ok;
    });
    return running;
  };
  return {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req: IncomingMessage, res: ServerResponse) => {
      const ok = await check();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: ok ? 'ok' : 'database unavailable' }));
    },
  };
}

/** Builds the Bolt app: Socket Mode when an app token is set, otherwise HTTP at POST /slack/events. */
export function createApp(
  ctx: AppContext & { config: Config },
  registerListeners: RegisterListeners,
  installation: Installation,
): {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  afterAck: AfterAckQueue;
} {
  const { config, logger } = ctx;
  const afterAck = new AfterAckQueue(logger);
  // Slack's libraries log bodies at debug level: they get a logger that drops those lines.
  const slackLogger = libraryLogger(logger);
  const transport = slackTransport(config.proxy);
  const clientOptions = {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    ...(transport.fetch ? { fetch: transport.fetch } : {}),
    ...(ctx.slackRetries ? { retryConfig: ctx.slackRetries } : {}),
  };
  const customRoutes = [healthRoute(ctx)];
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.slack.appToken) {
    receiver = new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger: slackLogger,
      customRoutes,
      // The WebSocket and the client's own apps.connections.open go through the proxy too.
      ...(transport.dispatcher ? { dispatcher: transport.dispatcher } : {}),
      // The Socket Mode client's WebClient (apps.connections.open) gets these clientOptions, so it
      // uses SLACK_API_URL too. A copy: the client adds its own retry settings to the object.
      installerOptions: { port: config.port, clientOptions: { ...clientOptions } },
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret ?? '',
      endpoints: '/slack/events',
      customRoutes,
      logger: slackLogger,
      // Ack is sent as soon as a listener calls ack(); work continues after the response.
      processBeforeResponse: false,
      // In each listener's context: Slack's 3 s run from here, not from when the listener starts.
      customPropertiesExtractor: (req) => {
        const receivedAt = (req as TimedIncomingMessage).receivedAt;
        return receivedAt === undefined ? {} : { receivedAt };
      },
      // Listener errors go to app.error; what reaches this is Bolt failing on a malformed (signed)
      // body, e.g. a view_submission without a view: the request is bad, not the server (Bolt: 500).
      processEventErrorHandler: async (args) => {
        if (args.response.headersSent || (args.error as { code?: string }).code === 'slack_bolt_authorization_error') {
          return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
        }
        logger.event('warn', 'malformed Slack request refused', { error: args.error });
        args.response.writeHead(400).end();
        return false;
      },
    });
    guardEventRequests(receiver, {
      path: '/slack/events',
      signingSecret: config.slack.signingSecret ?? '',
      maxBodyBytes: config.maxBodyBytes,
      installation,
      logger,
    });
  }
  // Without logLevel, Bolt sets its logger (ours) to info: LOG_LEVEL=warn still wrote info lines.
  // The bot's ids come from the start-up auth.test (startApp): Bolt does not ask again.
  const app = new App({
    token: config.slack.botToken,
    receiver,
    logger: slackLogger,
    logLevel: logger.getLevel(),
    clientOptions,
    tokenVerificationEnabled: false,
    botId: installation.botId,
    botUserId: installation.botUserId,
  });
  registerListeners(app, { ...ctx, afterAck });
  app.error(handleGlobalError(ctx));
  return { app, receiver, afterAck };
}

/**
 * Fails at once when the port cannot be bound (in use, or privileged), before Slack is asked
 * anything: a start that cannot serve must not wait for Slack first.
 */
export async function assertPortFree(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new AppError('port_unavailable', `cannot listen on port ${port}: ${error.code ?? error.message}`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** Learns the installation from Slack (bounded retries, through the proxy), or fails with the reason. */
export function installationFor(config: Config, logger: AppLogger): Promise<Installation> {
  const apiUrl = config.slack.apiUrl ?? DEFAULT_SLACK_API_URL;
  const transport = slackTransport(config.proxy);
  const client = new WebClient(config.slack.botToken, {
    slackApiUrl: apiUrl,
    retryConfig: START_RETRY_CONFIG,
    timeout: START_REQUEST_TIMEOUT_MS,
    logger: libraryLogger(logger),
    ...(transport.fetch ? { fetch: transport.fetch } : {}),
  });
  return fetchInstallation(client, apiUrl);
}

/**
 * Starts the app and returns the port it listens on (0 asks the OS for a free one). In order: the
 * port is checked, the installation is learnt from Slack (auth.test, bots.info), then the app
 * starts; each step that fails ends the start with its reason.
 */
export async function startApp(
  ctx: AppContext & { config: Config },
  registerListeners: RegisterListeners,
): Promise<RunningApp> {
  await assertPortFree(ctx.config.port);
  const installation = await installationFor(ctx.config, ctx.logger);
  ctx.logger.event('info', 'slack installation', { ...installation });
  const { app, receiver, afterAck } = createApp(ctx, registerListeners, installation);
  const started = (await app.start(ctx.config.port)) as unknown;
  // HTTP mode returns its server; in Socket Mode the health route has a server of its own.
  const server =
    receiver instanceof SocketModeReceiver
      ? (receiver as unknown as { httpServer?: Server }).httpServer
      : (started as Server | undefined);
  const address = server?.address?.();
  const port = address && typeof address === 'object' ? address.port : ctx.config.port;
  const stop = async () => {
    await app.stop();
    // Receipts and channel posts of reports already stored are sent before the process ends.
    const left = await afterAck.drain(AFTER_ACK_DRAIN_MS);
    if (left > 0) ctx.logger.event('warn', 'after-ack work not finished at shutdown', { left });
  };
  return { app, port, stop };
}
