import { type Locale, t } from '../i18n/messages.js';
import type { Organization } from './organization.js';

/** A department as the reorganisation plan names it. */
export interface DepartmentRef {
  code: string;
  name: string;
}

/**
 * One change of the organisation's shape (組織改正) that a file declares with `continues`:
 * - rename: one department continues one that leaves the file (a new code, usually a new name);
 * - merge: one department continues several that leave the file;
 * - split: several departments continue one that leaves the file;
 * - split-off: new departments continue one that stays in the file (it keeps its targets).
 */
export interface Succession {
  kind: 'rename' | 'merge' | 'split' | 'split-off';
  from: DepartmentRef[];
  to: DepartmentRef[];
}

/** A target of an earlier year handed to the department that continues its own. */
export interface TargetMove {
  targetId: number;
  code: string;
  fiscalYear: number;
  from: string;
  to: string;
}

/** A person who leaves one department and joins another in the same import (人事異動). */
export interface PersonMove {
  slackUserId: string;
  from: DepartmentRef[];
  to: DepartmentRef[];
}

export interface Reorganization {
  /** Departments that keep their code and change their name. */
  renames: { code: string; from: string; to: string }[];
  successions: Succession[];
  targetMoves: TargetMove[];
  /** Departments continued by others and gone from the file: their people leave them. */
  retired: { id: number; code: string; name: string; people: { id: number; slackUserId: string; role: string }[] }[];
  personMoves: PersonMove[];
  /** Problems only the database can show: a `continues` code it does not know. */
  problems: string[];
}

/** What the reorganisation plan reads from the database. */
export interface ReorganizationState {
  departments: {
    id: number;
    code: string;
    name: string;
    people: { id: number; slackUserId: string; role: string }[];
  }[];
  /** Targets of every year that belong to departments named in `continues`. */
  continuedTargets: { id: number; code: string; fiscalYear: number; departmentId: number; ownerId: string | null }[];
}

/** The people changes the department plans already make, to tell moves from joins and leaves. */
export interface PeopleChanges {
  code: string;
  add: { slackUserId: string }[];
  remove: { slackUserId: string }[];
}

/**
 * Works out what a file's `continues` lists and people changes mean for the organisation: which
 * departments are renamed, merged or split, where the earlier years' targets of a department that
 * leaves the file go, and who moves between departments. A department that leaves the file hands
 * each target to the continuing department its owner now belongs to, else to the first one listed.
 * Steps already carried out by an earlier import (nothing left to hand over) are not listed again.
 */
export function planReorganization(
  org: Organization,
  state: ReorganizationState,
  peopleChanges: PeopleChanges[],
  locale: Locale = 'en',
): Reorganization {
  const existing = new Map(state.departments.map((d) => [d.code, d]));
  const fileCodes = new Set(org.departments.map((d) => d.code));
  const ref = (code: string): DepartmentRef => ({
    code,
    name: org.departments.find((d) => d.code === code)?.name ?? existing.get(code)?.name ?? code,
  });
  const problems: Reorganization['problems'] = [];

  const renames = org.departments.flatMap((d) => {
    const current = existing.get(d.code);
    return current && current.name !== d.name ? [{ code: d.code, from: current.name, to: d.name }] : [];
  });

  // Old code → the file's departments that continue it, in file order.
  const successors = new Map<string, string[]>();
  for (const d of org.departments) {
    for (const code of d.continues) {
      if (!existing.has(code)) {
        problems.push(
          t(locale, fileCodes.has(code) ? 'import.plan.continues_new' : 'import.plan.continues_unknown', {
            code: d.code,
            from: code,
          }),
        );
        continue;
      }
      successors.set(code, [...(successors.get(code) ?? []), d.code]);
    }
  }

  const fileTargets = new Set(org.departments.flatMap((d) => d.targets.map((t) => t.code)));
  const members = new Map(org.departments.map((d) => [d.code, new Set([...d.managers, ...d.members])]));
  const targetMoves: TargetMove[] = [];
  const retired: Reorganization['retired'] = [];
  const successions: Succession[] = [];
  const mergesInto = new Map<string, string[]>();

  for (const [oldCode, to] of successors) {
    const old = existing.get(oldCode);
    if (!old) continue;
    if (fileCodes.has(oldCode)) {
      // The department stays; only departments new in this file are news.
      const added = to.filter((code) => !existing.has(code));
      if (added.length > 0)
        successions.push({ kind: 'split-off', from: [ref(oldCode)], to: [oldCode, ...added].map(ref) });
      continue;
    }
    const targets = state.continuedTargets.filter(
      (t) => t.departmentId === old.id && !(t.fiscalYear === org.fiscalYear && fileTargets.has(t.code)),
    );
    for (const t of targets) {
      const holder = to.find((code) => t.ownerId !== null && members.get(code)?.has(t.ownerId));
      targetMoves.push({
        targetId: t.id,
        code: t.code,
        fiscalYear: t.fiscalYear,
        from: oldCode,
        to: holder ?? (to[0] as string),
      });
    }
    if (old.people.length > 0) retired.push({ id: old.id, code: old.code, name: old.name, people: old.people });
    if (targets.length === 0 && old.people.length === 0) continue;
    if (to.length > 1) successions.push({ kind: 'split', from: [ref(oldCode)], to: to.map(ref) });
    else mergesInto.set(to[0] as string, [...(mergesInto.get(to[0] as string) ?? []), oldCode]);
  }
  for (const [code, from] of mergesInto) {
    successions.push({ kind: from.length > 1 ? 'merge' : 'rename', from: from.map(ref), to: [ref(code)] });
  }

  const leaves = new Map<string, string[]>();
  const joins = new Map<string, string[]>();
  const note = (map: Map<string, string[]>, user: string, code: string) => {
    const list = map.get(user) ?? [];
    if (!list.includes(code)) map.set(user, [...list, code]);
  };
  for (const d of peopleChanges) {
    for (const p of d.remove) note(leaves, p.slackUserId, d.code);
    for (const p of d.add) note(joins, p.slackUserId, d.code);
  }
  for (const d of retired) for (const p of d.people) note(leaves, p.slackUserId, d.code);
  const personMoves: PersonMove[] = [];
  for (const [user, from] of leaves) {
    const to = (joins.get(user) ?? []).filter((code) => !from.includes(code));
    const left = from.filter((code) => !(joins.get(user) ?? []).includes(code));
    // A change of role inside one department is not a move.
    if (to.length > 0 && left.length > 0) personMoves.push({ slackUserId: user, from: left.map(ref), to: to.map(ref) });
  }
  personMoves.sort((a, b) => a.slackUserId.localeCompare(b.slackUserId));

  return { renames, successions, targetMoves, retired, personMoves, problems };
}
