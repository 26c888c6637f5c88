import { calendarFromDate } from '../calendar/days.js';
import { fiscalYearRange } from '../calendar/fiscal-year.js';
import { readCalendarDay } from '../calendar/read-day.js';
import { type Locale, type MessageKey, t } from '../i18n/messages.js';
import { inferWindowRole } from '../review/window-role.js';
import type { Organization } from './organization.js';
import { personKey } from './person-reference.js';
import { ALLOWED_KEYS, importSchemas, type OrganizationInput, preview } from './schema.js';

export type PathSegment = string | number;

/** A problem at a place in the file's structure; related names a second place (the first duplicate…). */
export interface PathIssue {
  path: PathSegment[];
  message: string;
  related?: PathSegment[];
}

export interface Validation {
  organization: Organization | null;
  errors: PathIssue[];
  warnings: PathIssue[];
}

/** departments[3].targets[2].milestones[0].due */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}

/**
 * Validates an organisation in the file's shape (parsed YAML, or CSV rows assembled into it).
 * Every problem is collected, including cross-record ones (duplicate codes, dates outside the
 * fiscal year) that are checked on the raw data even when some fields are malformed.
 */
export function validateOrganization(raw: unknown, locale: Locale = 'en'): Validation {
  const errors: PathIssue[] = [];
  const parsed = importSchemas(locale).organization.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          errors.push({ path: [...path, key], message: unknownKeyMessage(path, key, locale) });
      } else {
        errors.push({ path, message: issue.message });
      }
    }
  }
  const warnings: PathIssue[] = [];
  crossCheck(raw, errors, warnings, locale);
  if (errors.length > 0 || !parsed.success) return { organization: null, errors, warnings };
  return { organization: toOrganization(parsed.data), errors, warnings };
}

function unknownKeyMessage(path: PathSegment[], key: string, locale: Locale): string {
  const allowed = allowedKeysAt(path);
  const suggestion = allowed.find((k) => k.toLowerCase() === key.toLowerCase() || editDistance(k, key) <= 2);
  return t(locale, 'import.unknown_key', {
    key: preview(key, locale),
    hint: suggestion ? t(locale, 'import.unknown_key.hint', { suggestion }) : '',
    allowed: allowed.join(', '),
  });
}

function allowedKeysAt(path: PathSegment[]): readonly string[] {
  const last = path.at(-1);
  const parent = typeof last === 'number' ? path.at(-2) : last;
  if (path.length === 0) return ALLOWED_KEYS.organization;
  if (parent === 'review') return ALLOWED_KEYS.review;
  if (parent === 'departments') return ALLOWED_KEYS.department;
  if (parent === 'targets') return ALLOWED_KEYS.target;
  if (parent === 'indicator') return ALLOWED_KEYS.indicator;
  if (parent === 'milestones') return ALLOWED_KEYS.milestone;
  return [];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
    ? (v as Record<string, unknown>)
    : undefined;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asText = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
/** A person as compared: e-mail addresses in their normal form (case and width do not matter). */
const asPerson = (v: unknown): string | undefined => {
  const text = asText(v);
  return text === undefined ? undefined : personKey(text);
};
const asDate = (v: unknown): string | undefined => {
  const s = v instanceof Date && !Number.isNaN(v.getTime()) ? calendarFromDate(v) : asText(v);
  return s === undefined ? undefined : (readCalendarDay(s) ?? undefined);
};

/** Reports the second and later occurrences of a key, pointing back at the first. */
function duplicates(
  entries: { key: string | undefined; path: PathSegment[] }[],
  what: MessageKey,
  errors: PathIssue[],
  locale: Locale,
): void {
  const first = new Map<string, PathSegment[]>();
  for (const { key, path } of entries) {
    if (key === undefined) continue;
    const seen = first.get(key);
    if (seen) {
      const message = t(locale, 'import.duplicate', { what: t(locale, what), value: preview(key, locale) });
      errors.push({ path, message, related: seen });
    } else {
      first.set(key, path);
    }
  }
}

function crossCheck(raw: unknown, errors: PathIssue[], warnings: PathIssue[], locale: Locale): void {
  const root = asRecord(raw);
  if (!root) return;
  const fy = root.fiscal_year;
  // An invalid year is reported once by the schema, not again on every milestone.
  const year = typeof fy === 'number' && Number.isInteger(fy) && fy >= 2000 && fy <= 2100 ? fy : undefined;
  const range = year === undefined ? undefined : fiscalYearRange(year);

  const idLists = (value: unknown, path: PathSegment[], what: MessageKey) =>
    duplicates(
      asArray(value).map((id, i) => ({ key: asPerson(id), path: [...path, i] })),
      what,
      errors,
      locale,
    );
  idLists(root.hq_users, ['hq_users'], 'import.duplicate.user');

  const windows = asArray(root.review);
  duplicates(
    windows.map((w, i) => ({ key: asText(asRecord(w)?.name), path: ['review', i, 'name'] })),
    'import.duplicate.review_window',
    errors,
    locale,
  );
  windows.forEach((w, i) => {
    const opens = asDate(asRecord(w)?.opens);
    const closes = asDate(asRecord(w)?.closes);
    if (opens && closes && opens > closes) {
      errors.push({
        path: ['review', i, 'closes'],
        message: t(locale, 'import.closes_before_opens', { closes, opens }),
      });
    }
  });

  const departments = asArray(root.departments);
  duplicates(
    departments.map((d, i) => ({ key: asText(asRecord(d)?.code), path: ['departments', i, 'code'] })),
    'import.duplicate.department_code',
    errors,
    locale,
  );
  const hqDepartment = asText(root.hq_department);
  if (hqDepartment && !departments.some((d) => asText(asRecord(d)?.code) === hqDepartment)) {
    errors.push({
      path: ['hq_department'],
      message: t(locale, 'import.unknown_hq_department', { value: preview(hqDepartment, locale) }),
    });
  }

  const targetCodes: { key: string | undefined; path: PathSegment[] }[] = [];
  departments.forEach((d, di) => {
    const department = asRecord(d);
    if (!department) return;
    const base: PathSegment[] = ['departments', di];
    idLists(department.managers, [...base, 'managers'], 'import.duplicate.manager');
    idLists(department.members, [...base, 'members'], 'import.duplicate.member');
    const people = new Set([...asArray(department.managers), ...asArray(department.members)].map(asPerson));
    const ownCode = asText(department.code);
    const continued = asArray(department.continues).map((c, ci) => ({
      key: asText(c),
      path: [...base, 'continues', ci] as PathSegment[],
    }));
    duplicates(continued, 'import.duplicate.continues', errors, locale);
    for (const c of continued) {
      if (ownCode && c.key === ownCode) errors.push({ path: c.path, message: t(locale, 'import.continues_itself') });
    }
    asArray(department.targets).forEach((entry, ti) => {
      const target = asRecord(entry);
      if (!target) return;
      const targetPath = [...base, 'targets', ti];
      targetCodes.push({ key: asText(target.code), path: [...targetPath, 'code'] });
      const owner = asPerson(target.owner);
      if (owner && !people.has(owner)) {
        warnings.push({
          path: [...targetPath, 'owner'],
          message: t(locale, 'import.owner_outside', {
            owner,
            department: preview(asText(department.code) ?? '', locale),
          }),
        });
      }
      const milestones = asArray(target.milestones);
      duplicates(
        milestones.map((m, mi) => ({
          key: asText(asRecord(m)?.title),
          path: [...targetPath, 'milestones', mi, 'title'],
        })),
        'import.duplicate.milestone_title',
        errors,
        locale,
      );
      milestones.forEach((m, mi) => {
        const due = asDate(asRecord(m)?.due);
        if (due && range && (due < range.start || due > range.end)) {
          errors.push({
            path: [...targetPath, 'milestones', mi, 'due'],
            message: t(locale, 'import.outside_fiscal_year', {
              due,
              year: year ?? '',
              start: range.start,
              end: range.end,
            }),
          });
        }
      });
    });
  });
  duplicates(targetCodes, 'import.duplicate.target_code', errors, locale);
}

function toOrganization(input: OrganizationInput): Organization {
  return {
    fiscalYear: input.fiscal_year,
    leadershipChannel: input.leadership_channel,
    organizationName: input.organization_name ?? null,
    hqUsers: input.hq_users ?? null,
    hqDepartment: input.hq_department ?? null,
    cadence: input.cadence ?? null,
    review: input.review.map((w) => ({
      name: w.name,
      role: w.role ?? inferWindowRole(w.name),
      opensOn: w.opens,
      closesOn: w.closes,
    })),
    departments: input.departments.map((d) => ({
      code: d.code,
      name: d.name,
      nameEn: d.name_en ?? null,
      channelId: d.channel ?? null,
      cadence: d.cadence ?? null,
      managers: d.managers,
      members: d.members,
      continues: d.continues,
      targets: d.targets.map((t) => ({
        code: t.code,
        category: t.category,
        title: t.title,
        description: t.description ?? null,
        ownerId: t.owner ?? null,
        indicator: t.indicator
          ? {
              kind: t.indicator.kind,
              unit: t.indicator.unit ?? null,
              baseline: t.indicator.baseline ?? null,
              target: t.indicator.target ?? null,
            }
          : null,
        milestones: t.milestones.map((m) => ({ title: m.title, dueOn: m.due })),
      })),
    })),
  };
}
