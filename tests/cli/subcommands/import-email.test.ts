import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.js';
import { type FakeSlack, startFakeSlack } from '../../helpers/fake-slack.js';
import { wiring } from '../../helpers/wiring.js';
import { EMAIL_CSV, EMAIL_YAML } from '../../import/samples.js';

/** The people of examples/small-ward-email.yaml as the fake workspace knows them. */
const WORKSPACE: [string, string, string][] = [
  ['kikaku.sato@example.jp', 'U0MIDORI01', '佐藤'],
  ['kikaku.suzuki@example.jp', 'U0MIDORI02', '鈴木'],
  ['kikaku.takahashi@example.jp', 'U0MIDORI03', '高橋'],
  ['fukushi.tanaka@example.jp', 'U0MIDORI04', '田中'],
  ['fukushi.ito@example.jp', 'U0MIDORI05', '伊藤'],
  ['fukushi.watanabe@example.jp', 'U0MIDORI06', '渡辺'],
];

describe('tracker import with people by e-mail address', () => {
  let database: TestDatabase;
  let slack: FakeSlack;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'tracker-import-email-'));

  async function run(args: string[], withToken = true) {
    const out: string[] = [];
    const err: string[] = [];
    const cliEnv = withToken ? env : { ...env, SLACK_BOT_TOKEN: '' };
    const code = await runCli(args, { env: cliEnv, out: (l) => out.push(l), err: (l) => err.push(l) }, wiring);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const lookups = () => slack.callsTo('users.lookupByEmail').length;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    slack = await startFakeSlack();
    for (const [address, id, name] of WORKSPACE) slack.usersByEmail.set(address, { id, displayName: name });
    env = {
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: 'xoxb-cli-test',
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'error',
      // The assertions read the English messages.
      TRACKER_LANG: 'en',
    };
  });
  afterAll(async () => {
    await slack?.close();
    await database?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    slack.calls.length = 0;
  });

  it('says clearly that Slack is needed when addresses are not known and no token is set', async () => {
    const { code, err } = await run(['import', EMAIL_YAML], false);
    expect(code).toBe(1);
    expect(err).toContain('6 e-mail addresses in');
    expect(err).toContain('set SLACK_BOT_TOKEN');
    expect(err).toContain('Nothing was written');
    expect(await database.db.department.count()).toBe(0);
    const japanese = await run(['import', EMAIL_YAML, '--lang', 'ja'], false);
    expect(japanese.err).toBe(
      `tracker import: ${EMAIL_YAML} のメールアドレス6件はまだ登録がなく、Slackでの照会（users.lookupByEmail、スコープ users:read.email）が必要です。SLACK_BOT_TOKEN を設定するか、その人をSlackユーザーIDで書いてください。何も書き込んでいません。`,
    );
  });

  it('explains a Slack app without the users:read.email scope', async () => {
    slack.lookupByEmailError = 'missing_scope';
    try {
      const { code, err } = await run(['import', EMAIL_YAML]);
      expect(code).toBe(1);
      expect(err).toContain('users.lookupByEmail failed: missing_scope (the app needs the users:read.email scope');
      // The lookups still queued behind the failed ones are not sent (3 run at a time).
      expect(lookups()).toBeLessThanOrEqual(3);
      expect(await database.db.department.count()).toBe(0);
    } finally {
      slack.lookupByEmailError = null;
    }
  });

  it('--dry-run resolves the addresses with Slack and writes nothing', async () => {
    const { code, out, err } = await run(['import', '--dry-run', EMAIL_YAML]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('People by e-mail: 6 addresses, 0 already known, 6 resolved with Slack');
    expect(lookups()).toBe(6);
    expect(await database.db.department.count()).toBe(0);
    expect(await database.db.slackUser.count()).toBe(0);
  });

  it('imports the e-mail example: people stored by id, each address looked up once', async () => {
    const { code, out, err } = await run(['import', EMAIL_YAML]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Valid: FY2026 (令和8年度), 2 departments, 4 targets, 6 milestones');
    expect(lookups()).toBe(6);
    const ids = new Map(WORKSPACE.map(([address, id]) => [address, id]));
    const people = await database.db.departmentPerson.findMany({
      select: { slackUserId: true, role: true, department: { select: { code: true } } },
      orderBy: [{ departmentId: 'asc' }, { role: 'asc' }, { slackUserId: 'asc' }],
    });
    expect(people.map((p) => `${p.department.code} ${p.role} ${p.slackUserId}`)).toEqual([
      `kikaku manager ${ids.get('kikaku.sato@example.jp')}`,
      `kikaku member ${ids.get('kikaku.suzuki@example.jp')}`,
      `kikaku member ${ids.get('kikaku.takahashi@example.jp')}`,
      `fukushi manager ${ids.get('fukushi.tanaka@example.jp')}`,
      `fukushi member ${ids.get('fukushi.ito@example.jp')}`,
      `fukushi member ${ids.get('fukushi.watanabe@example.jp')}`,
    ]);
    const owner = await database.db.target.findFirst({ where: { code: 'FK-2' }, select: { ownerId: true } });
    expect(owner?.ownerId).toBe('U0MIDORI06');
    expect((await database.db.setting.findUnique({ where: { key: 'hq_users' } }))?.value).toContain('U0MIDORI01');
    const users = await database.db.slackUser.findMany({ orderBy: { id: 'asc' } });
    expect(users.map((u) => [u.email, u.id, u.displayName])).toEqual(WORKSPACE);
  });

  it('a re-import asks Slack nothing (the ids are known), even without a token; so does its CSV twin', async () => {
    const again = await run(['import', EMAIL_YAML], false);
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
    expect(again.out).toContain('People by e-mail: 6 addresses, 6 already known, 0 resolved with Slack');
    expect(again.out).toContain('Nothing to change');
    const twin = await run(['import', EMAIL_CSV]);
    expect(twin.code).toBe(0);
    expect(twin.out).toContain('Nothing to change');
    expect(slack.calls).toEqual([]);
  });

  it('lists every unknown address with its path and writes nothing', async () => {
    const text = readFileSync(EMAIL_YAML, 'utf8')
      .replace(
        'members: [fukushi.ito@example.jp, fukushi.watanabe@example.jp]',
        'members: [fukushi.ito@example.jp, fukushi.watanabe@example.jp, new.hire@example.jp]',
      )
      .replace('owner: fukushi.watanabe@example.jp', 'owner: New.Hire@example.jp')
      .replace('managers: [fukushi.tanaka@example.jp]', 'managers: [fukushi.tanaka@example.jp, moved.in@example.jp]');
    slack.usersByEmail.set('moved.in@example.jp', { id: 'U0MIDORI07', displayName: '転入' });
    const file = join(dir, 'unknown.yaml');
    writeFileSync(file, text);
    const { code, err } = await run(['import', file]);
    expect(code).toBe(1);
    expect(err.split('\n')).toEqual([
      'departments[1].members[2] (line 55): no Slack user has the e-mail address new.hire@example.jp',
      'departments[1].targets[1].owner (line 68): no Slack user has the e-mail address new.hire@example.jp',
      `1 e-mail address not found in Slack (2 places in ${file}); nothing was written. / Slackに見つからないメールアドレスが1件あるため、何も書き込んでいません。`,
    ]);
    // Only the two addresses not yet known were asked; the one found is not kept either.
    expect(slack.callsTo('users.lookupByEmail').map((c) => c.params.email)).toEqual([
      'moved.in@example.jp',
      'new.hire@example.jp',
    ]);
    expect(await database.db.slackUser.count({ where: { email: 'moved.in@example.jp' } })).toBe(0);
    expect(await database.db.departmentPerson.count()).toBe(6);

    const japanese = await run(['import', file, '--lang', 'ja']);
    expect(japanese.code).toBe(1);
    expect(japanese.err.split('\n')).toEqual([
      'departments[1].members[2]（55行目）: メールアドレス new.hire@example.jp のSlackユーザーが見つかりません',
      'departments[1].targets[1].owner（68行目）: メールアドレス new.hire@example.jp のSlackユーザーが見つかりません',
      `Slackに見つからないメールアドレスが1件（${file} の2か所）あるため、何も書き込んでいません。`,
    ]);
  });
});
