import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { HEALTH_CACHE_MS } from '../../src/slack/app.js';
import { createTestDatabase, PG_ADMIN_URL, type TestDatabase } from '../helpers/databases.js';
import { startTestApp, type TestApp } from '../helpers/slack-driver.js';

/** Waits out the health answer's cache, so the next probe checks the database again. */
const pastCache = () => new Promise((resolve) => setTimeout(resolve, HEALTH_CACHE_MS + 100));
const health = async (app: TestApp) => (await fetch(`${app.url}/healthz`)).status;

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe('/healthz tells whether the database takes writes', () => {
  let database: TestDatabase | undefined;
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.stop();
    await database?.destroy();
    app = undefined;
    database = undefined;
  });

  it('SQLite: 503 while the connection cannot write (query_only), 200 again once it can', async () => {
    database = await createTestDatabase('sqlite');
    app = await startTestApp(database);
    expect(await health(app)).toBe(200);
    // A read-only database still answers SELECT 1: only a write tells. (Tests may run as root, for
    // whom a chmod'ed file stays writable; query_only makes every write of the bot's connection fail.)
    await database.db.$executeRawUnsafe('PRAGMA query_only = ON');
    await pastCache();
    expect(await health(app)).toBe(503);
    await database.db.$executeRawUnsafe('PRAGMA query_only = OFF');
    await pastCache();
    expect(await health(app)).toBe(200);
  });

  it('answers a flood of probes with one database write per period', async () => {
    database = await createTestDatabase('sqlite');
    app = await startTestApp(database);
    const writable = database.writable.bind(database);
    let writes = 0;
    database.writable = () => {
      writes += 1;
      return writable();
    };
    await pastCache();
    const answers = await Promise.all(Array.from({ length: 50 }, () => health(app as TestApp)));
    expect(answers.every((status) => status === 200)).toBe(true);
    expect(writes).toBe(1);
  });

  it('PostgreSQL: 503 on a read-only database and on a lost connection, 200 when writable again', async () => {
    database = await createTestDatabase('postgresql');
    app = await startTestApp(database);
    const name = new URL(database.url).pathname.slice(1);
    const terminate = (client: pg.Client) =>
      client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
    expect(await health(app)).toBe(200);

    // Read-only: the bot's new connections still answer SELECT 1, but cannot write.
    await admin(async (client) => {
      await client.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
      await terminate(client);
    });
    await pastCache();
    expect(await health(app)).toBe(503);

    // Connection lost: the database refuses connections and the bot's are gone.
    await admin(async (client) => {
      await client.query(`ALTER DATABASE "${name}" RESET default_transaction_read_only`);
      await client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await terminate(client);
    });
    await pastCache();
    expect(await health(app)).toBe(503);

    await admin((client) => client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
    await pastCache();
    expect(await health(app)).toBe(200);
  });
});
