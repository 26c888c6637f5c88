import { createServer, request, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface LoopbackProxy {
  /** The proxy's URL, for HTTPS_PROXY / HTTP_PROXY. */
  url: string;
  /** host:port of every CONNECT tunnel and every absolute-form request, in order. */
  seen: string[];
  close(): Promise<void>;
}

/**
 * A forwarding proxy on 127.0.0.1, as a city hall's would be: CONNECT tunnels and plain
 * absolute-form HTTP requests, each recorded. `hosts` maps names only the proxy can resolve (such
 * as `slack.proxied.invalid`) to addresses; `refuse` answers every CONNECT to it with 403.
 */
export async function startLoopbackProxy(
  options: { hosts?: Record<string, string>; refuse?: string[] } = {},
): Promise<LoopbackProxy> {
  const seen: string[] = [];
  const resolveHost = (name: string) => options.hosts?.[name] ?? name;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const target = new URL(req.url ?? '/');
    seen.push(target.host);
    const upstream = request(
      {
        host: resolveHost(target.hostname),
        port: target.port || 80,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const authority = req.url ?? '';
    seen.push(authority);
    const [host = '', port = '443'] = authority.split(':');
    client.on('error', () => undefined);
    if (options.refuse?.includes(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), resolveHost(host), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
