import type { Prisma } from '../../generated/sqlite/client.js';

/** The order reminders list targets in: departments as imported, then each department's targets. */
export const REMINDER_TARGET_ORDER: Prisma.TargetOrderByWithRelationInput[] = [
  { department: { sortOrder: 'asc' } },
  { departmentId: 'asc' },
  { sortOrder: 'asc' },
  { code: 'asc' },
  { id: 'asc' },
];
