import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REVIEW_STEP_BLOCKS, REVIEW_STEP_CALLBACK_ID } from '../../src/blocks/review-step-modal.js';
import { isBlankText } from '../../src/domain/clean-text.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';
import { nockAuthTest, startTestApp, type TestApp, viewSubmission } from '../helpers/slack-driver.js';
import { garbage, health, hostileText, interceptSlack } from './hostile-kit.js';

const REVIEWER = 'USTAFF001'; // 政策経営部: may self-assess SK-1 and SK-2
/** What a stored review comment never holds: controls other than newline and tab, bidi controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is checked.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const INPUT_BLOCKS = [
  { type: 'input', block_id: REVIEW_STEP_BLOCKS.decision },
  { type: 'input', block_id: REVIEW_STEP_BLOCKS.grade },
  { type: 'input', block_id: REVIEW_STEP_BLOCKS.comment },
];

/** Mostly the well-formed thing, else anything JSON can carry, else nothing. */
function maybe<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: good },
    { weight: 2, arbitrary: garbage },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

describe('hostile review modal submissions', () => {
  let database: TestDatabase;
  let app: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    org = await seedSmallOrg(database.db);
    nockAuthTest();
    // Inside FY2026's self-assessment window (seed: 2027-06-01 to 2027-06-20).
    app = await startTestApp(database, { now: () => new Date('2027-06-05T01:00:00Z') });
  });
  beforeEach(() => {
    interceptSlack();
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  /**
   * Submits a view with the given state, metadata and blocks; checks a 200 whose body is either
   * empty (stored: one more step, sane) or field errors (nothing written), and the bot healthy.
   */
  async function submit(view: { values: unknown; metadata: unknown; blocks?: unknown }): Promise<'stored' | 'refused'> {
    const before = await database.db.reviewStep.count();
    const payload = viewSubmission({
      userId: REVIEWER,
      callbackId: REVIEW_STEP_CALLBACK_ID,
      values: {},
      privateMetadata: '',
    });
    const res = await app.interaction({
      ...payload,
      view: {
        ...payload.view,
        private_metadata: view.metadata,
        state: view.values === undefined ? undefined : { values: view.values },
        blocks: view.blocks === undefined ? INPUT_BLOCKS : view.blocks,
      },
    });
    expect(res.status).toBe(200);
    const after = await database.db.reviewStep.count();
    let outcome: 'stored' | 'refused';
    if (res.body === '') {
      outcome = 'stored';
      expect(after).toBe(before + 1);
      const step = await database.db.reviewStep.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(step.actorId).toBe(REVIEWER);
      if (step.comment !== null) {
        expect(step.comment).not.toMatch(UNSAFE);
        expect(isBlankText(step.comment)).toBe(false);
      }
      // One self-assessment per target: undo it so the next run can store again.
      await database.db.reviewStep.delete({ where: { id: step.id } });
    } else {
      outcome = 'refused';
      const body = JSON.parse(res.body) as { response_action?: string; errors?: Record<string, unknown> };
      expect(body.response_action).toBe('errors');
      const messages = Object.values(body.errors ?? {});
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(typeof message === 'string' && message.length > 0).toBe(true);
      expect(after).toBe(before);
    }
    expect(await health(app.url)).toBe(200);
    return outcome;
  }

  it('any state, metadata and blocks: a 200 at once, stored whole or refused with a field error', async () => {
    const outcomes = { stored: 0, refused: 0 };
    const runs = 60;
    const goodMetadata = fc
      .record({
        targetId: fc.constantFrom(org.targets.sk1, org.targets.sk2),
        lastStepId: fc.constant(null),
        only: fc.constantFrom(null, 'self'),
        list: fc.constantFrom(null, { fy: 2026, page: 0 }),
      })
      .map((m) => JSON.stringify(m));
    const metadata = fc.oneof(
      { weight: 6, arbitrary: goodMetadata },
      { weight: 1, arbitrary: fc.json() },
      { weight: 1, arbitrary: hostileText },
      {
        weight: 1,
        arbitrary: fc
          .record({ targetId: garbage, lastStepId: garbage, only: garbage, list: garbage }, { requiredKeys: [] })
          .map((m) => JSON.stringify(m)),
      },
      { weight: 1, arbitrary: garbage },
    );
    const select = (action: string, value: fc.Arbitrary<unknown>) =>
      maybe(
        fc.oneof(
          {
            weight: 6,
            arbitrary: value.map((v) => ({ [action]: { type: 'static_select', selected_option: { value: v } } })),
          },
          { weight: 1, arbitrary: garbage.map((g) => ({ [action]: { type: 'static_select', selected_option: g } })) },
          { weight: 1, arbitrary: garbage.map((g) => ({ [action]: g })) },
        ),
      );
    const comment = maybe(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .oneof(hostileText, fc.constantFrom('良好', '\u200B', '\u202E'))
            .map((v) => ({ comment: { type: 'plain_text_input', value: v } })),
        },
        { weight: 2, arbitrary: garbage.map((g) => ({ comment: { type: 'plain_text_input', value: g } })) },
        { weight: 1, arbitrary: garbage.map((g) => ({ comment: g })) },
      ),
    );
    const state = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.record(
          {
            [REVIEW_STEP_BLOCKS.decision]: select(
              'decision',
              fc.oneof(fc.constantFrom('self', 'approve', 'return', 'check', 'confirm'), hostileText, garbage),
            ),
            [REVIEW_STEP_BLOCKS.grade]: select(
              'grade',
              fc.oneof(fc.constantFrom('S', 'A', 'B', 'C', 'D'), hostileText, garbage),
            ),
            [REVIEW_STEP_BLOCKS.comment]: comment,
          },
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: garbage },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
    const blocks = fc.oneof(
      { weight: 8, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: garbage },
      { weight: 1, arbitrary: fc.array(garbage, { maxLength: 3 }) },
    );
    await fc.assert(
      fc.asyncProperty(state, metadata, blocks, async (values, meta, viewBlocks) => {
        outcomes[await submit({ values, metadata: meta, blocks: viewBlocks })] += 1;
      }),
      { numRuns: runs },
    );
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.stored + outcomes.refused).toBe(runs);
  });

  it('the shapes that used to go unanswered: a number, an object or null where text belongs', async () => {
    const metadata = JSON.stringify({ targetId: org.targets.sk1, lastStepId: null, only: null, list: null });
    const decision = { decision: { selected_option: { value: 'self' } } };
    const grade = { grade: { selected_option: { value: 'B' } } };
    for (const value of [42, { text: 'x' }, ['a'], true, null]) {
      const outcome = await submit({
        metadata,
        values: {
          [REVIEW_STEP_BLOCKS.decision]: decision,
          [REVIEW_STEP_BLOCKS.grade]: grade,
          [REVIEW_STEP_BLOCKS.comment]: { comment: { value } },
        },
      });
      expect(outcome, JSON.stringify(value)).toBe('refused');
    }
    expect(await submit({ metadata, values: null })).toBe('refused');
    expect(await submit({ metadata, values: { [REVIEW_STEP_BLOCKS.decision]: 'self' } })).toBe('refused');
    expect(await submit({ metadata, values: {}, blocks: 'not blocks' })).toBe('refused');
    // A zero-width space is no comment, and the refusal says so next to the comment.
    expect(
      await submit({
        metadata,
        values: {
          [REVIEW_STEP_BLOCKS.decision]: decision,
          [REVIEW_STEP_BLOCKS.grade]: grade,
          [REVIEW_STEP_BLOCKS.comment]: { comment: { value: '\u200B' } },
        },
      }),
    ).toBe('refused');
    // The well-formed submission is stored.
    expect(
      await submit({
        metadata,
        values: {
          [REVIEW_STEP_BLOCKS.decision]: decision,
          [REVIEW_STEP_BLOCKS.grade]: grade,
          [REVIEW_STEP_BLOCKS.comment]: { comment: { value: '\u202E順調\u202C' } },
        },
      }),
    ).toBe('stored');
  });
});
