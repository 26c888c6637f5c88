import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { t } from '../../src/i18n/messages.js';
import { type CommandArgs, commandListener } from '../../src/slack/command-listener.js';
import { testContext } from '../helpers/context.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { loadFixture } from '../helpers/slack-driver.js';

const NOW = new Date('2026-11-20T01:00:00Z');

describe('commandListener', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    // An English speaker whose locale was read an hour ago: no users.info call is needed.
    await database.db.slackUser.create({
      data: { id: 'UEN0000001', locale: 'en-GB', localeFetchedAt: new Date(NOW.getTime() - 3_600_000) },
    });
  });
  afterAll(async () => database?.destroy());

  function invoke() {
    const calls: string[] = [];
    const responses: Record<string, unknown>[] = [];
    const fields = loadFixture<{ fields: Record<string, string> }>('slash_command.docs_example.json').fields;
    const args = {
      ack: async () => {
        calls.push('ack');
      },
      command: { ...fields, command: '/progress', text: 'SK-1', user_id: 'UEN0000001' },
      client: new WebClient('xoxb-test-token'),
      respond: async (message: Record<string, unknown>) => {
        responses.push(message);
      },
    } as unknown as CommandArgs;
    return { args, calls, responses };
  }

  it('acks before the work and hands it the caller, their language and the command', async () => {
    const ctx = testContext(database, NOW);
    const { args, calls } = invoke();
    let seen: unknown;
    await commandListener(ctx, '/progress', async ({ userId, locale, command }) => {
      calls.push('work');
      seen = { userId, locale, text: command.text };
    })(args);
    expect(calls).toEqual(['ack', 'work']);
    expect(seen).toEqual({ userId: 'UEN0000001', locale: 'en', text: 'SK-1' });
  });

  it('explains a failure ephemerally with the error’s own user message, never its internals', async () => {
    const ctx = testContext(database, NOW);
    const { args, responses } = invoke();
    await commandListener(ctx, '/targets', async () => {
      throw new AppError('no_department', 'UEN0000001 in no department (internal)', 'error.no_department');
    })(args);
    expect(responses).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: t('en', 'error.no_department') },
    ]);
    expect(JSON.stringify(responses)).not.toContain('internal');
    expect(ctx.lines.some((l) => l.includes('/targets failed') && l.includes('no_department'))).toBe(true);
  });
});
