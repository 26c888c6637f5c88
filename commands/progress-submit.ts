import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { PROGRESS_BLOCKS } from '../src/blocks/progress-modal.js';
import {
  buildProgressChannelPost,
  buildProgressNotStoredNotice,
  buildProgressReceipt,
} from '../src/blocks/progress-receipt.js';
import type { AppContext, ListenerContext } from '../src/context.js';
import {
  type FieldError,
  parseProgressMetadata,
  parseProgressSubmission,
  selectedOptionValues,
  type ViewStateValues,
} from '../src/domain/progress-submission.js';
import { type Locale, t } from '../src/i18n/messages.js';
import { peekUserLocale } from '../src/services/people/get-user-locale.js';
import { findSubmittedUpdate } from '../src/services/progress/find-submitted-update.js';
import { getReportableTarget, type TargetForReport } from '../src/services/progress/get-reportable-target.js';
import { recordOwnProgressUpdate } from '../src/services/progress/record-own-progress-update.js';
import { type ProgressInput, recordProgressUpdate } from '../src/services/progress/record-progress-update.js';
import { STORE_BUDGET_MS, within } from '../src/slack/ack-budget.js';
import { userMessageFor } from '../src/slack/reply-error.js';

function errorsResponse(locale: Locale, errors: FieldError[]) {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.blockId] ??= t(locale, e.key, e.params);
  return { response_action: 'errors' as const, errors: out };
}

/** Milestone blocks carry their target id; a selection from another target's block is refused. */
function foreignMilestoneBlocks(values: ViewStateValues, targetId: number): FieldError[] {
  return Object.entries(values)
    .filter(([blockId, actions]) => {
      if (!blockId.startsWith(PROGRESS_BLOCKS.milestonesPrefix)) return false;
      const chosen = selectedOptionValues((actions as Record<string, unknown> | null)?.milestones) ?? [];
      return chosen.length > 0 && blockId !== `${PROGRESS_BLOCKS.milestonesPrefix}${targetId}`;
    })
    .map(([blockId]) => ({ blockId, key: 'progress.validation.milestone_unknown' as const }));
}

async function announce(
  ctx: AppContext,
  client: WebClient,
  input: { userId: string; locale: Locale; target: TargetForReport; update: ProgressInput },
): Promise<void> {
  const { target, update, userId, locale } = input;
  const milestones = target.openMilestones.filter((m) => update.milestoneIds.includes(m.id)).map((m) => m.title);
  const receiptInput = {
    reporterId: userId,
    target: { code: target.code, title: target.title, indicatorUnit: target.indicatorUnit },
    status: update.status,
    value: update.value,
    percent: update.percent,
    comment: update.comment,
    milestones,
  };
  try {
    await client.chat.postMessage({ channel: userId, ...buildProgressReceipt({ ...receiptInput, locale }) });
  } catch (error) {
    ctx.logger.event('warn', 'progress receipt not delivered', { user: userId, error });
  }
  if (!target.department.channelId) return;
  try {
    // The department channel reads in the organisation's language.
    await client.chat.postMessage({
      channel: target.department.channelId,
      ...buildProgressChannelPost({ ...receiptInput, locale: 'ja' }),
    });
  } catch (error) {
    ctx.logger.event('warn', 'department channel post failed', { channel: target.department.channelId, error });
    await client.chat
      .postMessage({ channel: userId, text: t(locale, 'progress.channel_post_failed') })
      .catch(() => undefined);
  }
}

/**
 * Queues the receipt and the channel post of a stored update as after-ack work. When the update was
 * stored without reading its target (no milestones), the target is read here, after Slack's answer.
 */
function queueAnnouncement(
  ctx: ListenerContext,
  client: WebClient,
  input: { userId: string; locale: Locale; target: TargetForReport | null; update: ProgressInput },
): void {
  const { userId, locale, update } = input;
  ctx.afterAck.run('progress announcement', async () => {
    let target = input.target;
    try {
      target ??= await getReportableTarget(ctx.db, {
        slackUserId: userId,
        targetId: update.targetId,
        milestoneIds: [],
      });
    } catch (error) {
      ctx.logger.event('warn', 'progress receipt not sent: target not readable', { user: userId, error });
      return;
    }
    // Stored, but the reporter left the department in the meantime: no receipt, nothing else lost.
    if (target) await announce(ctx, client, { userId, locale, target, update });
  });
}

type StoreOutcome =
  | { kind: 'stored'; target: TargetForReport | null }
  /** An earlier delivery of the same submission stored it: nothing new stored, nothing announced. */
  | { kind: 'duplicate' }
  | { kind: 'refused'; errors: FieldError[] }
  | { kind: 'failed'; error: unknown };

/** Checks the reporter's right and the milestones again and stores the update; never rejects. */
async function storeReport(ctx: ListenerContext, update: ProgressInput): Promise<StoreOutcome> {
  const unknownTarget = (): StoreOutcome => {
    ctx.logger.event('warn', 'progress view refused: target not reportable by user', {
      user: update.reporterId,
      target: update.targetId,
    });
    return {
      kind: 'refused',
      errors: [{ blockId: PROGRESS_BLOCKS.target, key: 'progress.validation.target_unknown' }],
    };
  };
  try {
    if (update.milestoneIds.length === 0) {
      // Most reports complete no milestone: the permission check and the insert are one
      // statement, and the receipt's details are read after Slack has its answer.
      const recorded = await recordOwnProgressUpdate(ctx.db, update);
      if (!recorded) return unknownTarget();
      return recorded.duplicate ? { kind: 'duplicate' } : { kind: 'stored', target: null };
    }
    // Asked first: a second delivery would otherwise be refused, its milestones being done now.
    if (await findSubmittedUpdate(ctx.db, update.submissionKey)) return { kind: 'duplicate' };
    const target = await getReportableTarget(ctx.db, {
      slackUserId: update.reporterId,
      targetId: update.targetId,
      milestoneIds: update.milestoneIds,
    });
    if (!target) return unknownTarget();
    const open = new Set(target.openMilestones.map((m) => m.id));
    if (update.milestoneIds.some((id) => !open.has(id))) {
      return {
        kind: 'refused',
        errors: [
          { blockId: `${PROGRESS_BLOCKS.milestonesPrefix}${target.id}`, key: 'progress.validation.milestone_unknown' },
        ],
      };
    }
    const recorded = await recordProgressUpdate(ctx.db, update);
    return recorded.duplicate ? { kind: 'duplicate' } : { kind: 'stored', target };
  } catch (error) {
    ctx.logger.event('error', 'progress update not stored', {
      user: update.reporterId,
      target: update.targetId,
      error,
    });
    return { kind: 'failed', error };
  }
}

function logStored(ctx: ListenerContext, update: ProgressInput, late: boolean): void {
  ctx.logger.event('info', 'progress update stored', {
    user: update.reporterId,
    target: update.targetId,
    status: update.status,
    ...(late ? { late: true } : {}),
  });
}

function logDuplicate(ctx: ListenerContext, update: ProgressInput): void {
  ctx.logger.event('info', 'progress submission delivered again: already stored', {
    user: update.reporterId,
    target: update.targetId,
    submission: update.submissionKey,
  });
}

/**
 * The modal closed before its report was stored: the user learns the outcome by direct message,
 * the receipt if it was stored, otherwise why not, with what they entered so it is not lost.
 */
function reportLateOutcome(
  ctx: ListenerContext,
  client: WebClient,
  input: { locale: Locale; update: ProgressInput; storing: Promise<StoreOutcome> },
): void {
  const { locale, update } = input;
  // Through the after-ack queue, so a stopping bot waits for the outcome as for a receipt.
  ctx.afterAck.runAfter('late progress outcome', input.storing, async (outcome) => {
    if (outcome.kind === 'duplicate') {
      logDuplicate(ctx, update);
      return;
    }
    if (outcome.kind === 'stored') {
      logStored(ctx, update, true);
      queueAnnouncement(ctx, client, { userId: update.reporterId, locale, target: outcome.target, update });
      return;
    }
    const { key, params } =
      outcome.kind === 'refused'
        ? { key: outcome.errors[0]?.key ?? ('error.generic' as const), params: outcome.errors[0]?.params }
        : userMessageFor(outcome.error);
    try {
      await client.chat.postMessage({
        channel: update.reporterId,
        ...buildProgressNotStoredNotice({
          locale,
          reason: t(locale, key, params),
          status: update.status,
          value: update.value,
          percent: update.percent,
          comment: update.comment,
        }),
      });
    } catch (error) {
      ctx.logger.event('error', 'could not tell the user a late report was not stored', {
        user: update.reporterId,
        error,
      });
    }
  });
}

/**
 * What identifies one submission of a modal: its view id and hash (Slack gives each opened modal its
 * own id, and a new hash to each version of it). Null when the payload lacks them.
 */
function submissionKeyOf(view: { id?: unknown; hash?: unknown }): string | null {
  return typeof view.id === 'string' && view.id !== '' && typeof view.hash === 'string' && view.hash !== ''
    ? `${view.id}:${view.hash}`
    : null;
}

/**
 * The progress modal was submitted. Everything is validated again on the server (values, the
 * reporter's right to report on the target, milestones), the update is stored, and only then is
 * the modal closed: a failure keeps the modal open with the reason, so nothing is lost silently.
 * A report not stored within STORE_BUDGET_MS closes the modal and its outcome follows by DM.
 */
export const progressSubmit =
  (ctx: ListenerContext) =>
  async ({ ack, body, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    // When the request arrived (HTTP mode, src/slack/app.ts); Socket Mode counts from here.
    const received = typeof context.receivedAt === 'number' ? context.receivedAt : performance.now();
    const userId = body.user.id;
    const locale = await peekUserLocale(ctx.db, userId).catch(() => 'ja' as const);
    const values = (view.state?.values ?? {}) as ViewStateValues;
    const metadata = parseProgressMetadata(view.private_metadata);
    const parsed = parseProgressSubmission(values, metadata ?? undefined);
    if (!metadata) {
      ctx.logger.event('warn', 'progress view refused: private_metadata altered', { user: userId });
      await ack(
        errorsResponse(locale, [{ blockId: PROGRESS_BLOCKS.target, key: 'progress.validation.target_unknown' }]),
      );
      return;
    }
    if (!parsed.ok) {
      await ack(errorsResponse(locale, parsed.errors));
      return;
    }
    const submission = parsed.submission;
    const foreign = foreignMilestoneBlocks(values, submission.targetId);
    if (foreign.length > 0) {
      await ack(errorsResponse(locale, foreign));
      return;
    }
    const update: ProgressInput = {
      ...submission,
      reporterId: userId,
      reportedAt: ctx.now(),
      source: 'slack',
      submissionKey: submissionKeyOf(view),
    };
    const storing = storeReport(ctx, update);
    const outcome = await within(storing, STORE_BUDGET_MS - (performance.now() - received));
    if (!outcome) {
      await ack();
      ctx.logger.event('warn', 'progress update slow: modal closed before it was stored', {
        user: userId,
        target: update.targetId,
        waitedMs: Math.round(performance.now() - received),
      });
      reportLateOutcome(ctx, client, { locale, update, storing });
      return;
    }
    if (outcome.kind === 'refused') {
      await ack(errorsResponse(locale, outcome.errors));
      return;
    }
    if (outcome.kind === 'failed') {
      const { key, params } = userMessageFor(outcome.error);
      // The modal stays open with the reason, so the user's text is not lost and they can retry.
      await ack({ response_action: 'errors', errors: { [PROGRESS_BLOCKS.comment]: t(locale, key, params) } });
      return;
    }
    await ack();
    if (outcome.kind === 'duplicate') {
      // Slack (or a replay) delivered the submission again: the modal closes as it did the first time.
      logDuplicate(ctx, update);
      return;
    }
    logStored(ctx, update, false);
    queueAnnouncement(ctx, client, { userId, locale, target: outcome.target, update });
  };
