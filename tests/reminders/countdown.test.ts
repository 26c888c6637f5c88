import { describe, expect, it } from 'vitest';
import { isBusinessDay } from '../../src/calendar/business-days.js';
import { countdownCycleStart, countdownSlots, type ReviewWindowDays } from '../../src/reminders/countdown.js';

const rules = { countdownDays: [30, 14, 7, 1], lastDayReminder: true };
const selfReview: ReviewWindowDays = {
  id: 1,
  name: '自己評価',
  role: 'self',
  opensOn: '2027-06-01',
  closesOn: '2027-06-20',
  fiscalYear: 2026,
  fiscalYearId: 1,
};
const hqCheck: ReviewWindowDays = {
  ...selfReview,
  id: 2,
  name: '本部確認',
  opensOn: '2027-06-21',
  closesOn: '2027-07-10',
};

describe('countdownSlots', () => {
  it('schedules 30/14/7/1 days before and the last day, moved back off closed days', () => {
    expect(countdownSlots(selfReview, rules).map((s) => [s.kind, s.daysBefore, s.nominalDay, s.day])).toEqual([
      // 5/2 is a Sunday inside Golden Week: back over 5/1 (Sat) to Friday 4/30.
      ['countdown', 30, '2027-05-02', '2027-04-30'],
      ['countdown', 14, '2027-05-18', '2027-05-18'],
      ['countdown', 7, '2027-05-25', '2027-05-25'],
      ['countdown', 1, '2027-05-31', '2027-05-31'],
      // 6/20 is a Sunday: the last-day reminder goes on Friday 6/18.
      ['last-day', null, '2027-06-20', '2027-06-18'],
    ]);
  });

  it('never schedules on a closed day and never after the nominal day', () => {
    for (const w of [selfReview, hqCheck]) {
      for (const slot of countdownSlots(w, rules)) {
        expect(isBusinessDay(slot.day)).toBe(true);
        expect(slot.day <= slot.nominalDay).toBe(true);
      }
    }
  });

  it('merges reminders that land on the same business day, keeping the closest one', () => {
    // Opens Monday 2027-05-10: 1 day before is Sunday 5/9 → Friday 5/7; 3 days before is Friday 5/7.
    const w = { ...selfReview, opensOn: '2027-05-10', closesOn: '2027-05-20' };
    const slots = countdownSlots(w, { countdownDays: [3, 1], lastDayReminder: false });
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({ day: '2027-05-07', daysBefore: 1 });
  });

  it('honours configuration: other offsets, no last-day reminder', () => {
    const slots = countdownSlots(selfReview, { countdownDays: [10], lastDayReminder: false });
    expect(slots.map((s) => s.day)).toEqual(['2027-05-21']);
  });
});

describe('countdownCycleStart', () => {
  it('is the day of the first countdown reminder', () => {
    expect(countdownCycleStart(selfReview, rules)).toBe('2027-04-30');
    expect(countdownCycleStart(hqCheck, rules)).toBe('2027-05-21');
  });

  it('is the opening day when only the last day is reminded', () => {
    expect(countdownCycleStart(selfReview, { countdownDays: [], lastDayReminder: true })).toBe('2027-06-01');
  });
});
