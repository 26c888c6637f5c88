import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';
import { blockAction, nockAuthTest, startTestApp, type TestApp } from '../helpers/slack-driver.js';
import { eventually, garbage, health, hostileText, interceptSlack, type SlackTraffic } from './hostile-kit.js';

const PRESSER = 'USTAFF001';

/** Every action id the listeners in commands/ register for buttons and selects. */
const ACTION_IDS = [
  'open_progress',
  'progress_target',
  'targets_page_next',
  'targets_page_previous',
  'home_page_mine_next',
  'home_page_org_previous',
  'review_list_open',
  'review_open',
  'review_page_next',
  'review_page_previous',
];

function maybe<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: good },
    { weight: 2, arbitrary: garbage },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

describe('hostile button and select actions', () => {
  let database: TestDatabase;
  let app: TestApp;
  let org: SeededOrg;
  let slack: SlackTraffic;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    org = await seedSmallOrg(database.db);
    nockAuthTest();
    app = await startTestApp(database, { now: () => new Date('2026-11-20T01:00:00Z') });
  });
  beforeEach(() => {
    slack = interceptSlack();
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  /** Errors that reached Bolt's last-resort handler: a listener that failed without telling the user. */
  const unhandled = () => app.lines.filter((line) => line.includes('unhandled listener error'));

  it('any action value, selected option and view: acked with a 200, and any failure told politely', async () => {
    const value = fc.oneof(
      fc.constantFrom(
        String(org.targets.sk1),
        '0',
        'mine:1',
        'org:0',
        '1',
        JSON.stringify({ d: org.departments.seisaku, p: 1 }),
      ),
      hostileText,
      garbage,
    );
    const action = fc.record(
      {
        action_id: fc.constantFrom(...ACTION_IDS),
        type: maybe(fc.constantFrom('button', 'static_select', 'external_select')),
        value: maybe(value),
        selected_option: maybe(fc.record({ value: maybe(value) }, { requiredKeys: [] })),
      },
      { requiredKeys: ['action_id'] },
    );
    const view = fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      {
        weight: 3,
        arbitrary: fc.record(
          {
            id: maybe(fc.constant('V0HOSTILE')),
            type: maybe(fc.constantFrom('modal', 'home')),
            hash: maybe(fc.constant('1.abc')),
            private_metadata: maybe(
              fc.oneof(fc.json(), hostileText, fc.constant(JSON.stringify({ fy: 2026, page: 0 }))),
            ),
          },
          { requiredKeys: [] },
        ),
      },
    );
    const responseUrl = fc.constantFrom<string | null | undefined>(undefined, null);
    await fc.assert(
      fc.asyncProperty(action, view, responseUrl, async (a, v, url) => {
        const unhandledBefore = unhandled().length;
        const callsBefore = slack.total();
        const payload = blockAction({
          userId: PRESSER,
          action: a as Record<string, unknown>,
          ...(v ? { view: v as Record<string, unknown> } : {}),
          responseUrl: url,
        });
        const res = await app.interaction(payload);
        expect(res.status).toBe(200);
        // Work after the ack settles (a polite reply, a view, or nothing for a stale select).
        await eventually(() => slack.total() > callsBefore, 100);
        expect(unhandled().slice(unhandledBefore)).toEqual([]);
        expect(await health(app.url)).toBe(200);
      }),
      { numRuns: 40 },
    );
    // Nothing failed unnoticed after its own check either.
    expect(unhandled()).toEqual([]);
  });

  it('every action id with each odd shape: acked, and any failure told politely', async () => {
    const shapes: Record<string, unknown>[] = [
      { type: 'button', value: 42 },
      { type: 'button', value: { d: 1 } },
      { type: 'button', value: null },
      { type: 'button', value: 'mine:1' },
      { type: 'button', value: String(org.targets.sk1) },
      { type: 'static_select', selected_option: 'x' },
      { type: 'static_select', selected_option: { value: [1] } },
      {},
    ];
    for (const actionId of ACTION_IDS) {
      for (const shape of shapes) {
        for (const view of [undefined, { id: 42, type: 'modal', private_metadata: { fy: 'x' } }]) {
          const unhandledBefore = unhandled().length;
          const callsBefore = slack.total();
          const res = await app.interaction(
            blockAction({ userId: PRESSER, action: { action_id: actionId, ...shape }, ...(view ? { view } : {}) }),
          );
          expect(res.status, `${actionId} ${JSON.stringify(shape)}`).toBe(200);
          await eventually(() => slack.total() > callsBefore, 100);
          expect(unhandled().slice(unhandledBefore), `${actionId} ${JSON.stringify(shape)}`).toEqual([]);
        }
      }
    }
    expect(unhandled()).toEqual([]);
  });

  it('target search options: any typed value gives a list of options, never an error', async () => {
    const typed = fc.oneof(hostileText, garbage, fc.constantFrom('%', '_', 'ＳＫ－１', '\\'));
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        const res = await app.interaction({
          type: 'block_suggestion',
          user: { id: PRESSER },
          team: { id: 'T0001' },
          api_app_id: 'A123456',
          action_id: 'progress_target',
          block_id: 'target',
          value: text,
          view: { id: 'V1', type: 'modal', callback_id: 'progress_submit' },
        });
        expect(res.status).toBe(200);
        const body = JSON.parse(res.body) as { options?: unknown[]; option_groups?: unknown[] };
        expect(Array.isArray(body.options) || Array.isArray(body.option_groups)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
