import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, type TestProvider } from '../helpers/databases.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';
import { interactionBody, SIGNING_SECRET, signedPost, viewSubmission } from '../helpers/slack-driver.js';
import { assertBuilt, botEnvironment, type Child, cli, sleep, startChild, waitForLine } from './processes.js';

// How long the lock is held, and how often a report arrives meanwhile (the scenario).
const LOCK_MS = 20_000;
const REPORT_EVERY_MS = 2000;
/** Reports before the lock is taken and after it is let go, at the same pace. */
const REPORTS_AROUND = 2;
/** How often the bot's event loop is probed with a request that touches nothing. */
const PROBE_EVERY_MS = 100;
const SLACK_ACK_LIMIT_MS = 3000;
/** How long the reports answered while the lock was held may take to reach their outcome. */
const SETTLE_MS = 30_000;

type Phase = 'before' | 'locked' | 'after';

interface Report {
  comment: string;
  user: string;
  phase: Phase;
  ms: number;
  status: number | null;
  body: string;
}

interface Lock {
  describe: string;
  /** Resolves once the lock is held. */
  take(): Promise<void>;
  /** Lets go (commits) and resolves once it has. */
  release(): Promise<void>;
}

/** A child process with its own better-sqlite3 connection holding `BEGIN EXCLUSIVE` until told to commit. */
function sqliteLock(file: string): Lock {
  let child: Child | undefined;
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN EXCLUSIVE');
    db.prepare("INSERT INTO \\"Setting\\" (\\"key\\", \\"value\\", \\"updatedAt\\") VALUES ('lock-holder', 'x', 0)").run();
    console.log('locked');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); console.log('released'); process.exit(0); });
  `;
  return {
    describe: 'another process: better-sqlite3 in BEGIN EXCLUSIVE',
    async take() {
      child = startChild(['-e', script, file], { PATH: process.env.PATH });
      await waitForLine(child, /^locked$/, 30_000);
    },
    async release() {
      child?.process.stdin?.write('commit\n');
      await child?.exited;
    },
  };
}

/** Another PostgreSQL session holding a row lock or a table lock on what a report writes. */
function postgresLock(url: string, sql: string, describe: string): Lock {
  const client = new pg.Client({ connectionString: url });
  return {
    describe,
    async take() {
      await client.connect();
      await client.query('BEGIN');
      await client.query(sql);
    },
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

/** The bot's JSON log lines with a given msg. */
function logged(output: string, msg: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((l) => {
    if (!l.startsWith('{')) return [];
    try {
      const line = JSON.parse(l) as Record<string, unknown>;
      return line.msg === msg ? [line] : [];
    } catch {
      return [];
    }
  });
}

describe.sequential('a database lock held for 20 s while people report progress', () => {
  let fake: FakeSlack;
  let database: TestDatabase | undefined;
  let bot: Child | undefined;
  let lock: Lock | undefined;

  beforeAll(async () => {
    assertBuilt();
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await lock?.release().catch(() => undefined);
    lock = undefined;
    bot?.process.kill('SIGTERM');
    await bot?.exited;
    bot = undefined;
    await database?.destroy();
    database = undefined;
  });
  afterAll(async () => {
    await fake?.close();
  });

  async function run(provider: TestProvider, makeLock: (db: TestDatabase, org: SeededOrg) => Lock) {
    database = await createTestDatabase(provider);
    const org = await seedSmallOrg(database.db);
    const started = startChild(
      [cli, 'start'],
      botEnvironment({
        DATABASE_URL: database.url,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        LOG_LEVEL: 'info',
      }),
    );
    bot = started;
    const port = /HTTP on :(\d+)/.exec(await waitForLine(started, /HTTP on :(\d+)/))?.[1];
    const botUrl = `http://127.0.0.1:${port}`;
    const post = signedPost(botUrl);
    const reports: Report[] = [];
    const sent: Promise<void>[] = [];
    let phase: Phase = 'before';
    let n = 0;

    /** Each scenario's comments are its own: the fake Slack keeps the messages of earlier ones. */
    const prefix = `${provider}-${makeLock.name}`;
    const report = (): void => {
      n += 1;
      const user = n % 2 ? 'USTAFF001' : 'USTAFF002';
      const targetId = n % 2 ? org.targets.sk1 : org.targets.sk2;
      const comment = `${prefix}-${n}`;
      const entry: Report = { comment, user, phase, ms: Number.NaN, status: null, body: '' };
      reports.push(entry);
      const body = interactionBody(
        viewSubmission({
          userId: user,
          callbackId: 'progress_submit',
          privateMetadata: JSON.stringify({ v: 1, targetId }),
          values: {
            target: { progress_target: { type: 'static_select', selected_option: { value: String(targetId) } } },
            status: { status: { type: 'static_select', selected_option: { value: 'on_track' } } },
            percent: { percent: { type: 'plain_text_input', value: String(n) } },
            comment: { comment: { type: 'plain_text_input', value: comment } },
          },
        }),
      );
      const t0 = performance.now();
      sent.push(
        post(body, 'application/x-www-form-urlencoded').then(
          (res) => {
            entry.ms = performance.now() - t0;
            entry.status = res.status;
            entry.body = res.body;
          },
          () => {
            entry.ms = performance.now() - t0;
          },
        ),
      );
    };

    // The event loop is probed with a request the bot answers without the database (404).
    const probes: number[] = [];
    let probeFailures = 0;
    let probing = true;
    const prober = (async () => {
      while (probing) {
        const t0 = performance.now();
        // A refused or reset connection counts as a probe that got no answer.
        const answered = await fetch(`${botUrl}/no-such-path`, { signal: AbortSignal.timeout(10_000) })
          .then((r) => r.text())
          .then(
            () => true,
            () => false,
          );
        probes.push(performance.now() - t0);
        if (!answered) probeFailures += 1;
        await sleep(PROBE_EVERY_MS);
      }
    })();

    // A first report outside the figures: a freshly started bot answers its first one slowly.
    report();
    await Promise.all(sent);
    const warmUp = reports.splice(0);
    expect(warmUp.map((r) => r.body)).toEqual(['']);
    sent.length = 0;
    const warmUpProbes = probes.length;

    for (let i = 0; i < REPORTS_AROUND; i++) {
      report();
      await sleep(REPORT_EVERY_MS);
    }
    lock = makeLock(database, org);
    await lock.take();
    phase = 'locked';
    const lockedAt = performance.now();
    const probesBeforeLock = probes.length;
    while (performance.now() - lockedAt < LOCK_MS - REPORT_EVERY_MS / 2) {
      report();
      await sleep(REPORT_EVERY_MS);
    }
    const remaining = LOCK_MS - (performance.now() - lockedAt);
    if (remaining > 0) await sleep(remaining);
    const probesDuringLock = probes.slice(probesBeforeLock);
    await lock.release();
    lock = undefined;
    phase = 'after';
    for (let i = 0; i < REPORTS_AROUND; i++) {
      report();
      await sleep(REPORT_EVERY_MS);
    }
    await Promise.all(sent);
    probing = false;
    await prober;

    // Every report ends with a message to its reporter: the receipt, or a notice that it was not stored.
    const dms = () =>
      fake
        .callsTo('chat.postMessage')
        .filter((c) => typeof c.params.channel === 'string' && c.params.channel.startsWith('USTAFF'))
        .map((c) => JSON.stringify(c.params));
    // A comment ends its line in the message (`>comment`), so `-lock-1` does not match `-lock-12`.
    const told = (r: Report) => dms().filter((d) => d.includes(`${r.comment}\\`) || d.includes(`${r.comment}"`));
    const settleStarted = performance.now();
    while (reports.some((r) => told(r).length === 0) && performance.now() - settleStarted < SETTLE_MS) {
      await sleep(200);
    }
    // Anything else still to come (a second message for one report) has a moment to arrive.
    await sleep(1000);
    const rows = await database.db.progressUpdate.findMany({
      where: { comment: { startsWith: `${prefix}-` } },
      select: { comment: true },
    });
    const output = started.output();
    const receipts = reports.map((r) => told(r).filter((d) => d.includes('記録しました')).length);
    const notStored = reports.map((r) => told(r).filter((d) => d.includes('保存されませんでした')).length);
    const answered = reports.map((r) => r.ms);
    const figures = {
      provider,
      lock: makeLock.name,
      reports: reports.length,
      duringLock: reports.filter((r) => r.phase === 'locked').length,
      answerMs: {
        p50: Math.round(percentile(answered, 0.5)),
        max: Math.round(Math.max(...answered)),
        duringLock: reports.filter((r) => r.phase === 'locked').map((r) => Math.round(r.ms)),
      },
      eventLoopProbeMs: {
        duringLockMax: Math.round(Math.max(...probesDuringLock)),
        duringLockP99: Math.round(percentile(probesDuringLock, 0.99)),
        duringLockProbes: probesDuringLock.length,
        unanswered: probeFailures,
        warmUpProbes,
      },
      modalsClosedBeforeStored: logged(output, 'progress update slow: modal closed before it was stored').length,
      storedRows: rows.length,
      receiptsSent: receipts.reduce((a, b) => a + b, 0),
      notStoredNotices: notStored.reduce((a, b) => a + b, 0),
      storedLate: logged(output, 'progress update stored').filter((l) => l.late === true).length,
      notStoredLogged: logged(output, 'progress update not stored').length,
    };
    console.log(`database lock figures: ${JSON.stringify(figures, null, 2)}`);
    return {
      probeFailures,
      reports,
      rows: rows.filter((r) => !warmUp.some((w) => w.comment === r.comment)),
      receipts,
      notStored,
      probesDuringLock,
      output,
    };
  }

  function expectTruthfulAnswers(result: Awaited<ReturnType<typeof run>>) {
    const { reports, rows, receipts, notStored, probesDuringLock, probeFailures } = result;
    // Slack got an answer to every report within its 3 s, and each closed the modal.
    expect(
      reports.filter((r) => !(r.ms < SLACK_ACK_LIMIT_MS)).map((r) => `${r.comment} ${Math.round(r.ms)} ms`),
    ).toEqual([]);
    expect(
      reports.filter((r) => r.status !== 200 || r.body !== '').map((r) => `${r.comment} ${r.status} ${r.body}`),
    ).toEqual([]);
    expect(reports.filter((r) => r.phase === 'locked').length).toBeGreaterThanOrEqual(9);
    // The bot kept serving during the lock: its event loop never stalled.
    expect(probesDuringLock.length).toBeGreaterThan(0);
    expect(probeFailures).toBe(0);
    expect(Math.max(...probesDuringLock)).toBeLessThan(1000);
    // Every report is stored exactly once, and its reporter got exactly one receipt and no notice
    // that it failed.
    expect(rows.map((r) => r.comment).sort()).toEqual(reports.map((r) => r.comment).sort());
    expect(receipts).toEqual(reports.map(() => 1));
    expect(notStored).toEqual(reports.map(() => 0));
  }

  it('SQLite: another process holds BEGIN EXCLUSIVE', async () => {
    const result = await run('sqlite', function exclusiveTransaction(db) {
      return sqliteLock(db.url.replace(/^file:/, ''));
    });
    expectTruthfulAnswers(result);
  });

  it('PostgreSQL: another session holds the reported targets’ rows FOR UPDATE', async () => {
    const result = await run('postgresql', function rowLock(db, org) {
      return postgresLock(
        db.url,
        `SELECT "id" FROM "Target" WHERE "id" IN (${org.targets.sk1}, ${org.targets.sk2}) FOR UPDATE`,
        'row lock',
      );
    });
    expectTruthfulAnswers(result);
  });

  it('PostgreSQL: another session holds ProgressUpdate in ACCESS EXCLUSIVE mode', async () => {
    const result = await run('postgresql', function tableLock(db) {
      return postgresLock(db.url, 'LOCK TABLE "ProgressUpdate" IN ACCESS EXCLUSIVE MODE', 'table lock');
    });
    expectTruthfulAnswers(result);
  });
});
