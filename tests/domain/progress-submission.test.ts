import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMENT_MAX } from '../../src/blocks/progress-modal.js';
import {
  type FieldError,
  parseProgressMetadata,
  parseProgressSubmission,
  type ViewStateValues,
} from '../../src/domain/progress-submission.js';
import { STATUSES } from '../../src/domain/status.js';

interface Fields {
  target?: string | null;
  status?: string | null;
  value?: string | null;
  percent?: string | null;
  comment?: string | null;
  milestones?: Record<string, (string | undefined)[]>;
}

/** view.state.values as Slack sends it for the /progress modal. */
function state(fields: Fields): ViewStateValues {
  const values: ViewStateValues = {
    target: {
      progress_target: {
        type: 'static_select',
        selected_option: fields.target === undefined || fields.target === null ? null : { value: fields.target },
      },
    },
    status: {
      status: {
        type: 'static_select',
        selected_option: fields.status === undefined || fields.status === null ? null : { value: fields.status },
      },
    },
    value: { value: { type: 'plain_text_input', value: fields.value ?? null } },
    percent: { percent: { type: 'plain_text_input', value: fields.percent ?? null } },
    comment: { comment: { type: 'plain_text_input', value: fields.comment ?? null } },
  };
  for (const [blockId, options] of Object.entries(fields.milestones ?? {})) {
    values[blockId] = { milestones: { type: 'checkboxes', selected_options: options.map((value) => ({ value })) } };
  }
  return values;
}

function errorsOf(values: ViewStateValues): FieldError[] {
  const result = parseProgressSubmission(values);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.submission)}`);
  return result.errors;
}

const valid: Fields = { target: '12', status: 'on_track' };

describe('parseProgressSubmission: the number field that fits the target', () => {
  it('reads a full-width percentage for a target without an indicator', () => {
    const result = parseProgressSubmission(state({ ...valid, percent: '４２' }), { targetId: 12 });
    expect(result.ok && result.submission.percent).toBe(42);
  });

  it('refuses a number typed in the field drawn for another target (the modal was not yet redrawn)', () => {
    const result = parseProgressSubmission(state({ ...valid, value: '5' }), { targetId: 7 });
    expect(result).toEqual({
      ok: false,
      errors: [{ blockId: 'value', key: 'progress.validation.number_for_other_target' }],
    });
    // Without a number nothing depends on which field was drawn.
    expect(parseProgressSubmission(state(valid), { targetId: 7 }).ok).toBe(true);
  });

  it('refuses a value and a percentage at once (the modal draws one of them)', () => {
    const result = parseProgressSubmission(state({ ...valid, value: '5', percent: '40' }), { targetId: 12 });
    expect(result).toEqual({ ok: false, errors: [{ blockId: 'percent', key: 'progress.validation.one_number' }] });
  });
});

describe('parseProgressSubmission: valid input', () => {
  it('parses a full submission', () => {
    const result = parseProgressSubmission(
      state({
        target: '12',
        status: 'at_risk',
        value: ' 1,234.5 ',
        comment: '  進捗は順調です\n来月に説明会  ',
        milestones: { milestones_12: ['3', '5'] },
      }),
      { targetId: 12 },
    );
    expect(result).toEqual({
      ok: true,
      submission: {
        targetId: 12,
        status: 'at_risk',
        value: 1234.5,
        percent: null,
        comment: '進捗は順調です\n来月に説明会',
        milestoneIds: [3, 5],
      },
    });
  });

  it('gives nulls and no milestones for a minimal submission', () => {
    expect(parseProgressSubmission(state(valid))).toEqual({
      ok: true,
      submission: { targetId: 12, status: 'on_track', value: null, percent: null, comment: null, milestoneIds: [] },
    });
  });

  it.each(STATUSES)('accepts status %s', (status) => {
    const result = parseProgressSubmission(state({ ...valid, status }));
    expect(result.ok && result.submission.status).toBe(status);
  });

  it('treats blank number fields as not reported', () => {
    const result = parseProgressSubmission(state({ ...valid, value: '   ', percent: '　' }));
    expect(result.ok && [result.submission.value, result.submission.percent]).toEqual([null, null]);
  });

  it('accepts the percent bounds 0 and 100', () => {
    for (const percent of ['0', '100', '100.0', '1e2', '０']) {
      const result = parseProgressSubmission(state({ ...valid, percent }));
      expect(result.ok, percent).toBe(true);
    }
  });

  it('removes control characters but keeps newlines and tabs, then trims', () => {
    const result = parseProgressSubmission(
      state({ ...valid, comment: '\u0000 a\u0001b\u0007c\u000Bd\u000Ce\u001Bf\u001Fg\u007Fh\ti\nj \u0008' }),
    );
    expect(result.ok && result.submission.comment).toBe('abcdefgh\ti\nj');
  });

  it('gives a null comment when only whitespace and control characters were typed', () => {
    const result = parseProgressSubmission(state({ ...valid, comment: ' \u0000\n\u0007 ' }));
    expect(result.ok && result.submission.comment).toBeNull();
  });

  it('replaces each lone surrogate by one replacement character before counting', () => {
    const result = parseProgressSubmission(state({ ...valid, comment: `a${'\ud800'.repeat(COMMENT_MAX - 1)}` }));
    expect(result.ok && result.submission.comment).toBe(`a${'\ufffd'.repeat(COMMENT_MAX - 1)}`);
    const tooLong = parseProgressSubmission(state({ ...valid, comment: '\udc00'.repeat(COMMENT_MAX + 1) }));
    expect(tooLong.ok).toBe(false);
  });

  it('accepts a comment of exactly COMMENT_MAX characters counted by code point', () => {
    const emoji = '😀'.repeat(COMMENT_MAX);
    const result = parseProgressSubmission(state({ ...valid, comment: emoji }));
    expect(result.ok && result.submission.comment).toBe(emoji);
  });

  it('deduplicates milestone ids, also across blocks', () => {
    const result = parseProgressSubmission(
      state({ ...valid, milestones: { milestones_12: ['7', '3', '7', '3', '9'], milestones_13: ['9', '11'] } }),
    );
    expect(result.ok && result.submission.milestoneIds).toEqual([7, 3, 9, 11]);
  });

  it('ignores blocks that are not milestone blocks', () => {
    const values = state(valid);
    values.other = { milestones: { selected_options: [{ value: 'not-a-number' }] } };
    const result = parseProgressSubmission(values);
    expect(result.ok && result.submission.milestoneIds).toEqual([]);
  });

  it('copes with null selected_options', () => {
    const values = state(valid);
    values.milestones_12 = { milestones: { selected_options: null } };
    expect(parseProgressSubmission(values).ok).toBe(true);
  });
});

describe('parseProgressSubmission: errors', () => {
  it('requires a target', () => {
    expect(errorsOf(state({ ...valid, target: null }))).toEqual([
      { blockId: 'target', key: 'progress.validation.target_required' },
    ]);
    expect(errorsOf({ status: { status: { selected_option: { value: 'done' } } } })).toEqual([
      { blockId: 'target', key: 'progress.validation.target_required' },
    ]);
  });

  it.each(['abc', '', '-1', '1.5', '1e3', '1234567890123', ' 12'])('rejects the target value %j', (target) => {
    expect(errorsOf(state({ ...valid, target })).map((e) => e.blockId)).toEqual(['target']);
  });

  it('requires a status', () => {
    expect(errorsOf(state({ ...valid, status: null }))).toEqual([
      { blockId: 'status', key: 'progress.validation.status_required' },
    ]);
  });

  it.each(['ON_TRACK', 'great', '', 'toString', '__proto__', 'on_track '])('rejects the status %j', (status) => {
    expect(errorsOf(state({ ...valid, status }))).toEqual([
      { blockId: 'status', key: 'progress.validation.status_required' },
    ]);
  });

  it.each(['abc', '12%', '1e309', 'NaN', '0x10', '1.2.3'])('rejects the value %j', (value) => {
    expect(errorsOf(state({ ...valid, value }))).toEqual([{ blockId: 'value', key: 'progress.validation.number' }]);
  });

  it('rejects a value longer than 64 characters even if numeric', () => {
    expect(errorsOf(state({ ...valid, value: '1'.repeat(65) }))).toEqual([
      { blockId: 'value', key: 'progress.validation.number' },
    ]);
  });

  it.each(['-1', '100.01', '150', '-0.5', '1e3'])('rejects the percent %j as out of range', (percent) => {
    expect(errorsOf(state({ ...valid, percent }))).toEqual([
      { blockId: 'percent', key: 'progress.validation.percent_range' },
    ]);
  });

  it('rejects a non-numeric percent as not a number (not as out of range)', () => {
    expect(errorsOf(state({ ...valid, percent: 'half' }))).toEqual([
      { blockId: 'percent', key: 'progress.validation.number' },
    ]);
  });

  it('rejects a comment longer than COMMENT_MAX characters', () => {
    expect(errorsOf(state({ ...valid, comment: 'あ'.repeat(COMMENT_MAX + 1) }))).toEqual([
      { blockId: 'comment', key: 'progress.validation.too_long', params: { max: COMMENT_MAX } },
    ]);
  });

  it('measures the comment after removing control characters and trimming', () => {
    const comment = `  ${'a'.repeat(COMMENT_MAX)}\u0000\u0000  `;
    expect(parseProgressSubmission(state({ ...valid, comment })).ok).toBe(true);
  });

  it.each(['x', '', '1.5', '-2'])('rejects the milestone option value %j', (bad) => {
    expect(errorsOf(state({ ...valid, milestones: { milestones_12: ['3', bad, '4'] } }))).toEqual([
      { blockId: 'milestones_12', key: 'progress.validation.milestone_unknown' },
    ]);
  });

  it('rejects a milestone option without a value', () => {
    expect(errorsOf(state({ ...valid, milestones: { milestones_12: [undefined] } }))).toEqual([
      { blockId: 'milestones_12', key: 'progress.validation.milestone_unknown' },
    ]);
  });

  it('reports every error at once', () => {
    const errors = errorsOf(
      state({
        target: null,
        status: 'maybe',
        value: 'lots',
        percent: '120',
        comment: 'x'.repeat(COMMENT_MAX + 5),
        milestones: { milestones_9: ['one'] },
      }),
    );
    expect(errors.map((e) => [e.blockId, e.key])).toEqual([
      ['target', 'progress.validation.target_required'],
      ['status', 'progress.validation.status_required'],
      ['value', 'progress.validation.number'],
      ['percent', 'progress.validation.percent_range'],
      ['comment', 'progress.validation.too_long'],
      ['milestones_9', 'progress.validation.milestone_unknown'],
    ]);
  });

  it('does not throw on an empty state', () => {
    const errors = errorsOf({});
    expect(errors.map((e) => e.blockId).sort()).toEqual(['status', 'target']);
  });
});

describe('parseProgressSubmission: property', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom(...STATUSES, '42', '-3.5', '100', '１２', '0', '', ' '),
  );
  const maybe = fc.option(text, { nil: null });

  it('never throws; either parses to a valid submission or reports errors', () => {
    fc.assert(
      fc.property(
        maybe,
        maybe,
        maybe,
        maybe,
        fc.option(fc.string({ unit: 'binary', maxLength: 2100 }), { nil: null }),
        fc.dictionary(
          fc.oneof(
            fc.constant('milestones_1'),
            fc.string({ maxLength: 15 }).map((s) => `milestones_${s}`),
            fc.string(),
          ),
          fc.array(fc.oneof(text, fc.nat().map(String)), { maxLength: 5 }),
          { maxKeys: 3 },
        ),
        (target, status, value, percent, comment, milestones) => {
          const result = parseProgressSubmission(state({ target, status, value, percent, comment, milestones }));
          if (result.ok) {
            const s = result.submission;
            expect(Number.isSafeInteger(s.targetId)).toBe(true);
            expect(STATUSES).toContain(s.status);
            expect(s.value === null || Number.isFinite(s.value)).toBe(true);
            expect(s.percent === null || (s.percent >= 0 && s.percent <= 100)).toBe(true);
            if (s.comment !== null) {
              expect(Array.from(s.comment).length).toBeLessThanOrEqual(COMMENT_MAX);
              expect(s.comment).toBe(s.comment.trim());
              const control = Array.from(s.comment).filter((c) => {
                const code = c.codePointAt(0) ?? 0;
                return (code < 0x20 && c !== '\n' && c !== '\t' && c !== '\r') || code === 0x7f;
              });
              expect(control).toEqual([]);
            }
            expect(new Set(s.milestoneIds).size).toBe(s.milestoneIds.length);
            expect(s.milestoneIds.every((id) => Number.isSafeInteger(id) && id >= 0)).toBe(true);
          } else {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const e of result.errors) expect(typeof e.blockId).toBe('string');
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseProgressMetadata', () => {
  it('accepts what the modal writes', () => {
    expect(parseProgressMetadata('{"v":1,"targetId":42}')).toEqual({ v: 1, targetId: 42 });
    expect(parseProgressMetadata('{"v":1,"targetId":null}')).toEqual({ v: 1, targetId: null });
    expect(parseProgressMetadata(JSON.stringify({ v: 1, targetId: 7 }))).toEqual({ v: 1, targetId: 7 });
  });

  it('never passes unknown keys through', () => {
    // Rejecting the extra key or dropping it are both safe; carrying it along is not.
    const parsed = parseProgressMetadata('{"v":1,"targetId":5,"admin":true}');
    expect(parsed === null || Object.keys(parsed).sort().join(',') === 'targetId,v').toBe(true);
  });

  it.each([
    ['version 2', '{"v":2,"targetId":1}'],
    ['version as string', '{"v":"1","targetId":1}'],
    ['no version', '{"targetId":1}'],
    ['no targetId', '{"v":1}'],
    ['targetId as string', '{"v":1,"targetId":"1"}'],
    ['targetId zero', '{"v":1,"targetId":0}'],
    ['negative targetId', '{"v":1,"targetId":-3}'],
    ['fractional targetId', '{"v":1,"targetId":1.5}'],
    ['targetId as array', '{"v":1,"targetId":[1]}'],
    ['targetId as object', '{"v":1,"targetId":{"id":1}}'],
    ['targetId as boolean', '{"v":1,"targetId":true}'],
    ['array', '[1,1]'],
    ['null', 'null'],
    ['number', '1'],
    ['string', '"{\\"v\\":1,\\"targetId\\":1}"'],
    ['truncated JSON', '{"v":1,"targetId":1'],
    ['not JSON', 'v=1&targetId=1'],
    ['empty string', ''],
  ])('rejects %s', (_name, raw) => {
    expect(parseProgressMetadata(raw)).toBeNull();
  });

  it('rejects undefined', () => {
    expect(parseProgressMetadata(undefined)).toBeNull();
  });

  it('never throws and only returns well-formed metadata for arbitrary strings and JSON values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (raw) => {
        const parsed = parseProgressMetadata(raw);
        if (parsed !== null) {
          expect(parsed.v).toBe(1);
          expect(parsed.targetId === null || (Number.isInteger(parsed.targetId) && parsed.targetId > 0)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
