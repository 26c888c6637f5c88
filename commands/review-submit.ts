import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { buildReviewNotRecordedNotice } from '../src/blocks/review-late-notice.js';
import {
  parseReviewStepMetadata,
  parseReviewStepSubmission,
  REVIEW_STEP_BLOCKS,
  type ReviewFieldError,
} from '../src/blocks/review-step-modal.js';
import type { ListenerContext } from '../src/context.js';
import { asRecord, asText, recordAt } from '../src/domain/untrusted-json.js';
import { AppError } from '../src/errors.js';
import { type Locale, t } from '../src/i18n/messages.js';
import { prepareReviewList } from '../src/review/prepare-review-list.js';
import type { ReviewStepKind } from '../src/review/workflow.js';
import { peekUserLocale } from '../src/services/people/get-user-locale.js';
import { recordReviewStep } from '../src/services/review/record-review-step.js';
import { STORE_BUDGET_MS, within } from '../src/slack/ack-budget.js';
import { userMessageFor } from '../src/slack/reply-error.js';

function errorsResponse(locale: Locale, errors: ReviewFieldError[]) {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.blockId] ??= t(locale, e.key, e.params);
  return { response_action: 'errors' as const, errors: out };
}

/** The input blocks' ids of the submitted view; a forged view may carry anything as its blocks. */
function inputBlockIds(blocks: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(blocks)) return ids;
  for (const block of blocks) {
    const b = asRecord(block);
    const id = asText(b?.block_id);
    if (b?.type === 'input' && id) ids.add(id);
  }
  return ids;
}

/** Where a refusal from the service is shown: next to the grade for grade problems, else the comment. */
function blockFor(error: unknown, blockIds: Set<string>): string {
  const code = error instanceof AppError ? error.code : '';
  if (code.startsWith('review_grade') && blockIds.has(REVIEW_STEP_BLOCKS.grade)) return REVIEW_STEP_BLOCKS.grade;
  if (blockIds.has(REVIEW_STEP_BLOCKS.comment)) return REVIEW_STEP_BLOCKS.comment;
  return [...blockIds][0] ?? REVIEW_STEP_BLOCKS.comment;
}

type ReviewSubmitted = { step: ReviewStepKind; grade: string | null; comment: string | null };
type Recorded = Awaited<ReturnType<typeof recordReviewStep>>;
type RecordOutcome = { ok: true; recorded: Recorded } | { ok: false; error: unknown };

function logRefused(ctx: ListenerContext, input: { userId: string; targetId: number; step: string; error: unknown }) {
  const { error } = input;
  ctx.logger.event(error instanceof AppError ? 'warn' : 'error', 'review step refused', {
    user: input.userId,
    target: input.targetId,
    step: input.step,
    code: error instanceof AppError ? error.code : 'unexpected',
    error,
  });
}

/**
 * The modal closed before its step was recorded: the outcome follows by direct message, the usual
 * confirmation if it was recorded, otherwise why not, with the grade and comment entered.
 */
function reportLateOutcome(
  ctx: ListenerContext,
  client: WebClient,
  input: {
    userId: string;
    locale: Locale;
    targetId: number;
    submission: ReviewSubmitted;
    recording: Promise<RecordOutcome>;
  },
): void {
  const { userId, locale, targetId, submission } = input;
  ctx.afterAck.runAfter('late review outcome', input.recording, async (outcome) => {
    let message: { text: string; blocks?: KnownBlock[] };
    if (outcome.ok) {
      logRecorded(ctx, userId, targetId, outcome.recorded, true);
      message = { text: recordedNotice(locale, outcome.recorded) };
    } else {
      logRefused(ctx, { userId, targetId, step: submission.step, error: outcome.error });
      const { key, params } = userMessageFor(outcome.error);
      message = buildReviewNotRecordedNotice({ locale, ...submission, reason: t(locale, key, params) });
    }
    try {
      await client.chat.postMessage({ channel: userId, ...message });
    } catch (error) {
      ctx.logger.event('error', 'could not tell the user the late outcome of a review step', { user: userId, error });
    }
  });
}

function logRecorded(ctx: ListenerContext, userId: string, targetId: number, recorded: Recorded, late: boolean): void {
  ctx.logger.event('info', 'review step recorded', {
    user: userId,
    target: targetId,
    step: recorded.step,
    state: recorded.state,
    ...(late ? { late: true } : {}),
  });
}

function recordedNotice(locale: Locale, recorded: Recorded): string {
  return t(locale, 'review.list.recorded', {
    code: recorded.targetCode,
    step: t(locale, `review.step.${recorded.step}`),
  });
}

/**
 * The review modal was submitted. The step is recorded only after the service has checked role,
 * transition, period, grade and comment on the server; a refusal keeps the modal open with the
 * reason. On success the modal closes onto the review list, which is refreshed. A step not
 * recorded within STORE_BUDGET_MS closes the modal, and its outcome follows by direct message.
 */
export const reviewSubmit =
  (ctx: ListenerContext) =>
  async ({
    ack,
    body,
    view,
    client,
    context,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    // When the request arrived (HTTP mode, src/slack/app.ts); Socket Mode counts from here.
    const received = typeof context.receivedAt === 'number' ? context.receivedAt : performance.now();
    const userId = body.user.id;
    const locale = await peekUserLocale(ctx.db, userId).catch((): Locale => 'ja');
    const blockIds = inputBlockIds(view.blocks);
    const metadata = parseReviewStepMetadata(asText(view.private_metadata));
    if (!metadata) {
      ctx.logger.event('warn', 'review view refused: private_metadata altered', { user: userId });
      await ack(errorsResponse(locale, [{ blockId: blockFor(null, blockIds), key: 'review.error.target_unknown' }]));
      return;
    }
    const parsed = parseReviewStepSubmission(recordAt(view, 'state')?.values, metadata);
    if (!parsed.ok) {
      await ack(errorsResponse(locale, parsed.errors));
      return;
    }
    const recording: Promise<RecordOutcome> = recordReviewStep(ctx.db, {
      targetId: metadata.targetId,
      actorId: userId,
      step: parsed.step,
      grade: parsed.grade,
      comment: parsed.comment,
      now: ctx.now(),
      timeZone: ctx.config.timeZone,
      hqUsers: ctx.config.hqUsers,
      expectedLastStepId: metadata.lastStepId,
    }).then(
      (recorded) => ({ ok: true, recorded }),
      (error: unknown) => ({ ok: false, error }),
    );
    const outcome = await within(recording, STORE_BUDGET_MS - (performance.now() - received));
    if (!outcome) {
      await ack();
      ctx.logger.event('warn', 'review step slow: modal closed before it was recorded', {
        user: userId,
        target: metadata.targetId,
        waitedMs: Math.round(performance.now() - received),
      });
      const submission = { step: parsed.step, grade: parsed.grade, comment: parsed.comment };
      reportLateOutcome(ctx, client, { userId, locale, targetId: metadata.targetId, submission, recording });
      return;
    }
    if (!outcome.ok) {
      const { error } = outcome;
      const { key, params } = userMessageFor(error);
      logRefused(ctx, { userId, targetId: metadata.targetId, step: parsed.step, error });
      await ack(errorsResponse(locale, [{ blockId: blockFor(error, blockIds), key, params }]));
      return;
    }
    const { recorded } = outcome;
    await ack();
    logRecorded(ctx, userId, metadata.targetId, recorded, false);
    const notice = recordedNotice(locale, recorded);
    try {
      if (view.previous_view_id && metadata.list) {
        const { view: list } = await prepareReviewList(ctx, {
          userId,
          locale,
          fiscalYear: metadata.list.fy,
          page: metadata.list.page,
          notice,
        });
        await client.views.update({ view_id: view.previous_view_id, view: list });
      } else {
        await client.chat.postMessage({ channel: userId, text: notice });
      }
    } catch (error) {
      // The step is recorded; only the confirmation is missing, which the person sees on reopening.
      ctx.logger.event('warn', 'review list not refreshed after a step', { user: userId, error });
    }
  };
