import { z } from 'zod';
import { COMMENT_MAX, PROGRESS_BLOCKS, type ProgressModalMetadata } from '../blocks/progress-modal.js';
import type { MessageKey } from '../i18n/messages.js';
import { cleanComment } from './clean-text.js';
import { isWithinBound, NUMBER_BOUND_TEXT, parseNumber } from './parse-number.js';
import { isStatus, type Status } from './status.js';
import { asRecord, asText } from './untrusted-json.js';

/** The subset of Slack's view.state.values that we read. */
export type ViewStateValues = Record<
  string,
  Record<
    string,
    {
      type?: string;
      value?: string | null;
      selected_option?: { value?: string } | null;
      selected_options?: { value?: string }[] | null;
    }
  >
>;

export interface ProgressSubmission {
  targetId: number;
  status: Status;
  value: number | null;
  percent: number | null;
  comment: string | null;
  milestoneIds: number[];
}

export interface FieldError {
  blockId: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

const metadataSchema = z.strictObject({ v: z.literal(1), targetId: z.number().int().positive().nullable() });

/** Reads private_metadata; anything that is not what we wrote is rejected. */
export function parseProgressMetadata(raw: string | undefined): ProgressModalMetadata | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const idSchema = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform(Number);

// A forged state may put null, numbers or arrays anywhere.
const record = asRecord;
const text = asText;

/** The selected options of a checkboxes element; null when the element holds something else. */
export function selectedOptionValues(action: unknown): (string | undefined)[] | null {
  const options = record(action)?.selected_options;
  if (options === undefined || options === null) return [];
  if (!Array.isArray(options)) return null;
  return options.map((option) => text(record(option)?.value));
}

/**
 * Validates a /progress modal submission on the server, whatever the client sent (any JSON in any
 * field: the parser never throws). Returns the parsed submission or the errors to show on each
 * failing field.
 */
export function parseProgressSubmission(
  values: ViewStateValues,
  /** The target the modal's number field was drawn for (its private_metadata), when known. */
  drawn?: { targetId: number | null },
): { ok: true; submission: ProgressSubmission } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const field = (block: string, action: string) => record(record(record(values)?.[block])?.[action]);
  const selected = (block: string, action: string) => text(record(field(block, action)?.selected_option)?.value);

  const targetRaw = selected(PROGRESS_BLOCKS.target, 'progress_target');
  const target = idSchema.safeParse(targetRaw);
  if (!target.success) errors.push({ blockId: PROGRESS_BLOCKS.target, key: 'progress.validation.target_required' });

  const statusRaw = selected(PROGRESS_BLOCKS.status, 'status');
  if (!isStatus(statusRaw))
    errors.push({ blockId: PROGRESS_BLOCKS.status, key: 'progress.validation.status_required' });

  const number = (block: string, action: string): number | null | undefined => {
    const raw = text(field(block, action)?.value);
    if (raw === undefined || raw.trim() === '') return null;
    if (raw.length > 64) {
      errors.push({ blockId: block, key: 'progress.validation.number' });
      return undefined;
    }
    const n = parseNumber(raw);
    if (n === null) {
      errors.push({ blockId: block, key: 'progress.validation.number' });
      return undefined;
    }
    if (!isWithinBound(n)) {
      errors.push({ blockId: block, key: 'progress.validation.number_range', params: { max: NUMBER_BOUND_TEXT } });
      return undefined;
    }
    return n;
  };
  const value = number(PROGRESS_BLOCKS.value, 'value');
  const percent = number(PROGRESS_BLOCKS.percent, 'percent');
  if (typeof percent === 'number' && (percent < 0 || percent > 100)) {
    errors.push({ blockId: PROGRESS_BLOCKS.percent, key: 'progress.validation.percent_range' });
  }
  // The modal draws one number field, the one that fits the chosen target (its indicator's value,
  // or a percentage). A number sent for another target (the modal was not yet redrawn after the
  // target changed) or both numbers at once would be stored against the wrong kind of figure.
  const numberBlock =
    typeof value === 'number' ? PROGRESS_BLOCKS.value : typeof percent === 'number' ? PROGRESS_BLOCKS.percent : null;
  if (typeof value === 'number' && typeof percent === 'number') {
    errors.push({ blockId: PROGRESS_BLOCKS.percent, key: 'progress.validation.one_number' });
  } else if (numberBlock && drawn && target.success && drawn.targetId !== target.data) {
    errors.push({ blockId: numberBlock, key: 'progress.validation.number_for_other_target' });
  }

  const commentRaw = text(field(PROGRESS_BLOCKS.comment, 'comment')?.value) ?? '';
  // Cleaned (no control or bidirectional formatting characters); blank once invisible characters are gone is none.
  const comment = cleanComment(commentRaw);
  if (comment !== null && Array.from(comment).length > COMMENT_MAX) {
    errors.push({
      blockId: PROGRESS_BLOCKS.comment,
      key: 'progress.validation.too_long',
      params: { max: COMMENT_MAX },
    });
  }

  const milestoneIds: number[] = [];
  for (const [blockId, actions] of Object.entries(record(values) ?? {})) {
    if (!blockId.startsWith(PROGRESS_BLOCKS.milestonesPrefix)) continue;
    const chosen = selectedOptionValues(record(actions)?.milestones);
    if (chosen === null) errors.push({ blockId, key: 'progress.validation.milestone_unknown' });
    for (const value of chosen ?? []) {
      const id = idSchema.safeParse(value);
      if (!id.success) {
        errors.push({ blockId, key: 'progress.validation.milestone_unknown' });
        break;
      }
      milestoneIds.push(id.data);
    }
  }

  if (errors.length > 0 || !target.success || !isStatus(statusRaw)) return { ok: false, errors };
  return {
    ok: true,
    submission: {
      targetId: target.data,
      status: statusRaw,
      value: value ?? null,
      percent: percent ?? null,
      comment,
      milestoneIds: [...new Set(milestoneIds)],
    },
  };
}
