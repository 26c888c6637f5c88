import { z } from 'zod';
import { calendarFromDate } from '../calendar/days.js';
import { readCalendarDay } from '../calendar/read-day.js';
import { hasControlCharacters, isBlankText, removeBidiControls } from '../domain/clean-text.js';
import { isWithinBound, NUMBER_BOUND_TEXT } from '../domain/parse-number.js';
import { hasLoneSurrogate } from '../domain/well-formed.js';
import { WINDOW_ROLES } from '../review/window-role.js';
import { CADENCES } from './organization.js';
import { emailAddressOf, personKey } from './person-reference.js';

/** Limits of the import format (docs/import-format.md lists them for headquarters). */
export const LIMITS = {
  categoryChars: 30,
  titleChars: 150,
  descriptionChars: 3000,
  nameChars: 100,
  unitChars: 20,
  reviewNameChars: 30,
  milestoneTitleChars: 150,
  codeChars: 30,
  slackIdChars: 32,
} as const;

export const USER_ID_PATTERN = /^[UW][A-Z0-9]{2,}$/;
export const CHANNEL_ID_PATTERN = /^[CG][A-Z0-9]{2,}$/;
export const DEPARTMENT_CODE_PATTERN = /^[a-z0-9-]+$/;
/** Target codes travel in Slack action values and CLI arguments, so they stay plain ASCII. */
export const TARGET_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A short, safe rendering of a value for an error message (files may hold megabytes in one cell). */
export function preview(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return describeType(value);
  const chars = Array.from(value);
  const shown = chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : value;
  return JSON.stringify(shown);
}

function describeType(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : String(value);
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

const required = (expected: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${expected}, not ${describeType(issue.input)}`;

/** Absent, null and blank all mean "not given" for optional fields. */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

function text(max: number, options: { multiline?: boolean; quoteHint?: boolean } = {}) {
  const expected = options.quoteHint === false ? 'text' : 'text (put quotes around numbers used as text)';
  return (
    z
      .string({ error: required(expected) })
      // Bidirectional formatting characters are removed (src/domain/clean-text.ts); control characters are refused.
      .overwrite((s) => removeBidiControls(options.multiline ? s.replace(/\r\n?/g, '\n') : s).trim())
      .superRefine((s, ctx) => {
        const length = Array.from(s).length;
        if (length === 0 || isBlankText(s)) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
        if (length > max)
          ctx.addIssue({ code: 'custom', message: `is too long: ${length} characters (at most ${max})` });
        if (hasLoneSurrogate(s)) {
          ctx.addIssue({ code: 'custom', message: 'contains an unpaired surrogate escape such as \\ud800 (not text)' });
        }
        if (hasControlCharacters(s, { multiline: options.multiline === true })) {
          ctx.addIssue({
            code: 'custom',
            message: options.multiline
              ? 'contains control characters (only line breaks and tabs are allowed)'
              : 'contains control characters or line breaks',
          });
        }
      })
  );
}

function optionalText(max: number, options: { multiline?: boolean } = {}) {
  return z.preprocess(blankToUndefined, text(max, options).optional());
}

function pattern(regex: RegExp, max: number, what: string) {
  return z
    .string({ error: required(what) })
    .overwrite((s) => s.trim())
    .superRefine((s, ctx) => {
      if (Array.from(s).length > max || !regex.test(s)) {
        ctx.addIssue({ code: 'custom', message: `${preview(s)} is not ${what}` });
      }
    });
}

/** A person: a Slack user id, or an e-mail address (in its normal form) that the import resolves. */
const person = z
  .string({ error: required('a Slack user id or an e-mail address') })
  .overwrite((s) => personKey(s))
  .superRefine((s, ctx) => {
    if (emailAddressOf(s) !== undefined) return;
    if (Array.from(s).length > LIMITS.slackIdChars || !USER_ID_PATTERN.test(s)) {
      ctx.addIssue({
        code: 'custom',
        message: `${preview(s)} is not a Slack user id (U… or W…, e.g. U0123ABCD) or an e-mail address`,
      });
    }
  });
const channelId = pattern(CHANNEL_ID_PATTERN, LIMITS.slackIdChars, 'a Slack channel id (C… or G…, e.g. C0123ABCD)');
const departmentCode = pattern(
  DEPARTMENT_CODE_PATTERN,
  LIMITS.codeChars,
  `a department code (lower-case letters, digits and -, at most ${LIMITS.codeChars})`,
);
const targetCode = pattern(
  TARGET_CODE_PATTERN,
  LIMITS.codeChars,
  `a target code (letters, digits, . _ -, at most ${LIMITS.codeChars}, e.g. SK-1)`,
);
const people = z.preprocess(
  (v) => v ?? [],
  z.array(person, { error: required('a list of Slack user ids or e-mail addresses') }),
);

/** The forms a date in an import file may take (those readCalendarDay reads with a year), for messages. */
export const DATE_FORMS_TEXT = '2026-09-30, 2026/9/30, 2026年9月30日 or 令和8年9月30日';

/**
 * A real calendar day, read by the calendar's readCalendarDay and given as 'YYYY-MM-DD'. YAML 1.1
 * timestamps arrive as Date objects and are accepted. A value that is not a day is quoted as written.
 */
export const calendarDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? calendarFromDate(v) : v),
  z.string({ error: required(`a date such as ${DATE_FORMS_TEXT}`) }).transform((s, ctx) => {
    const day = readCalendarDay(s);
    if (day !== null) return day;
    ctx.issues.push({ code: 'custom', input: s, message: `${preview(s)} is not a date (write ${DATE_FORMS_TEXT})` });
    return z.NEVER;
  }),
);

/** A finite number within ±NUMBER_BOUND, the bound of every number a person enters. */
const finiteNumber = z
  .number({
    error: (issue) =>
      typeof issue.input === 'number' || typeof issue.input === 'string'
        ? `must be a finite number, not ${preview(issue.input)}`
        : required('a number')(issue),
  })
  .refine(isWithinBound, {
    error: (issue) => `must be between -${NUMBER_BOUND_TEXT} and ${NUMBER_BOUND_TEXT}, not ${preview(issue.input)}`,
  });

const cadence = z.enum(CADENCES, {
  error: (issue) => `must be weekly, biweekly or monthly, not ${preview(issue.input)}`,
});

export const indicatorSchema = z.strictObject(
  {
    kind: z.enum(['activity', 'outcome'], {
      error: (issue) =>
        issue.input === undefined
          ? 'is required (activity or outcome)'
          : `must be activity or outcome, not ${preview(issue.input)}`,
    }),
    unit: optionalText(LIMITS.unitChars),
    baseline: z.preprocess(blankToUndefined, finiteNumber.optional()),
    target: z.preprocess(blankToUndefined, finiteNumber.optional()),
  },
  { error: required('a mapping such as { kind: outcome, unit: "%", baseline: 0, target: 100 }') },
);

export const milestoneSchema = z.strictObject(
  { title: text(LIMITS.milestoneTitleChars), due: calendarDate },
  { error: required('a mapping such as { title: 要件定義, due: 2026-09-30 }') },
);

export const targetSchema = z.strictObject(
  {
    code: targetCode,
    category: text(LIMITS.categoryChars),
    title: text(LIMITS.titleChars),
    description: optionalText(LIMITS.descriptionChars, { multiline: true }),
    owner: z.preprocess(blankToUndefined, person.optional()),
    indicator: z.preprocess(blankToUndefined, indicatorSchema.optional()),
    milestones: z.preprocess((v) => v ?? [], z.array(milestoneSchema, { error: required('a list of milestones') })),
  },
  { error: required('a mapping (a target)') },
);

export const departmentSchema = z.strictObject(
  {
    code: departmentCode,
    name: text(LIMITS.nameChars),
    name_en: optionalText(LIMITS.nameChars),
    channel: z.preprocess(blankToUndefined, channelId.optional()),
    cadence: z.preprocess(blankToUndefined, cadence.optional()),
    managers: people,
    members: people,
    /** Codes of the departments this one continues after a reorganisation (組織改正). */
    continues: z.preprocess((v) => v ?? [], z.array(departmentCode, { error: required('a list of department codes') })),
    targets: z.preprocess((v) => v ?? [], z.array(targetSchema, { error: required('a list of targets') })),
  },
  { error: required('a mapping (a department)') },
);

const windowRole = z.enum(WINDOW_ROLES, {
  error: (issue) => `must be self, approve or check, not ${preview(issue.input)}`,
});

export const reviewWindowSchema = z.strictObject(
  {
    name: text(LIMITS.reviewNameChars),
    opens: calendarDate,
    closes: calendarDate,
    role: z.preprocess(blankToUndefined, windowRole.optional()),
  },
  { error: required('a mapping such as { name: 自己評価, opens: 2027-06-01, closes: 2027-06-20 }') },
);

export const organizationSchema = z.strictObject(
  {
    fiscal_year: z
      .number({ error: required('a year such as 2026') })
      .int({ error: 'must be a year such as 2026' })
      .min(2000, { error: 'must be a year between 2000 and 2100' })
      .max(2100, { error: 'must be a year between 2000 and 2100' }),
    leadership_channel: channelId,
    organization_name: optionalText(LIMITS.nameChars),
    hq_users: z.preprocess(
      blankToUndefined,
      z.array(person, { error: required('a list of Slack user ids or e-mail addresses') }).optional(),
    ),
    hq_department: z.preprocess(blankToUndefined, departmentCode.optional()),
    cadence: z.preprocess(blankToUndefined, cadence.optional()),
    review: z.preprocess((v) => v ?? [], z.array(reviewWindowSchema, { error: required('a list of review windows') })),
    departments: z
      .array(departmentSchema, { error: required('a list of departments') })
      .min(1, { error: 'must list at least one department' }),
  },
  { error: required('a mapping with fiscal_year, leadership_channel, departments…') },
);

export type OrganizationInput = z.output<typeof organizationSchema>;

/** The keys allowed at each level, for "did you mean" hints on unknown keys. */
export const ALLOWED_KEYS = {
  organization: Object.keys(organizationSchema.shape),
  review: Object.keys(reviewWindowSchema.shape),
  department: Object.keys(departmentSchema.shape),
  target: Object.keys(targetSchema.shape),
  indicator: Object.keys(indicatorSchema.shape),
  milestone: Object.keys(milestoneSchema.shape),
} as const;
