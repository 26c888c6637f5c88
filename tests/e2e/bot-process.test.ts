import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import {
  interactionBody,
  loadFixture,
  SIGNING_SECRET,
  signedPost,
  viewSubmission,
  waitFor,
} from '../helpers/slack-driver.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'main.js');
const example = join(root, 'examples', 'itabashi-fy2026.yaml');

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
  return env;
}

describe('the tracker process without Slack credentials', () => {
  it('exits non-zero naming the missing variables and pointing to manifest.yml, without a stack trace', () => {
    const result = spawnSync(process.execPath, [bin, 'start'], {
      env: cleanEnv({ SLACK_BOT_TOKEN: '' }),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SLACK_BOT_TOKEN');
    expect(result.stderr).toContain('SLACK_SIGNING_SECRET');
    expect(result.stderr).toContain('manifest.yml');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe.each(PROVIDERS)('the real bot process against a fake Slack Web API on %s', (provider) => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let bot: ChildProcess;
  let url = '';
  let output = '';

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    fake = await startFakeSlack();
    const imported = spawnSync(process.execPath, [bin, 'import', example], {
      env: cleanEnv({ DATABASE_URL: database.url }),
      encoding: 'utf8',
    });
    expect(imported.status, imported.stderr).toBe(0);
    bot = spawn(process.execPath, [bin, 'start'], {
      env: cleanEnv({
        DATABASE_URL: database.url,
        SLACK_BOT_TOKEN: 'xoxb-e2e-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
      }),
    });
    bot.stdout?.on('data', (d) => {
      output += String(d);
    });
    bot.stderr?.on('data', (d) => {
      output += String(d);
    });
    await waitFor(() => /HTTP on :(\d+)/.test(output), 20_000);
    url = `http://127.0.0.1:${/HTTP on :(\d+)/.exec(output)?.[1]}`;
  });
  afterAll(async () => {
    bot?.kill('SIGTERM');
    await fake?.close();
    await database?.destroy();
  });

  it('runs import → /progress → submit → /targets, answering every request', async () => {
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const post = signedPost(url);
    const fields = loadFixture<{ fields: Record<string, string> }>('slash_command.docs_example.json').fields;
    const command = (command: string, text: string) =>
      post(
        new URLSearchParams({
          ...fields,
          command,
          text,
          user_id: 'U0SEISAK01',
          response_url: fake.responseUrl,
        }).toString(),
        'application/x-www-form-urlencoded',
      );

    // How fast the bot process answers is measured by npm run bench (bench/ack-latency.ts).
    const progress = await command('/progress', 'SK-1');
    expect(progress.status).toBe(200);
    await waitFor(() => fake.callsTo('views.open').length === 1);
    const view = fake.callsTo('views.open')[0]?.params.view as {
      private_metadata: string;
      blocks: { block_id?: string; element?: { initial_option?: { value: string } } }[];
    };
    const targetId = view.blocks.find((b) => b.block_id === 'target')?.element?.initial_option?.value;
    expect(targetId).toMatch(/^\d+$/);

    const submit = await post(
      interactionBody(
        viewSubmission({
          userId: 'U0SEISAK01',
          callbackId: 'progress_submit',
          privateMetadata: view.private_metadata,
          values: {
            target: { progress_target: { type: 'static_select', selected_option: { value: targetId } } },
            status: { status: { type: 'static_select', selected_option: { value: 'on_track' } } },
            percent: { percent: { type: 'plain_text_input', value: '35' } },
            comment: { comment: { type: 'plain_text_input', value: '改訂素案を作成中' } },
          },
        }),
      ),
      'application/x-www-form-urlencoded',
    );
    expect(submit.status).toBe(200);
    await waitFor(() => fake.callsTo('chat.postMessage').length >= 2);
    const channels = fake.callsTo('chat.postMessage').map((c) => c.params.channel);
    expect(channels).toContain('U0SEISAK01');
    expect(channels).toContain('C0SEISAK01');
    expect(await database.db.progressUpdate.count()).toBe(1);

    const targets = await command('/targets', '');
    expect(targets.status).toBe(200);
    await waitFor(() => fake.callsTo('response_url').length >= 1);
    const reply = JSON.stringify(fake.callsTo('response_url')[0]?.params);
    expect(reply).toContain('政策経営部');
    expect(reply).toContain('順調');
    expect(reply).toContain('進捗 35%');
    // The token reached Slack only as a header, never in the log.
    expect(output).not.toContain('xoxb-e2e-token');
  });
});
