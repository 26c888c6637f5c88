import { describe, expect, it } from 'vitest';
import { dateFromCalendar } from '../../src/calendar/days.js';
import { checkPeriod, reviewPeriod } from '../../src/review/period.js';

const windows = [
  { name: '本部確認', opensOn: dateFromCalendar('2027-06-21'), closesOn: dateFromCalendar('2027-07-10') },
  { name: '自己評価', opensOn: dateFromCalendar('2027-06-01'), closesOn: dateFromCalendar('2027-06-20') },
];

describe('review period', () => {
  it('spans from the first opening to the last closing, both days included', () => {
    expect(reviewPeriod(windows, '2027-05-31')).toMatchObject({
      phase: 'before',
      opensOn: '2027-06-01',
      closesOn: '2027-07-10',
    });
    expect(reviewPeriod(windows, '2027-06-01')).toMatchObject({ phase: 'open', currentWindow: '自己評価' });
    expect(reviewPeriod(windows, '2027-06-21')).toMatchObject({ phase: 'open', currentWindow: '本部確認' });
    expect(reviewPeriod(windows, '2027-07-10').phase).toBe('open');
    expect(reviewPeriod(windows, '2027-07-11')).toMatchObject({ phase: 'after', currentWindow: null });
    expect(reviewPeriod([], '2027-06-10')).toEqual({
      phase: 'unscheduled',
      opensOn: null,
      closesOn: null,
      currentWindow: null,
    });
  });

  it('after closing lets headquarters finish and the department answer a return', () => {
    const dept = { isHq: false, roundStartedByReturn: false };
    const hq = { isHq: true, roundStartedByReturn: false };
    const answering = { isHq: false, roundStartedByReturn: true };
    expect(checkPeriod('open', 'self', dept)).toEqual({ ok: true });
    expect(checkPeriod('open', 'return', dept)).toEqual({ ok: true });
    expect(checkPeriod('before', 'self', dept)).toEqual({ ok: false, reason: 'review_not_open' });
    expect(checkPeriod('before', 'confirm', hq)).toEqual({ ok: false, reason: 'review_not_open' });
    expect(checkPeriod('unscheduled', 'self', dept)).toEqual({ ok: false, reason: 'review_not_scheduled' });
    expect(checkPeriod('after', 'self', dept)).toEqual({ ok: false, reason: 'review_closed' });
    expect(checkPeriod('after', 'approve', dept)).toEqual({ ok: false, reason: 'review_closed' });
    // A manager cannot reopen the department's review after the deadline by returning it.
    expect(checkPeriod('after', 'return', dept)).toEqual({ ok: false, reason: 'review_closed' });
    expect(checkPeriod('after', 'confirm', hq)).toEqual({ ok: true });
    expect(checkPeriod('after', 'return', hq)).toEqual({ ok: true });
    expect(checkPeriod('after', 'self', answering)).toEqual({ ok: true });
    expect(checkPeriod('after', 'approve', answering)).toEqual({ ok: true });
    expect(checkPeriod('after', 'check', answering)).toEqual({ ok: false, reason: 'review_closed' });
  });
});
