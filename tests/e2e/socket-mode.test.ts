import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/slack/app.js';
import { captureLogger, testConfig } from '../helpers/context.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { seedSmallOrg } from '../helpers/seed.js';
import { loadFixture, waitFor } from '../helpers/slack-driver.js';
import { registerListeners } from '../helpers/wiring.js';

describe('Socket Mode against a fake Slack (SLACK_API_URL)', () => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let running: RunningApp;
  let lines: string[];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedSmallOrg(database.db);
    fake = await startFakeSlack();
    const captured = captureLogger();
    lines = captured.lines;
    const config = testConfig({
      databaseUrl: database.url,
      slack: { botToken: 'xoxb-socket-test', appToken: 'xapp-1-A0FAKE001-socket-test', apiUrl: fake.apiUrl },
    });
    running = await startApp(
      {
        db: database.db,
        database,
        config,
        logger: captured.logger,
        now: () => new Date('2026-11-20T01:00:00Z'),
      },
      registerListeners,
    );
  });
  afterAll(async () => {
    await running?.stop();
    await fake?.close();
    await database?.destroy();
  });

  it('connects through SLACK_API_URL, acks a /progress envelope and opens the modal', async () => {
    expect(fake.callsTo('apps.connections.open')).toHaveLength(1);
    await waitFor(() => fake.socketConnections() === 1);
    const envelope = loadFixture<{ envelope_id: string; payload: Record<string, string> }>(
      'socket_mode.slash_commands_envelope.node_sdk_fixture.json',
    );
    fake.sendEnvelope({
      ...envelope,
      payload: { ...envelope.payload, command: '/progress', text: 'SK-1', user_id: 'USTAFF001' },
    });
    await waitFor(() => fake.acks.length === 1);
    expect(fake.acks[0]).toMatchObject({ envelope_id: envelope.envelope_id });
    await waitFor(() => fake.callsTo('views.open').length === 1);
    expect(fake.callsTo('views.open')[0]?.params.trigger_id).toBe('111.222.xxx');
    expect(lines.join('\n')).not.toContain('xapp-1-A0FAKE001-socket-test');
  });

  it('serves /healthz on PORT in Socket Mode too', async () => {
    const res = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    expect(res.status).toBe(200);
  });
});
