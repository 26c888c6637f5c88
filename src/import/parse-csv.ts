import { CsvError, parse } from 'csv-parse/sync';
import { readCalendarDay } from '../calendar/read-day.js';
import { hasMessage, type Locale, t } from '../i18n/messages.js';
import {
  CSV_COLUMNS,
  type CsvColumn,
  type CsvColumnName,
  columnForHeader,
  LIST_SEPARATOR,
  MILESTONE_SEPARATOR,
  REVIEW_SEPARATOR,
} from './csv-columns.js';
import { numberFromText } from './number-text.js';
import type { ImportProblem, ParsedOrganization } from './organization.js';
import { listEmailReferences } from './person-reference.js';
import { preview } from './schema.js';
import { formatPath, type PathIssue, type PathSegment, validateOrganization } from './validate-organization.js';

interface Row {
  /** The row as a spreadsheet shows it (header = row 1). */
  number: number;
  /** The line the row starts on in the file (differs when earlier cells span lines). */
  line: number;
  cells: Partial<Record<CsvColumnName, string>>;
}

/** A record of a sheet (CSV or XLSX): its cells and where it was. */
export interface SheetRecord {
  cells: string[];
  /** The row as a spreadsheet shows it (header = row 1 in a CSV file). */
  number: number;
  /** The line the row starts on in the file (differs when earlier cells span lines). */
  line: number;
}

interface Place {
  row: number;
  line: number;
  column: CsvColumnName;
  item?: number;
}

/** Parses and validates an organisation CSV; problems carry their row and column, in the given language. */
export function parseOrganizationCsv(text: string, locale: Locale = 'en'): ParsedOrganization {
  const records = csvRecords(text.startsWith('\uFEFF') ? text.slice(1) : text, locale);
  if ('problems' in records) return { ok: false, problems: records.problems, warnings: [] };
  return parseOrganizationRecords(records.records, locale);
}

/**
 * Validates an organisation given as the records of a sheet (the first is the header), whether
 * read from CSV or from an XLSX workbook; problems carry their row and column.
 */
export function parseOrganizationRecords(records: readonly SheetRecord[], locale: Locale = 'en'): ParsedOrganization {
  const read = readRows(records, locale);
  if ('problems' in read) return { ok: false, problems: read.problems, warnings: [] };
  const { rows, headers } = read;
  const columnLabel = (name: CsvColumnName) => headers.get(name) ?? name;
  const places = new Map<string, Place>();
  const problems: { row: number; problem: ImportProblem }[] = [];
  const at = (place: Place, rest?: PathSegment[]) => describePlace(place, columnLabel, locale, rest);
  const show = (value: unknown) => preview(value, locale);
  const fail = (place: Place, message: string) =>
    problems.push({ row: place.row, problem: { location: at(place), message } });
  const placeOf = (row: Row, column: CsvColumnName, item?: number): Place => ({
    row: row.number,
    line: row.line,
    column,
    ...(item === undefined ? {} : { item }),
  });
  const register = (path: PathSegment[], place: Place) => places.set(formatPath(path), place);
  const firstRow = rows[0] ?? { number: 2, line: 2, cells: {} };

  /** The one value a group of rows gives a column: blanks are ignored, differing values are errors. */
  const agreed = (
    group: Row[],
    column: CsvColumn,
    scope: 'organization' | 'department',
  ): { value: string; row: Row } | undefined => {
    let first: { value: string; row: Row } | undefined;
    for (const row of group) {
      const value = row.cells[column.name]?.trim() ?? '';
      if (value === '') continue;
      if (!first) {
        first = { value, row };
      } else if (comparable(column, value) !== comparable(column, first.value)) {
        fail(
          placeOf(row, column.name),
          t(locale, 'import.csv.conflict', {
            value: show(value),
            first: show(first.value),
            row: first.row.number,
            scope: t(locale, `import.csv.scope.${scope}`),
          }),
        );
      }
    }
    return first;
  };
  const column = (name: CsvColumnName) => CSV_COLUMNS.find((c) => c.name === name) as CsvColumn;

  const raw: Record<string, unknown> = {};
  const orgValue = (name: CsvColumnName, key: string, convert: (value: string, row: Row) => unknown = (v) => v) => {
    const found = agreed(rows, column(name), 'organization');
    register([key], placeOf(found?.row ?? firstRow, name));
    if (found) raw[key] = convert(found.value, found.row);
  };
  orgValue('fiscal_year', 'fiscal_year', (v) => {
    const match = /^(\d{1,6})(?:年度)?$/.exec(v.normalize('NFKC').trim());
    return match ? Number(match[1]) : v;
  });
  orgValue('leadership_channel', 'leadership_channel');
  orgValue('organization_name', 'organization_name');
  orgValue('hq_users', 'hq_users', splitList);
  orgValue('hq_department', 'hq_department');
  orgValue('cadence', 'cadence');
  orgValue('review', 'review', (v, row) =>
    splitItems(v, REVIEW_SEPARATOR).flatMap((item, i) => {
      const place = placeOf(row, 'review', i + 1);
      const parsed = parseReviewItem(item);
      if (!parsed) {
        fail(place, t(locale, 'import.csv.review_item', { value: show(item) }));
        return [];
      }
      register(['review', i], place);
      return [parsed];
    }),
  );

  const byDepartment = new Map<string, Row[]>();
  for (const row of rows) {
    const code = row.cells.department_code?.trim() ?? '';
    if (code === '') {
      fail(placeOf(row, 'department_code'), t(locale, 'import.required'));
      continue;
    }
    const group = byDepartment.get(code);
    if (group) group.push(row);
    else byDepartment.set(code, [row]);
  }

  const departments: Record<string, unknown>[] = [];
  for (const [code, group] of byDepartment) {
    const di = departments.length;
    const base: PathSegment[] = ['departments', di];
    const first = group[0] as Row;
    const department: Record<string, unknown> = { code };
    register(base, placeOf(first, 'department_code'));
    register([...base, 'code'], placeOf(first, 'department_code'));
    const field = (name: CsvColumnName, key: string, convert: (v: string) => unknown = (v) => v) => {
      const found = agreed(group, column(name), 'department');
      register([...base, key], placeOf(found?.row ?? first, name));
      if (found) department[key] = convert(found.value);
    };
    field('department_name', 'name');
    field('department_name_en', 'name_en');
    field('department_channel', 'channel');
    field('department_cadence', 'cadence');
    field('department_managers', 'managers', splitList);
    field('department_members', 'members', splitList);
    field('department_continues', 'continues', splitList);
    const targets: Record<string, unknown>[] = [];
    for (const row of group) {
      const target = targetFromRow(row, [...base, 'targets', targets.length], {
        register,
        placeOf,
        fail,
        show,
        locale,
      });
      if (target) targets.push(target);
    }
    department.targets = targets;
    departments.push(department);
  }
  raw.departments = departments;

  const validation = validateOrganization(raw, locale);
  const locate = (path: PathSegment[]) => locatePath(path, places, firstRow, at, locale);
  const toProblems = (issues: PathIssue[]) =>
    issues.map((issue) => {
      const here = locate(issue.path);
      const related = issue.related ? locate(issue.related) : undefined;
      const message = related
        ? t(locale, 'import.related.row', { message: issue.message, row: related.row })
        : issue.message;
      return { row: here.row, problem: { location: here.text, message } };
    });
  const byRow = (list: { row: number; problem: ImportProblem }[]) =>
    list.sort((a, b) => a.row - b.row).map((x) => x.problem);
  const warnings = byRow(toProblems(validation.warnings));
  const all = byRow([...problems, ...toProblems(validation.errors)]);
  if (all.length > 0 || !validation.organization) return { ok: false, problems: all, warnings };
  const emails = listEmailReferences(validation.organization).map(({ address, path }) => ({
    address,
    location: locate(path).text,
  }));
  return { ok: true, organization: validation.organization, warnings, emails };
}

function targetFromRow(
  row: Row,
  base: PathSegment[],
  sheet: {
    register: (path: PathSegment[], place: Place) => void;
    placeOf: (row: Row, column: CsvColumnName, item?: number) => Place;
    fail: (place: Place, message: string) => void;
    show: (value: unknown) => string;
    locale: Locale;
  },
): Record<string, unknown> | undefined {
  const { register, placeOf, fail, show, locale } = sheet;
  const targetColumns = CSV_COLUMNS.filter((c) => c.scope === 'target');
  // A row without any target cell only declares its department (one with no targets yet).
  if (targetColumns.every((c) => (row.cells[c.name]?.trim() ?? '') === '')) return undefined;
  const cell = (name: CsvColumnName) => {
    const value = row.cells[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  register(base, placeOf(row, 'target_code'));
  const target: Record<string, unknown> = {};
  const simple: [CsvColumnName, string][] = [
    ['target_code', 'code'],
    ['category', 'category'],
    ['title', 'title'],
    ['description', 'description'],
    ['owner', 'owner'],
  ];
  for (const [name, key] of simple) {
    register([...base, key], placeOf(row, name));
    target[key] = cell(name);
  }
  const indicatorColumns: [CsvColumnName, string][] = [
    ['indicator_kind', 'kind'],
    ['indicator_unit', 'unit'],
    ['indicator_baseline', 'baseline'],
    ['indicator_target', 'target'],
  ];
  if (indicatorColumns.some(([name]) => cell(name) !== undefined)) {
    const indicator: Record<string, unknown> = {};
    register([...base, 'indicator'], placeOf(row, 'indicator_kind'));
    for (const [name, key] of indicatorColumns) {
      register([...base, 'indicator', key], placeOf(row, name));
      const value = cell(name);
      indicator[key] = key === 'baseline' || key === 'target' ? numberFromText(value) : value;
    }
    target.indicator = indicator;
  }
  register([...base, 'milestones'], placeOf(row, 'milestones'));
  const milestones: Record<string, unknown>[] = [];
  splitItems(cell('milestones') ?? '', MILESTONE_SEPARATOR).forEach((item, i) => {
    const place = placeOf(row, 'milestones', i + 1);
    const at = Math.max(item.lastIndexOf('@'), item.lastIndexOf('＠'));
    if (at < 0) {
      fail(place, t(locale, 'import.csv.milestone_item', { value: show(item) }));
      return;
    }
    register([...base, 'milestones', milestones.length], place);
    milestones.push({ title: item.slice(0, at), due: normalizeDate(item.slice(at + 1)) });
  });
  target.milestones = milestones;
  return target;
}

/** The records of a CSV text, or the quoting problem that stops reading it. */
function csvRecords(text: string, locale: Locale): { records: SheetRecord[] } | { problems: ImportProblem[] } {
  let lastLine = 0;
  const positions: { lines: number; records: number; emptyLines: number }[] = [];
  let cells: string[][];
  try {
    cells = parse(text, {
      skip_empty_lines: true,
      relax_quotes: false,
      relax_column_count: false,
      on_record: (record, context) => {
        lastLine = context.lines;
        positions.push({ lines: context.lines, records: context.records, emptyLines: context.empty_lines });
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const lines = (error as CsvError & { lines?: number }).lines;
    // csv-parse names the line where it gave up (the end of the file); the quote opened earlier.
    const opened =
      error.code === 'CSV_QUOTE_NOT_CLOSED' && lines !== lastLine + 1
        ? t(locale, 'import.csv.quote_not_closed', { line: lastLine + 1 })
        : '';
    return {
      problems: [
        {
          location: lines === undefined ? '' : t(locale, 'import.place.line', { line: lines }),
          message: t(locale, error.code.includes('QUOTE') ? 'import.csv.broken_quoting' : 'import.csv.broken', {
            message: error.message,
            opened,
          }),
        },
      ],
    };
  }
  return {
    records: cells.map((record, i) => {
      const { lines, records: count, emptyLines } = positions[i] ?? { lines: 0, records: i + 1, emptyLines: 0 };
      const line = lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      return { cells: record, number: count + emptyLines, line };
    }),
  };
}

function readRows(
  records: readonly SheetRecord[],
  locale: Locale,
): { rows: Row[]; headers: Map<CsvColumnName, string> } | { problems: ImportProblem[] } {
  const [head, ...body] = records;
  if (!head) return { problems: [{ location: '', message: t(locale, 'import.csv.empty') }] };
  const cellAt = (row: number, column: number) =>
    [t(locale, 'import.place.row', { row }), t(locale, 'import.place.column_number', { column })].join(
      t(locale, 'import.place.separator'),
    );
  const problems: ImportProblem[] = [];
  const headers = new Map<CsvColumnName, string>();
  const byIndex: (CsvColumnName | undefined)[] = [];
  head.cells.forEach((header, i) => {
    if (header.trim() === '') {
      byIndex.push(undefined);
      return;
    }
    const column = columnForHeader(header);
    if (!column) {
      problems.push({
        location: cellAt(1, i + 1),
        message: t(locale, 'import.csv.unknown_column', {
          value: preview(header, locale),
          columns: CSV_COLUMNS.map((c) => (locale === 'ja' ? c.ja : c.name)).join(t(locale, 'import.list_separator')),
        }),
      });
    } else if (headers.has(column.name)) {
      problems.push({
        location: cellAt(1, i + 1),
        message: t(locale, 'import.csv.column_twice', { value: preview(header, locale) }),
      });
    } else {
      headers.set(column.name, header.trim());
    }
    byIndex.push(column?.name);
  });
  for (const c of CSV_COLUMNS) {
    if ('required' in c && c.required && !headers.has(c.name)) {
      problems.push({
        location: t(locale, 'import.place.row', { row: 1 }),
        message: t(locale, 'import.csv.missing_column', { name: c.name, ja: c.ja }),
      });
    }
  }
  const rows: Row[] = [];
  for (const { cells: record, number, line } of body) {
    if (record.every((cell) => cell.trim() === '')) continue;
    const cells: Row['cells'] = {};
    record.forEach((cell, i) => {
      const name = byIndex[i];
      if (name) cells[name] = cell;
      else if (cell.trim() !== '' && (head.cells[i] ?? '').trim() === '') {
        problems.push({ location: cellAt(number, i + 1), message: t(locale, 'import.csv.value_without_header') });
      }
    });
    rows.push({ number, line, cells });
  }
  if (problems.length > 0) return { problems };
  if (rows.length === 0) return { problems: [{ location: '', message: t(locale, 'import.csv.no_rows') }] };
  return { rows, headers };
}

/** The place of a path: the longest registered prefix, with the rest spelled out. */
function locatePath(
  path: PathSegment[],
  places: Map<string, Place>,
  firstRow: Row,
  describe: (place: Place, rest?: PathSegment[]) => string,
  locale: Locale,
): { row: number; text: string } {
  for (let n = path.length; n > 0; n--) {
    const place = places.get(formatPath(path.slice(0, n)));
    if (place) return { row: place.row, text: describe(place, path.slice(n)) };
  }
  return { row: firstRow.number, text: t(locale, 'import.place.row', { row: firstRow.number }) };
}

/** row 2, column milestones, item 1, due — or 2行目・マイルストーン列・1件目・期限. */
function describePlace(
  place: Place,
  label: (name: CsvColumnName) => string,
  locale: Locale,
  rest: PathSegment[] = [],
): string {
  const parts = [
    place.line === place.row
      ? t(locale, 'import.place.row', { row: place.row })
      : t(locale, 'import.place.row_line', { row: place.row, line: place.line }),
    t(locale, 'import.place.column', { column: label(place.column) }),
  ];
  if (place.item !== undefined) parts.push(t(locale, 'import.place.item', { item: place.item }));
  for (const segment of rest) {
    if (typeof segment === 'number') parts.push(t(locale, 'import.place.item', { item: segment + 1 }));
    else parts.push(fieldName(segment, locale));
  }
  return parts.join(t(locale, 'import.place.separator'));
}

/** A field inside a cell's item (a milestone's due, a review window's opens) in the language. */
function fieldName(field: string, locale: Locale): string {
  const key = `import.place.field.${field}`;
  return hasMessage(key) ? t(locale, key) : field;
}

/** Lists compare by their ids, whatever separators a row used. */
function comparable(column: CsvColumn, value: string): string {
  return 'list' in column && column.list ? splitList(value).join(' ') : value.trim();
}

function splitList(value: string): string[] {
  return value.split(LIST_SEPARATOR).filter((s) => s !== '');
}

function splitItems(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function parseReviewItem(item: string): { name: string; opens: string; closes: string } | undefined {
  const colon = Math.max(item.lastIndexOf(':'), item.lastIndexOf('：'));
  if (colon < 0) return undefined;
  const range = item
    .slice(colon + 1)
    .split(/\.\.|〜|～|~/)
    .map((s) => s.trim());
  if (range.length !== 2) return undefined;
  return { name: item.slice(0, colon), opens: normalizeDate(range[0] ?? ''), closes: normalizeDate(range[1] ?? '') };
}

/**
 * Excel rewrites 2026-09-30 as 2026/9/30 when a cell is edited; both mean the same day, read by the
 * calendar's readCalendarDay (a day with its year). Anything else stays exactly as written, for the
 * schema's error to quote.
 */
function normalizeDate(value: string): string {
  return readCalendarDay(value) ?? value.trim();
}
