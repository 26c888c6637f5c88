import { z } from 'zod';
import { calendarFromDate } from '../calendar/days.js';
import { readCalendarDay } from '../calendar/read-day.js';
import { hasControlCharacters, isBlankText, removeBidiControls } from '../domain/clean-text.js';
import { isWithinBound, NUMBER_BOUND_TEXT } from '../domain/parse-number.js';
import { hasLoneSurrogate } from '../domain/well-formed.js';
import { type Locale, type MessageKey, t } from '../i18n/messages.js';
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
export function preview(value: unknown, locale: Locale = 'en'): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return describeType(value, locale);
  const chars = Array.from(value);
  const shown = chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : value;
  return JSON.stringify(shown);
}

function describeType(value: unknown, locale: Locale): string {
  if (value === null) return t(locale, 'import.type.empty');
  if (Array.isArray(value)) return t(locale, 'import.type.list');
  if (typeof value === 'number') return Number.isFinite(value) ? t(locale, 'import.type.number') : String(value);
  if (typeof value === 'object') return t(locale, 'import.type.mapping');
  return t(locale, 'import.type.other', { type: typeof value });
}

/** Absent, null and blank all mean "not given" for optional fields. */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

/**
 * The schemas of the import format with their messages in one language. Zod fixes a message when
 * the schema is built, so each language has its own schemas (built once, on first use).
 */
function buildSchemas(locale: Locale) {
  const m = (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);
  const show = (value: unknown) => preview(value, locale);
  /** The forms a date may take (those readCalendarDay reads with a year), for messages. */
  const forms = m('import.date_forms');

  const required = (expected: string) => (issue: { input: unknown }) =>
    issue.input === undefined
      ? m('import.required')
      : m('import.wrong_type', { expected, actual: describeType(issue.input, locale) });

  function text(max: number, options: { multiline?: boolean; quoteHint?: boolean } = {}) {
    const expected = m(options.quoteHint === false ? 'import.expected.text' : 'import.expected.text_quoted');
    return (
      z
        .string({ error: required(expected) })
        // Bidirectional formatting characters are removed (src/domain/clean-text.ts); control characters are refused.
        .overwrite((s) => removeBidiControls(options.multiline ? s.replace(/\r\n?/g, '\n') : s).trim())
        .superRefine((s, ctx) => {
          const length = Array.from(s).length;
          if (length === 0 || isBlankText(s)) ctx.addIssue({ code: 'custom', message: m('import.empty') });
          if (length > max) ctx.addIssue({ code: 'custom', message: m('import.too_long', { length, max }) });
          if (hasLoneSurrogate(s)) ctx.addIssue({ code: 'custom', message: m('import.lone_surrogate') });
          if (hasControlCharacters(s, { multiline: options.multiline === true })) {
            ctx.addIssue({
              code: 'custom',
              message: m(options.multiline ? 'import.control_multiline' : 'import.control'),
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
          ctx.addIssue({ code: 'custom', message: m('import.not_pattern', { value: show(s), what }) });
        }
      });
  }

  /** A person: a Slack user id, or an e-mail address (in its normal form) that the import resolves. */
  const person = z
    .string({ error: required(m('import.expected.person')) })
    .overwrite((s) => personKey(s))
    .superRefine((s, ctx) => {
      if (emailAddressOf(s) !== undefined) return;
      if (Array.from(s).length > LIMITS.slackIdChars || !USER_ID_PATTERN.test(s)) {
        ctx.addIssue({ code: 'custom', message: m('import.not_person', { value: show(s) }) });
      }
    });
  const channelId = pattern(CHANNEL_ID_PATTERN, LIMITS.slackIdChars, m('import.expected.channel'));
  const departmentCode = pattern(
    DEPARTMENT_CODE_PATTERN,
    LIMITS.codeChars,
    m('import.expected.department_code', { max: LIMITS.codeChars }),
  );
  const targetCode = pattern(
    TARGET_CODE_PATTERN,
    LIMITS.codeChars,
    m('import.expected.target_code', { max: LIMITS.codeChars }),
  );
  const people = z.preprocess((v) => v ?? [], z.array(person, { error: required(m('import.expected.people')) }));

  /**
   * A real calendar day, read by the calendar's readCalendarDay and given as 'YYYY-MM-DD'. YAML 1.1
   * timestamps arrive as Date objects and are accepted. A value that is not a day is quoted as written.
   */
  const calendarDate = z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? calendarFromDate(v) : v),
    z.string({ error: required(m('import.expected.date', { forms })) }).transform((s, ctx) => {
      const day = readCalendarDay(s);
      if (day !== null) return day;
      ctx.issues.push({ code: 'custom', input: s, message: m('import.not_date', { value: show(s), forms }) });
      return z.NEVER;
    }),
  );

  /** A finite number within ±NUMBER_BOUND, the bound of every number a person enters. */
  const finiteNumber = z
    .number({
      error: (issue) =>
        typeof issue.input === 'number' || typeof issue.input === 'string'
          ? m('import.not_number', { value: show(issue.input) })
          : required(m('import.expected.number'))(issue),
    })
    .refine(isWithinBound, {
      error: (issue) => m('import.number_range', { bound: NUMBER_BOUND_TEXT, value: show(issue.input) }),
    });

  const cadence = z.enum(CADENCES, { error: (issue) => m('import.not_cadence', { value: show(issue.input) }) });

  const indicator = z.strictObject(
    {
      kind: z.enum(['activity', 'outcome'], {
        error: (issue) =>
          issue.input === undefined ? m('import.kind_required') : m('import.not_kind', { value: show(issue.input) }),
      }),
      unit: optionalText(LIMITS.unitChars),
      baseline: z.preprocess(blankToUndefined, finiteNumber.optional()),
      target: z.preprocess(blankToUndefined, finiteNumber.optional()),
    },
    { error: required(m('import.expected.indicator')) },
  );

  const milestone = z.strictObject(
    { title: text(LIMITS.milestoneTitleChars), due: calendarDate },
    { error: required(m('import.expected.milestone')) },
  );

  const target = z.strictObject(
    {
      code: targetCode,
      category: text(LIMITS.categoryChars),
      title: text(LIMITS.titleChars),
      description: optionalText(LIMITS.descriptionChars, { multiline: true }),
      owner: z.preprocess(blankToUndefined, person.optional()),
      indicator: z.preprocess(blankToUndefined, indicator.optional()),
      milestones: z.preprocess(
        (v) => v ?? [],
        z.array(milestone, { error: required(m('import.expected.milestones')) }),
      ),
    },
    { error: required(m('import.expected.target')) },
  );

  const department = z.strictObject(
    {
      code: departmentCode,
      name: text(LIMITS.nameChars),
      name_en: optionalText(LIMITS.nameChars),
      channel: z.preprocess(blankToUndefined, channelId.optional()),
      cadence: z.preprocess(blankToUndefined, cadence.optional()),
      managers: people,
      members: people,
      /** Codes of the departments this one continues after a reorganisation (組織改正). */
      continues: z.preprocess(
        (v) => v ?? [],
        z.array(departmentCode, { error: required(m('import.expected.department_codes')) }),
      ),
      targets: z.preprocess((v) => v ?? [], z.array(target, { error: required(m('import.expected.targets')) })),
    },
    { error: required(m('import.expected.department')) },
  );

  const windowRole = z.enum(WINDOW_ROLES, { error: (issue) => m('import.not_role', { value: show(issue.input) }) });

  const reviewWindow = z.strictObject(
    {
      name: text(LIMITS.reviewNameChars),
      opens: calendarDate,
      closes: calendarDate,
      role: z.preprocess(blankToUndefined, windowRole.optional()),
    },
    { error: required(m('import.expected.review_window')) },
  );

  const organization = z.strictObject(
    {
      fiscal_year: z
        .number({ error: required(m('import.expected.year')) })
        .int({ error: m('import.not_year') })
        .min(2000, { error: m('import.year_range') })
        .max(2100, { error: m('import.year_range') }),
      leadership_channel: channelId,
      organization_name: optionalText(LIMITS.nameChars),
      hq_users: z.preprocess(
        blankToUndefined,
        z.array(person, { error: required(m('import.expected.people')) }).optional(),
      ),
      hq_department: z.preprocess(blankToUndefined, departmentCode.optional()),
      cadence: z.preprocess(blankToUndefined, cadence.optional()),
      review: z.preprocess(
        (v) => v ?? [],
        z.array(reviewWindow, { error: required(m('import.expected.review_windows')) }),
      ),
      departments: z
        .array(department, { error: required(m('import.expected.departments')) })
        .min(1, { error: m('import.no_departments') }),
    },
    { error: required(m('import.expected.organization')) },
  );

  return { organization, reviewWindow, department, target, indicator, milestone };
}

type ImportSchemas = ReturnType<typeof buildSchemas>;
const built = new Map<Locale, ImportSchemas>();

/** The import format's schemas with messages in the given language. */
export function importSchemas(locale: Locale): ImportSchemas {
  let schemas = built.get(locale);
  if (!schemas) {
    schemas = buildSchemas(locale);
    built.set(locale, schemas);
  }
  return schemas;
}

export type OrganizationInput = z.output<ImportSchemas['organization']>;

/** The keys allowed at each level, for "did you mean" hints on unknown keys. */
export const ALLOWED_KEYS = {
  organization: Object.keys(importSchemas('en').organization.shape),
  review: Object.keys(importSchemas('en').reviewWindow.shape),
  department: Object.keys(importSchemas('en').department.shape),
  target: Object.keys(importSchemas('en').target.shape),
  indicator: Object.keys(importSchemas('en').indicator.shape),
  milestone: Object.keys(importSchemas('en').milestone.shape),
} as const;
