import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanText } from '../../src/domain/clean-text.js';
import { STATUSES } from '../../src/domain/status.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';
import { nockAuthTest, startTestApp, type TestApp, viewSubmission } from '../helpers/slack-driver.js';
import {
  eventually,
  garbage,
  health,
  hostileText,
  injections,
  interceptSlack,
  type SlackTraffic,
} from './hostile-kit.js';

const REPORTER = 'USTAFF001'; // 政策経営部: may report on SK-1 and SK-2, not on 総務部's SM-1
// Mentions the bot itself writes: the reporter, and the targets' owners in the same department.
const OWN_MENTIONS = [REPORTER, 'USTAFF002'];

type Values = Record<string, unknown>;

/** Control and bidi characters the parser drops from comments (newline and tab are kept). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is checked.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Mostly the well-formed thing (so that some submissions are valid), else anything, else nothing. */
function maybe<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: good },
    { weight: 1, arbitrary: garbage },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

function select(action: string, value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return maybe(
    fc.oneof(
      {
        weight: 8,
        arbitrary: value.map((v) => ({ [action]: { type: 'static_select', selected_option: { value: v } } })),
      },
      { weight: 1, arbitrary: fc.constant({ [action]: { type: 'static_select', selected_option: null } }) },
      { weight: 1, arbitrary: garbage.map((g) => ({ [action]: { type: 'static_select', selected_option: g } })) },
      { weight: 1, arbitrary: garbage.map((g) => ({ [action]: g })) },
    ),
  );
}

function input(action: string, value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return maybe(
    fc.oneof(
      { weight: 8, arbitrary: value.map((v) => ({ [action]: { type: 'plain_text_input', value: v } })) },
      { weight: 1, arbitrary: fc.constant({ [action]: { type: 'plain_text_input', value: null } }) },
      { weight: 1, arbitrary: garbage.map((g) => ({ [action]: g })) },
    ),
  );
}

const numberText = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('42', '0', '-0', '100', '100.0', '12.5', '1e2', '１２．５', '1,234', ' 7 ', ''),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('1e309', '-1e309', 'NaN', 'Infinity', '12,5', '101', '-1', '0x10', '1_000', '٤٢'),
  },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: garbage },
);

/** Whatever lands in the database must be what a valid modal could have produced. */
function expectSane(row: { status: string; value: number | null; percent: number | null; comment: string | null }) {
  expect(STATUSES as readonly string[]).toContain(row.status);
  if (row.value !== null) expect(Number.isFinite(row.value)).toBe(true);
  if (row.percent !== null) {
    expect(row.percent).toBeGreaterThanOrEqual(0);
    expect(row.percent).toBeLessThanOrEqual(100);
  }
  if (row.comment !== null) {
    expect(Array.from(row.comment).length).toBeLessThanOrEqual(2000);
    expect(row.comment).not.toMatch(CONTROL);
  }
}

describe('hostile progress modal submissions', () => {
  let database: TestDatabase;
  let app: TestApp;
  let org: SeededOrg;
  let slack: SlackTraffic;
  let metadata: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    org = await seedSmallOrg(database.db);
    metadata = JSON.stringify({ v: 1, targetId: org.targets.sk1 });
    // Bolt calls auth.test as soon as the app is built; answered, the first request does not wait for its retry.
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

  const counts = async () => ({
    updates: await database.db.progressUpdate.count(),
    links: await database.db.progressMilestone.count(),
    done: await database.db.milestone.count({ where: { doneAt: { not: null } } }),
  });

  /**
   * Submits, then checks the invariants: a 200 (how fast is measured by npm run bench), either an
   * empty body (stored: exactly one more update, sane, announced without injected mentions) or
   * field errors (nothing written at all), and the bot still healthy.
   */
  async function submit(values: unknown, privateMetadata: unknown = metadata): Promise<'stored' | 'refused'> {
    const before = await counts();
    const postsBefore = slack.posts.length;
    const payload = viewSubmission({
      userId: REPORTER,
      callbackId: 'progress_submit',
      values: {},
      privateMetadata: '',
    });
    const res = await app.interaction({
      ...payload,
      view: { ...payload.view, private_metadata: privateMetadata, state: { values } },
    });
    expect(res.status).toBe(200);
    const after = await counts();
    let outcome: 'stored' | 'refused';
    if (res.body === '') {
      outcome = 'stored';
      expect(after.updates).toBe(before.updates + 1);
      // Every milestone linked to the update was open and is now done: no half-applied selection.
      expect(after.links - before.links).toBe(after.done - before.done);
      const row = await database.db.progressUpdate.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expectSane(row);
      expect(row.reporterId).toBe(REPORTER);
      expect([org.targets.sk1, org.targets.sk2]).toContain(row.targetId);
      // Receipt and department channel post.
      expect(await eventually(() => slack.posts.length >= postsBefore + 2)).toBe(true);
      for (const post of slack.posts.slice(postsBefore)) expect(injections(post, OWN_MENTIONS)).toEqual([]);
    } else {
      outcome = 'refused';
      const body = JSON.parse(res.body) as { response_action?: string; errors?: Record<string, unknown> };
      expect(body.response_action).toBe('errors');
      expect(Object.keys(body.errors ?? {}).length).toBeGreaterThan(0);
      expect(after).toEqual(before);
      expect(slack.posts.length).toBe(postsBefore);
    }
    expect(await health(app.url)).toBe(200);
    return outcome;
  }

  it('any field values: a 200, stored whole or refused with nothing written', async () => {
    const outcomes = { stored: 0, refused: 0 };
    const runs = 50;
    const targetId = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(String(org.targets.sk1), String(org.targets.sk2)) },
      { weight: 1, arbitrary: fc.constant(String(org.targets.sm1)) },
      { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1e3', '99999999999999', '１', ' 1', '9007199254740993') },
      { weight: 1, arbitrary: hostileText },
    );
    const milestoneOption = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(String(org.milestones.sk1a), String(org.milestones.sk1b)) },
      { weight: 1, arbitrary: fc.constant(String(org.milestones.sm1a)) },
      { weight: 1, arbitrary: hostileText },
      { weight: 1, arbitrary: garbage },
    );
    const milestoneBlock = fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      {
        weight: 2,
        arbitrary: fc
          .array(milestoneOption, { maxLength: 3 })
          .map((vs) => ({ milestones: { type: 'checkboxes', selected_options: vs.map((value) => ({ value })) } })),
      },
      { weight: 1, arbitrary: garbage.map((g) => ({ milestones: { type: 'checkboxes', selected_options: g } })) },
      {
        weight: 1,
        arbitrary: fc.array(garbage, { maxLength: 2 }).map((g) => ({ milestones: { selected_options: g } })),
      },
      { weight: 1, arbitrary: garbage },
    );
    const chaos = fc.record(
      {
        target: select('progress_target', targetId),
        status: select(
          'status',
          fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...STATUSES) },
            { weight: 1, arbitrary: hostileText },
            { weight: 1, arbitrary: garbage },
          ),
        ),
        value: input('value', numberText),
        percent: input('percent', numberText),
        comment: input('comment', fc.oneof({ weight: 4, arbitrary: hostileText }, { weight: 1, arbitrary: garbage })),
        [`milestones_${org.targets.sk1}`]: milestoneBlock,
        [`milestones_${org.targets.sm1}`]: milestoneBlock,
        milestones_: milestoneBlock,
        [`${'x'.repeat(300)}`]: garbage,
      },
      { requiredKeys: [] },
    );
    // A valid report with at most two fields broken: most are stored, each break is caught alone.
    const valid = fc
      .record({
        target: fc.constantFrom(org.targets.sk1, org.targets.sk2),
        status: fc.constantFrom(...STATUSES),
        value: fc.constantFrom(null, '42', '-0', '１２．５', '1,234', ' 7 '),
        percent: fc.constantFrom(null, '0', '100', '35.5'),
        comment: fc.option(hostileText, { nil: null }),
        milestones: fc.subarray([org.milestones.sk1a, org.milestones.sk1b]),
      })
      .map(
        (r): Values => ({
          target: { progress_target: { type: 'static_select', selected_option: { value: String(r.target) } } },
          status: { status: { type: 'static_select', selected_option: { value: r.status } } },
          value: { value: { type: 'plain_text_input', value: r.value } },
          percent: { percent: { type: 'plain_text_input', value: r.percent } },
          comment: { comment: { type: 'plain_text_input', value: r.comment } },
          [`milestones_${r.target}`]: {
            milestones: {
              type: 'checkboxes',
              selected_options: (r.target === org.targets.sk1 ? r.milestones : []).map((id) => ({ value: String(id) })),
            },
          },
        }),
      );
    const breakage = fc.tuple(
      fc.constantFrom(
        'target',
        'status',
        'value',
        'percent',
        'comment',
        `milestones_${org.targets.sk1}`,
        'milestones_0',
      ),
      fc.oneof(
        garbage,
        fc.constant(undefined),
        hostileText.map((text) => ({ anything: { value: text, selected_option: { value: text } } })),
        chaos.map((c) => Object.values(c)[0]),
      ),
    );
    const nearlyValid = fc.tuple(valid, fc.array(breakage, { maxLength: 2 })).map(([v, breaks]) => {
      const broken: Values = { ...v };
      for (const [block, replacement] of breaks) broken[block] = replacement;
      return broken;
    });
    const values = fc.oneof(
      { weight: 2, arbitrary: nearlyValid },
      { weight: 2, arbitrary: chaos },
      { weight: 1, arbitrary: garbage },
    );
    await fc.assert(
      fc.asyncProperty(values, async (v) => {
        outcomes[await submit(v)] += 1;
      }),
      { numRuns: runs },
    );
    // Both branches were exercised, so each set of checks ran.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.stored).toBeGreaterThan(0);
    expect(outcomes.stored + outcomes.refused).toBe(runs);
  });

  it('a comment of lone surrogates is stored as that many replacement characters (found by fast-check)', async () => {
    const outcome = await submit({
      target: { progress_target: { type: 'static_select', selected_option: { value: String(org.targets.sk1) } } },
      status: { status: { type: 'static_select', selected_option: { value: 'on_track' } } },
      comment: { comment: { type: 'plain_text_input', value: '\ud800'.repeat(1000) } },
    });
    expect(outcome).toBe('stored');
    const row = await database.db.progressUpdate.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(row.comment).toBe('\ufffd'.repeat(1000));
  });

  it('well-formed reports with any comment are stored, and the channel post escapes it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...STATUSES),
        fc.oneof(hostileText, fc.constant(null)),
        fc.constantFrom(null, '0', '35.5', '100', '１２'),
        async (status, comment, percent) => {
          const outcome = await submit(
            {
              target: {
                progress_target: { type: 'static_select', selected_option: { value: String(org.targets.sk2) } },
              },
              status: { status: { type: 'static_select', selected_option: { value: status } } },
              percent: { percent: { type: 'plain_text_input', value: percent } },
              comment: { comment: { type: 'plain_text_input', value: comment } },
              // The modal as drawn for SK-2 (its percentage field).
            },
            JSON.stringify({ v: 1, targetId: org.targets.sk2 }),
          );
          // Over-long comments are the one legitimate refusal here.
          const kept = cleanText(comment ?? '', { multiline: true }).trim();
          expect(outcome).toBe(Array.from(kept).length > 2000 ? 'refused' : 'stored');
        },
      ),
      { numRuns: 30 },
    );
  });

  it('altered private_metadata is refused unless it is exactly what the bot writes', async () => {
    const valid = (raw: unknown): boolean => {
      if (typeof raw !== 'string') return false;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return false;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
      const o = parsed as Record<string, unknown>;
      const keys = Object.keys(o).sort().join(',');
      const id = o.targetId;
      return keys === 'targetId,v' && o.v === 1 && (id === null || (Number.isSafeInteger(id) && (id as number) > 0));
    };
    const metadataArb = fc.oneof(
      hostileText,
      fc.json(),
      fc
        .record({ v: fc.oneof(fc.constant(1), garbage), targetId: fc.oneof(fc.integer(), garbage) })
        .map((o) => JSON.stringify(o)),
      fc
        .record({ v: fc.constant(1), targetId: fc.constant(org.targets.sk1), extra: garbage })
        .map((o) => JSON.stringify(o)),
      garbage,
    );
    const good = {
      target: { progress_target: { type: 'static_select', selected_option: { value: String(org.targets.sk1) } } },
      status: { status: { type: 'static_select', selected_option: { value: 'on_track' } } },
    };
    await fc.assert(
      fc.asyncProperty(metadataArb, async (raw) => {
        expect(await submit(good, raw)).toBe(valid(raw) ? 'stored' : 'refused');
      }),
      { numRuns: 40 },
    );
  });
});
