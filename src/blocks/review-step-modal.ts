import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { fiscalYearLabel, formatDay } from '../calendar/format.js';
import { calendarDayIn } from '../calendar/time-zone.js';
import { cleanComment } from '../domain/clean-text.js';
import { escapeMrkdwn, mention, truncate } from '../domain/mrkdwn.js';
import { asText, recordAt } from '../domain/untrusted-json.js';
import { hasMessage, type Locale, type MessageKey, t } from '../i18n/messages.js';
import { type GradeLadder, suggestGrade } from '../review/grades.js';
import { isReviewStep, type ReviewStepKind, STEP_INPUT } from '../review/workflow.js';
import type { ReviewTargetDetail } from '../services/review/get-review-target.js';
import { REVIEW_COMMENT_MAX } from '../services/review/record-review-step.js';
import { SLACK_LIMITS } from './limits.js';
import { plain } from './plain.js';
import { type ReviewListMetadata, suggestionText } from './review-list.js';
import { formatNumber } from './targets-message.js';

export const REVIEW_STEP_CALLBACK_ID = 'review_step';
export const REVIEW_STEP_BLOCKS = {
  decision: 'review_decision',
  grade: 'review_grade',
  comment: 'review_comment',
} as const;
const ACTION = { decision: 'decision', grade: 'grade', comment: 'comment' } as const;
/** How many of the latest steps the modal lists. */
export const HISTORY_LINES = 10;

/** What the step modal carries; the server re-checks everything on submit. */
export interface ReviewStepMetadata {
  targetId: number;
  /** The latest step when the modal opened, to refuse acting on a stale picture. */
  lastStepId: number | null;
  /** Set when only one step was offered (no decision buttons). */
  only: ReviewStepKind | null;
  /** The list modal underneath, refreshed after the step is recorded. */
  list: ReviewListMetadata | null;
}

export interface ReviewStepModalInput {
  locale: Locale;
  detail: ReviewTargetDetail;
  ladder: GradeLadder;
  timeZone: string;
  list?: ReviewListMetadata | null;
}

/** "S ≥110% ・ A ≥100% ・ … ・ D <60%", from the ladder's data. */
export function bandsText(ladder: GradeLadder): string {
  const parts: string[] = [];
  let previous: number | null = null;
  for (const band of ladder.bands) {
    if (band.minPercent !== null) {
      parts.push(`${band.grade} ≥${band.minPercent}%`);
      previous = band.minPercent;
    } else {
      parts.push(previous === null ? band.grade : `${band.grade} <${previous}%`);
    }
  }
  return parts.join(' ・ ');
}

function titleKey(available: ReviewStepKind[]): MessageKey {
  if (available.includes('check') || available.includes('confirm')) return 'review.modal.title.hq';
  if (available.includes('approve')) return 'review.modal.title.approve';
  if (available.includes('self')) return 'review.modal.title.self';
  if (available.includes('return')) return 'review.modal.title.hq';
  return 'review.modal.title.view';
}

function gradeOption(grade: string): PlainTextOption {
  return { text: plain(grade, SLACK_LIMITS.optionText), value: grade };
}

function indicatorLine(detail: ReviewTargetDetail, locale: Locale): string {
  if (detail.indicatorBaseline === null || detail.indicatorTarget === null)
    return t(locale, 'review.modal.indicator_none');
  const unit = escapeMrkdwn(detail.indicatorUnit ?? '');
  const kindKey = `export.indicator.${detail.indicatorKind ?? ''}`;
  return t(locale, 'review.modal.indicator', {
    kind: hasMessage(kindKey) ? t(locale, kindKey) : escapeMrkdwn(detail.indicatorKind ?? '—'),
    baseline: formatNumber(detail.indicatorBaseline, locale),
    target: formatNumber(detail.indicatorTarget, locale),
    unit,
    actual:
      detail.latestValue === null
        ? t(locale, 'review.modal.actual_none')
        : `${formatNumber(detail.latestValue, locale)}${unit}`,
  });
}

function historyLines(detail: ReviewTargetDetail, locale: Locale, timeZone: string): string[] {
  return detail.steps.slice(-HISTORY_LINES).map((s) => {
    const stepName = isReviewStep(s.step) ? t(locale, `review.step.${s.step}`) : escapeMrkdwn(s.step);
    const line = t(locale, 'review.modal.history_line', {
      date: formatDay(calendarDayIn(s.createdAt, timeZone), locale),
      step: stepName,
      grade: s.grade ? `（${escapeMrkdwn(s.grade)}）` : '',
      actor: mention(s.actorId),
    });
    return s.comment ? `${line}\n> ${escapeMrkdwn(truncate(s.comment.replace(/\s+/g, ' '), 200))}` : line;
  });
}

/** The grade a form starts on: the person's previous choice, else what the rule suggests. */
function initialGrade(input: ReviewStepModalInput, suggested: string | null): string | null {
  const { detail } = input;
  const s = detail.summary;
  const hq = detail.available.includes('check') || detail.available.includes('confirm');
  const candidate = hq ? (s.checkGrade ?? s.selfGrade) : (s.selfGrade ?? suggested);
  return candidate && input.ladder.bands.some((b) => b.grade === candidate) ? candidate : null;
}

/**
 * The modal for one target's review: its indicator, the suggested grade, where the review stands
 * and its history, and the inputs for the steps this person may take now (none: view only).
 */
export function buildReviewStepModal(input: ReviewStepModalInput): ModalView {
  const { locale, detail, ladder } = input;
  const s = detail.summary;
  const suggested = suggestGrade(
    { baseline: detail.indicatorBaseline, target: detail.indicatorTarget, actual: detail.latestValue },
    ladder,
  ).grade;
  const departmentName =
    locale === 'en' && detail.department.nameEn ? detail.department.nameEn : detail.department.name;
  const categoryKey = `category.${detail.category}`;
  const info: string[] = [
    `*${escapeMrkdwn(detail.code)}* ${escapeMrkdwn(truncate(detail.title, 300))}`,
    `${escapeMrkdwn(departmentName)} ・ ${escapeMrkdwn(hasMessage(categoryKey) ? t(locale, categoryKey) : detail.category)} ・ ${fiscalYearLabel(detail.fiscalYear, locale)}`,
  ];
  const facts: string[] = [
    indicatorLine(detail, locale),
    suggestionText(
      { baseline: detail.indicatorBaseline, target: detail.indicatorTarget, actual: detail.latestValue },
      ladder,
      locale,
    ),
    detail.lastReportedAt
      ? t(locale, 'review.modal.last_report', {
          date: formatDay(calendarDayIn(detail.lastReportedAt, input.timeZone), locale),
        })
      : t(locale, 'review.modal.no_report'),
  ];
  const status: string[] = [t(locale, 'review.modal.state', { state: t(locale, `review.state.${s.state}`) })];
  if (s.selfGrade && s.selfBy) {
    status.push(t(locale, 'review.modal.self_result', { grade: escapeMrkdwn(s.selfGrade), actor: mention(s.selfBy) }));
  }
  if (s.checkGrade) status.push(t(locale, 'review.modal.check_result', { grade: escapeMrkdwn(s.checkGrade) }));
  if (s.state === 'returned' && s.lastReturn?.comment) {
    status.push(
      t(locale, 'review.modal.return_reason', { comment: escapeMrkdwn(truncate(s.lastReturn.comment, 1000)) }),
    );
  }
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(info.join('\n'), SLACK_LIMITS.sectionText) } },
    { type: 'context', elements: facts.map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, 2000) })) },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(status.join('\n'), SLACK_LIMITS.sectionText) } },
  ];
  const history = historyLines(detail, locale, input.timeZone);
  if (history.length > 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`${t(locale, 'review.modal.history')}\n${history.join('\n')}`, SLACK_LIMITS.sectionText),
      },
    });
  }
  const available = detail.available;
  if (available.length > 0) blocks.push({ type: 'divider' });
  else blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t(locale, 'review.modal.no_action') }] });

  if (available.length > 1) {
    const options = available.map(
      (step): PlainTextOption => ({
        text: plain(t(locale, `review.decision.${step}`), SLACK_LIMITS.optionText),
        value: step,
      }),
    );
    blocks.push({
      type: 'input',
      block_id: REVIEW_STEP_BLOCKS.decision,
      label: plain(t(locale, 'review.field.decision'), 2000),
      element: { type: 'radio_buttons', action_id: ACTION.decision, options, initial_option: options[0] },
    });
  }
  const takesGrade = available.filter((step) => STEP_INPUT[step].grade !== 'none');
  if (takesGrade.length > 0) {
    const initial = initialGrade(input, suggested);
    blocks.push({
      type: 'input',
      block_id: REVIEW_STEP_BLOCKS.grade,
      // Required only for a self-assessment offered alone: check and confirm keep the previous grade
      // when none is chosen, and with several steps offered the server checks it per step.
      optional:
        takesGrade.length !== available.length || takesGrade.every((step) => STEP_INPUT[step].grade === 'inherit'),
      label: plain(t(locale, 'review.field.grade'), 2000),
      hint: plain(t(locale, 'review.field.grade.hint', { bands: bandsText(ladder) }), 2000),
      element: {
        type: 'static_select',
        action_id: ACTION.grade,
        placeholder: plain(t(locale, 'review.field.grade.placeholder'), 150),
        options: ladder.bands.map((b) => gradeOption(b.grade)),
        ...(initial ? { initial_option: gradeOption(initial) } : {}),
      },
    });
  }
  if (available.length > 0) {
    const selfOnly = available.length === 1 && available[0] === 'self';
    const commentRequired = available.every((step) => STEP_INPUT[step].comment === 'required');
    const initialComment = selfOnly && s.selfComment ? s.selfComment : undefined;
    blocks.push({
      type: 'input',
      block_id: REVIEW_STEP_BLOCKS.comment,
      optional: !commentRequired,
      label: plain(t(locale, 'review.field.comment'), 2000),
      element: {
        type: 'plain_text_input',
        action_id: ACTION.comment,
        multiline: true,
        max_length: REVIEW_COMMENT_MAX,
        placeholder: plain(
          t(locale, selfOnly ? 'review.field.comment.self_placeholder' : 'review.field.comment.placeholder'),
          150,
        ),
        ...(initialComment ? { initial_value: truncate(initialComment, REVIEW_COMMENT_MAX) } : {}),
      },
    });
  }
  const metadata: ReviewStepMetadata = {
    targetId: detail.id,
    lastStepId: s.lastStep?.id ?? null,
    only: available.length === 1 ? (available[0] ?? null) : null,
    list: input.list ?? null,
  };
  return {
    type: 'modal',
    callback_id: REVIEW_STEP_CALLBACK_ID,
    title: plain(t(locale, titleKey(available)), SLACK_LIMITS.modalTitle),
    close: plain(t(locale, 'review.modal.back'), SLACK_LIMITS.modalButton),
    ...(available.length > 0 ? { submit: plain(t(locale, 'review.modal.submit'), SLACK_LIMITS.modalButton) } : {}),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/** Reads the step modal's private_metadata; null when it is not ours or was altered. */
export function parseReviewStepMetadata(text: string | undefined): ReviewStepMetadata | null {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const targetId = v.targetId;
  const lastStepId = v.lastStepId;
  if (!Number.isSafeInteger(targetId) || (targetId as number) <= 0) return null;
  if (lastStepId !== null && !Number.isSafeInteger(lastStepId)) return null;
  if (v.only !== null && !isReviewStep(v.only)) return null;
  const list = v.list as Partial<ReviewListMetadata> | null;
  const validList =
    list !== null && typeof list === 'object' && Number.isInteger(list.fy) && Number.isInteger(list.page);
  return {
    targetId: targetId as number,
    lastStepId: lastStepId as number | null,
    only: (v.only as ReviewStepKind | null) ?? null,
    list: validList ? { fy: list.fy as number, page: Math.max(0, list.page as number) } : null,
  };
}

export interface ReviewFieldError {
  blockId: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type ReviewSubmission =
  | { ok: true; step: ReviewStepKind; grade: string | null; comment: string | null }
  | { ok: false; errors: ReviewFieldError[] };

/**
 * The person's choice from the submitted modal, with the checks that can be explained next to a
 * field. The service checks everything again (role, state, period, ladder).
 */
export function parseReviewStepSubmission(values: unknown, metadata: ReviewStepMetadata): ReviewSubmission {
  // Any JSON may arrive in any field: only strings in the expected places are read.
  const selected = (block: string, action: string) =>
    asText(recordAt(values, block, action, 'selected_option')?.value) ?? null;
  const decision = selected(REVIEW_STEP_BLOCKS.decision, ACTION.decision) ?? metadata.only;
  const grade = selected(REVIEW_STEP_BLOCKS.grade, ACTION.grade);
  const rawComment = asText(recordAt(values, REVIEW_STEP_BLOCKS.comment, ACTION.comment)?.value) ?? '';
  // Cleaned (cleanText); blank once invisible characters are removed counts as no comment.
  const comment = cleanComment(rawComment);
  if (!isReviewStep(decision)) {
    return { ok: false, errors: [{ blockId: REVIEW_STEP_BLOCKS.decision, key: 'review.error.decision_required' }] };
  }
  const errors: ReviewFieldError[] = [];
  const rules = STEP_INPUT[decision];
  if (rules.grade === 'required' && !grade)
    errors.push({ blockId: REVIEW_STEP_BLOCKS.grade, key: 'review.error.grade_required' });
  if (rules.comment === 'required' && !comment) {
    errors.push({ blockId: REVIEW_STEP_BLOCKS.comment, key: 'review.error.comment_required' });
  } else if (comment && Array.from(comment).length > REVIEW_COMMENT_MAX) {
    errors.push({
      blockId: REVIEW_STEP_BLOCKS.comment,
      key: 'review.error.comment_too_long',
      params: { max: REVIEW_COMMENT_MAX },
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, step: decision, grade: rules.grade === 'none' ? null : grade, comment };
}
