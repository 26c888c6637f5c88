/**
 * The overdue rule: an open milestone is overdue once its due date is before today. Both are
 * calendar dates stored as 00:00Z of their day (days.ts); `today` is the organisation's day
 * (calendarDayIn). /targets, Home and the progress modal all mark milestones with this one rule.
 */
export function isOverdue(dueOn: Date, today: Date): boolean {
  return dueOn.getTime() < today.getTime();
}
