import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  App,
  type BufferedIncomingMessage,
  type CustomRoute,
  HTTPModuleFunctions,
  HTTPReceiver,
  SocketModeReceiver,
} from '@slack/bolt';
import type { RegisterListeners } from '../cli/io.js';
import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import { AfterAckQueue } from './after-ack.js';
import { handleGlobalError } from './global-error.js';

/** How long a stopping app waits for after-ack work (receipts, channel posts) to finish. */
const AFTER_ACK_DRAIN_MS = 10_000;

export interface RunningApp {
  app: App;
  /** Listening HTTP port (events in HTTP mode; only /healthz in Socket Mode). */
  port: number;
  /** Stops the app, then waits (at most 10 s) for after-ack work already queued. */
  stop(): Promise<void>;
}

function healthRoute(ctx: AppContext): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req: IncomingMessage, res: ServerResponse) => {
      const ok = await ctx.database.ping();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: ok ? 'ok' : 'database unavailable' }));
    },
  };
}

/** A request with the time (performance.now()) its first byte was seen. */
type TimedIncomingMessage = BufferedIncomingMessage & { receivedAt?: number };

/** Whether Bolt's parse of the body gives something other than an object (a body it cannot parse, it answers itself). */
function parsesToNonObject(req: BufferedIncomingMessage): boolean {
  let parsed: unknown;
  try {
    parsed = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return false;
  }
  return parsed === null || typeof parsed !== 'object' || Array.isArray(parsed);
}

/**
 * Buffers the requests to Slack's endpoint at path before Bolt sees them, for two things: the time
 * each arrived (listeners count Slack's 3 s from it), and a 400 for a body that parses to anything
 * but an object. Bolt 5 reads `body.ssl_check` outside any error handler, so a signed body of JSON
 * `null` (or `payload=null`) ends the process (tests/hostile/requests.test.ts); other non-objects
 * would wait 3 s for a listener. Bolt still verifies the signature of everything it is handed.
 */
function guardEventRequests(receiver: HTTPReceiver, path: string): void {
  const listener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== path) {
      return listener(req, res);
    }
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const buffered = req as TimedIncomingMessage;
      buffered.rawBody = Buffer.concat(chunks);
      buffered.receivedAt = receivedAt;
      if (parsesToNonObject(buffered)) {
        res.writeHead(400).end();
        return;
      }
      listener(buffered, res);
    });
  };
}

/** Builds the Bolt app: Socket Mode when an app token is set, otherwise HTTP at POST /slack/events. */
export function createApp(
  ctx: AppContext & { config: Config },
  registerListeners: RegisterListeners,
): {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  afterAck: AfterAckQueue;
} {
  const { config, logger } = ctx;
  const afterAck = new AfterAckQueue(logger);
  const clientOptions = config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {};
  const customRoutes = [healthRoute(ctx)];
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.slack.appToken) {
    receiver = new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger,
      customRoutes,
      // The Socket Mode client's WebClient (apps.connections.open) gets these clientOptions, so it
      // uses SLACK_API_URL too. A copy: the client adds its own retry settings to the object.
      installerOptions: { port: config.port, clientOptions: { ...clientOptions } },
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret ?? '',
      endpoints: '/slack/events',
      customRoutes,
      logger,
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
    guardEventRequests(receiver, '/slack/events');
  }
  // Without logLevel, Bolt sets its logger (ours) to info: LOG_LEVEL=warn still wrote info lines.
  const app = new App({ token: config.slack.botToken, receiver, logger, logLevel: logger.getLevel(), clientOptions });
  registerListeners(app, { ...ctx, afterAck });
  app.error(handleGlobalError(ctx));
  return { app, receiver, afterAck };
}

/** Starts the app and returns the port it listens on (0 asks the OS for a free one). */
export async function startApp(
  ctx: AppContext & { config: Config },
  registerListeners: RegisterListeners,
): Promise<RunningApp> {
  const { app, receiver, afterAck } = createApp(ctx, registerListeners);
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
