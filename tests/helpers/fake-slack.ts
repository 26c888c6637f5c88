import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface FakeSlackCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
}

export interface FakeSlack {
  /** Base URL to give the bot as SLACK_API_URL (ends with /api/). */
  apiUrl: string;
  /** A response_url on this server (what Slack puts in slash commands and actions). */
  responseUrl: string;
  calls: FakeSlackCall[];
  callsTo(method: string): FakeSlackCall[];
  /**
   * Whether calls keep their parameters (default true). Benchmarks turn it off: tens of thousands
   * of recorded modals grew the load generator's heap until its collector paused for up to 0.8 s.
   */
  keepParams: boolean;
  /** Per-user Slack locale answered by users.info. */
  locales: Map<string, string>;
  /** The workspace's people by e-mail address, for users.lookupByEmail (others: users_not_found). */
  usersByEmail: Map<string, { id: string; displayName?: string }>;
  /** When set, users.lookupByEmail answers this error (e.g. missing_scope) for every address. */
  lookupByEmailError: string | null;
  /** Socket Mode: sends an envelope to every connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void;
  /** Socket Mode: acknowledgements the app sent back ({ envelope_id, payload }). */
  acks: Record<string, unknown>[];
  socketConnections(): number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseParams(contentType: string | undefined, body: string): Record<string, unknown> {
  if (!body) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(body));
  for (const key of ['blocks', 'view']) {
    if (typeof params[key] === 'string') params[key] = JSON.parse(params[key] as string);
  }
  return params;
}

/**
 * A local stand-in for Slack's Web API: answers the methods the bot calls with Slack's response
 * shapes and records every call, so a real bot process can be driven end to end without Slack.
 * It listens on 127.0.0.1 and names itself `host` (default 127.0.0.1) in the URLs it gives.
 */
export async function startFakeSlack(options: { host?: string } = {}): Promise<FakeSlack> {
  const calls: FakeSlackCall[] = [];
  const locales = new Map<string, string>();
  const usersByEmail = new Map<string, { id: string; displayName?: string }>();
  let ts = 1_800_000_000;
  let base = '';
  const sockets = new Set<WebSocket>();
  const acks: Record<string, unknown>[] = [];
  const fake: FakeSlack = {
    apiUrl: '',
    responseUrl: '',
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    keepParams: true,
    locales,
    usersByEmail,
    lookupByEmailError: null,
    acks,
    socketConnections: () => sockets.size,
    sendEnvelope: (envelope) => {
      for (const ws of sockets) ws.send(JSON.stringify(envelope));
    },
    close: () =>
      new Promise((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = url.pathname.replace(/^\/api\//, '');
    const params = parseParams(req.headers['content-type'], body);
    calls.push({ method, params: fake.keepParams ? params : {}, at: Date.now() });
    const reply = (payload: Record<string, unknown>) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    switch (method) {
      case 'auth.test':
        return reply({
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'tracker',
          team_id: 'T0001',
          enterprise_id: 'E0001',
          user_id: 'UBOT00001',
          bot_id: 'BBOT00001',
        });
      case 'bots.info':
        return reply({ ok: true, bot: { id: 'BBOT00001', app_id: 'A123456', user_id: 'UBOT00001' } });
      case 'users.info': {
        const user = String(params.user ?? '');
        return reply({ ok: true, user: { id: user, locale: locales.get(user) ?? 'ja-JP' } });
      }
      case 'users.lookupByEmail': {
        if (fake.lookupByEmailError) return reply({ ok: false, error: fake.lookupByEmailError });
        const user = usersByEmail.get(String(params.email ?? '').toLowerCase());
        if (!user) return reply({ ok: false, error: 'users_not_found' });
        return reply({ ok: true, user: { id: user.id, profile: { display_name: user.displayName ?? '' } } });
      }
      case 'chat.postMessage':
      case 'chat.update':
        ts += 1;
        return reply({ ok: true, channel: params.channel, ts: `${ts}.000100` });
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return reply({ ok: true, view: { id: 'VFAKE0001', hash: 'h1' } });
      case 'files.getUploadURLExternal':
        return reply({ ok: true, upload_url: `${base}/upload/F1`, file_id: 'F0FAKE001' });
      case 'apps.connections.open':
        return reply({ ok: true, url: `${base.replace('http', 'ws')}/link` });
      case 'files.completeUploadExternal':
        return reply({ ok: true, files: [{ id: 'F0FAKE001' }] });
      default:
        if (url.pathname.startsWith('/response/')) {
          // A response_url: record what the bot answered there.
          const answered = fake.keepParams ? (JSON.parse(body || '{}') as Record<string, unknown>) : {};
          calls[calls.length - 1] = { method: 'response_url', params: answered, at: Date.now() };
          res.writeHead(200);
          res.end('ok');
          return;
        }
        if (url.pathname.startsWith('/upload/')) {
          res.writeHead(200);
          res.end('OK');
          return;
        }
        return reply({ ok: false, error: 'unknown_method' });
    }
  });
  const wss = new WebSocketServer({ server, path: '/link' });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => acks.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE001' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The host name in every URL it gives (API, WebSocket, uploads, response_url): a name only a
  // proxy can resolve makes every connection to it go through the proxy.
  base = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  fake.apiUrl = `${base}/api/`;
  fake.responseUrl = `${base}/response/1`;
  return fake;
}
