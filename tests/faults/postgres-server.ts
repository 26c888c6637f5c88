import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PostgreSQL server the fault tests may stop and start. */
export interface PostgresServer {
  /** Admin URL (database postgres). */
  adminUrl: string;
  describe: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Resolves once pg_isready succeeds (or throws after timeoutMs). */
  waitReady(timeoutMs?: number): Promise<void>;
  /** Leaves the server running (system cluster) or removes it (private one). */
  dispose(): Promise<void>;
}

/** The installed major version (Debian's layout: /etc/postgresql/<version>/main). */
export function postgresVersion(): string | null {
  if (!existsSync('/etc/postgresql')) return null;
  return readdirSync('/etc/postgresql').sort().at(-1) ?? null;
}

export function canRunFaultServer(): boolean {
  const version = postgresVersion();
  return (
    version !== null &&
    process.getuid?.() === 0 &&
    existsSync('/usr/sbin/runuser') &&
    existsSync(`/usr/lib/postgresql/${version}/bin/initdb`)
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function pollReady(bin: string, port: number, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await run(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-t', '1']);
      return;
    } catch {
      if (Date.now() - started > timeoutMs)
        throw new Error(`PostgreSQL on port ${port} not ready after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * A throwaway cluster of the installed PostgreSQL (same binaries, same fast shutdown) on a free
 * port: stopping it cannot break the other test runs that share the machine's server.
 */
export async function startPrivateServer(): Promise<PostgresServer> {
  const version = postgresVersion();
  const bin = `/usr/lib/postgresql/${version}/bin`;
  const dir = mkdtempSync(join(tmpdir(), 'tracker-faults-pg-'));
  const data = join(dir, 'data');
  chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), 0);
  const asPostgres = (cmd: string, args: string[]) =>
    run('/usr/sbin/runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { cwd: dir });
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const pgCtl = (...args: string[]) => asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), ...args]);
  await pgCtl('-w', '-o', options, 'start');
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    describe: `private PostgreSQL ${version} cluster on 127.0.0.1:${port} (${data})`,
    stop: async () => {
      await pgCtl('-w', '-m', 'fast', 'stop');
    },
    start: async () => {
      await pgCtl('-w', '-o', options, 'start');
    },
    waitReady: (timeoutMs = 30_000) => pollReady(bin, port, timeoutMs),
    dispose: async () => {
      await pgCtl('-w', '-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The machine's own cluster, stopped and started with pg_ctlcluster as an operator would. Every
 * other test using PostgreSQL fails while it is down: use only when nothing else runs.
 */
export function systemServer(adminUrl = 'postgresql://postgres@127.0.0.1:5432/postgres'): PostgresServer {
  const version = postgresVersion() ?? '';
  const bin = `/usr/lib/postgresql/${version}/bin`;
  const ctl = (action: 'stop' | 'start') =>
    run('pg_ctlcluster', [
      '--skip-systemctl-redirect',
      version,
      'main',
      action,
      ...(action === 'stop' ? ['-m', 'fast'] : []),
    ]);
  return {
    adminUrl,
    describe: `system PostgreSQL ${version} cluster "main" (pg_ctlcluster)`,
    stop: async () => {
      await ctl('stop');
    },
    start: async () => {
      await ctl('start');
    },
    waitReady: (timeoutMs = 60_000) => pollReady(bin, Number(new URL(adminUrl).port || 5432), timeoutMs),
    dispose: async () => {
      // Whatever happened, the shared server is left running for everyone else.
      await ctl('start').catch(() => undefined);
      await pollReady(bin, Number(new URL(adminUrl).port || 5432), 60_000);
    },
  };
}
