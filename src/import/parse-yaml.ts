import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { type Locale, t } from '../i18n/messages.js';
import { numberFromText } from './number-text.js';
import type { ImportProblem, ParsedOrganization } from './organization.js';
import { listEmailReferences } from './person-reference.js';
import { formatPath, type PathIssue, type PathSegment, validateOrganization } from './validate-organization.js';

/**
 * Aliases are handy for shared lists (managers: *hq), but each one can expand a whole subtree: a
 * small limit stops "billion laughs" files before they allocate anything large.
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parses and validates an organisation YAML file; problems carry their YAML path and line, in the
 * given language (English unless told).
 */
export function parseOrganizationYaml(text: string, locale: Locale = 'en'): ParsedOrganization {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return t(locale, 'import.place.line_column', { line: pos.line, column: pos.col });
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        location: at(e.pos[0]),
        message: t(locale, 'import.yaml.syntax', { message: e.message }),
      })),
      warnings: [],
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = (error as Error).message;
    return {
      ok: false,
      problems: [
        {
          location: '',
          message: /alias/i.test(message)
            ? t(locale, 'import.yaml.alias_bomb', { max: MAX_ALIAS_COUNT })
            : t(locale, 'import.yaml.unreadable', { message }),
        },
      ],
      warnings: [],
    };
  }
  readIndicatorNumbers(raw);
  const validation = validateOrganization(raw, locale);
  const locate = locator(doc, lineCounter, locale);
  const toProblems = (issues: PathIssue[]): ImportProblem[] =>
    issues
      .map((issue) => {
        const here = locate(issue.path);
        const related = issue.related ? locate(issue.related) : undefined;
        return {
          line: here.line,
          problem: {
            location: here.text,
            message: related
              ? t(locale, 'import.related.path', { message: issue.message, path: related.name, line: related.line })
              : issue.message,
          },
        };
      })
      .sort((a, b) => a.line - b.line)
      .map((x) => x.problem);
  const warnings = toProblems(validation.warnings);
  if (!validation.organization) return { ok: false, problems: toProblems(validation.errors), warnings };
  const emails = listEmailReferences(validation.organization).map(({ address, path }) => ({
    address,
    location: locate(path).text,
  }));
  return { ok: true, organization: validation.organization, warnings, emails };
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Indicator numbers written as text (baseline: 1,234 or target: １２) are read as in a CSV file. */
function readIndicatorNumbers(raw: unknown): void {
  for (const department of asList(asRecord(raw)?.departments)) {
    for (const target of asList(asRecord(department)?.targets)) {
      const indicator = asRecord(asRecord(target)?.indicator);
      if (!indicator) continue;
      for (const key of ['baseline', 'target']) {
        if (key in indicator) indicator[key] = numberFromText(indicator[key]);
      }
    }
  }
}

/** Finds the line of a path (the key's line; the nearest existing parent when the key is missing). */
function locator(doc: Document, lineCounter: LineCounter, locale: Locale) {
  const lineAt = (path: PathSegment[]): number => {
    for (let n = path.length; n > 0; n--) {
      const last = path[n - 1];
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
      if (typeof last === 'string' && isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
        if (pair && isNode(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
      }
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    const root = doc.contents;
    return isNode(root) && root.range ? lineCounter.linePos(root.range[0]).line : 1;
  };
  return (path: PathSegment[]) => {
    const line = lineAt(path);
    const name = formatPath(path) || t(locale, 'import.place.top_level');
    return { line, name, text: t(locale, 'import.place.path_line', { path: name, line }) };
  };
}
