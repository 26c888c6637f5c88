import type { Db } from '../../db/client.js';
import { isHqUser } from '../people/is-hq-user.js';

export interface ReassignDepartment {
  name: string;
  nameEn: string | null;
}

export type ReassignResult =
  | {
      ok: true;
      targetId: number;
      code: string;
      title: string;
      from: string | null;
      to: string;
      department: ReassignDepartment;
    }
  | { ok: false; reason: 'unknown_target' }
  | { ok: false; reason: 'not_allowed' | 'not_member' | 'same_owner'; code: string; department: ReassignDepartment };

/**
 * Hands a target (by code, in the latest fiscal year up to `fiscalYear` that has it) to a new
 * owner. Only a manager of the target's department or an HQ user may; the new owner must belong
 * to the department (else they could not report on it). The change is audited.
 */
export async function reassignTarget(
  db: Db,
  input: { actorId: string; code: string; newOwnerId: string; fiscalYear: number; hqUsers: string[]; now: Date },
): Promise<ReassignResult> {
  const find = (code: string) =>
    db.target.findFirst({
      where: { code, fiscalYear: { year: { lte: input.fiscalYear } } },
      include: { department: { select: { name: true, nameEn: true } }, fiscalYear: { select: { year: true } } },
      orderBy: { fiscalYear: { year: 'desc' } },
    });
  const target = (await find(input.code)) ?? (await find(input.code.toUpperCase()));
  if (!target) return { ok: false, reason: 'unknown_target' };
  const department = target.department;
  const [manager, hq] = await Promise.all([
    db.departmentPerson.findFirst({
      where: { departmentId: target.departmentId, slackUserId: input.actorId, role: 'manager' },
    }),
    isHqUser(db, { slackUserId: input.actorId, configured: input.hqUsers }),
  ]);
  if (!manager && !hq) return { ok: false, reason: 'not_allowed', code: target.code, department };
  if (target.ownerId === input.newOwnerId) return { ok: false, reason: 'same_owner', code: target.code, department };
  const member = await db.departmentPerson.findFirst({
    where: { departmentId: target.departmentId, slackUserId: input.newOwnerId },
  });
  if (!member) return { ok: false, reason: 'not_member', code: target.code, department };
  await db.$transaction([
    db.target.update({ where: { id: target.id }, data: { ownerId: input.newOwnerId } }),
    db.auditEvent.create({
      data: {
        at: input.now,
        actorId: input.actorId,
        action: 'target.reassign',
        subject: `target:${target.id}`,
        detail: JSON.stringify({
          code: target.code,
          fiscalYear: target.fiscalYear.year,
          from: target.ownerId,
          to: input.newOwnerId,
          as: manager ? 'manager' : 'hq',
        }),
      },
    }),
  ]);
  return {
    ok: true,
    targetId: target.id,
    code: target.code,
    title: target.title,
    from: target.ownerId,
    to: input.newOwnerId,
    department,
  };
}
