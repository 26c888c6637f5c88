import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Locale, t } from '../i18n/messages.js';
import { decodeText, type TextEncoding } from './decode-text.js';
import type { ParsedOrganization } from './organization.js';
import { parseOrganizationCsv } from './parse-csv.js';
import { parseOrganizationXlsx } from './parse-xlsx.js';
import { parseOrganizationYaml } from './parse-yaml.js';

/** Larger files are refused before reading: a real organisation file is well under 1 MB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type FileFormat = 'yaml' | 'csv' | 'xlsx';

export type ReadOrganization = ParsedOrganization & { format?: FileFormat; encoding?: TextEncoding; bytes?: number };

/** The format a file name implies, or undefined. */
export function formatOfPath(path: string): FileFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  return undefined;
}

/** Decodes, parses and validates the bytes of a text import file (YAML or CSV); problems in the language. */
export function parseOrganizationBytes(
  bytes: Uint8Array,
  format: Exclude<FileFormat, 'xlsx'>,
  locale: Locale = 'en',
): ReadOrganization {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return {
      ok: false,
      problems: [{ location: '', message: tooLarge(bytes.byteLength, locale) }],
      warnings: [],
      format,
    };
  }
  const decoded = decodeText(bytes, locale);
  if (!decoded.ok) return { ok: false, problems: [{ location: '', message: decoded.message }], warnings: [], format };
  const parsed =
    format === 'yaml' ? parseOrganizationYaml(decoded.text, locale) : parseOrganizationCsv(decoded.text, locale);
  return { ...parsed, format, encoding: decoded.encoding, bytes: bytes.byteLength };
}

/**
 * Reads an import file (.yaml, .yml, .csv or .xlsx), refusing oversized files before reading them;
 * problems and warnings are in the given language (English unless told).
 */
export async function readOrganizationFile(path: string, locale: Locale = 'en'): Promise<ReadOrganization> {
  const format = formatOfPath(path);
  const refuse = (message: string): ReadOrganization => ({
    ok: false,
    problems: [{ location: '', message }],
    warnings: [],
  });
  if (!format) return refuse(t(locale, 'import.file.unknown_type', { path }));
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return refuse(t(locale, 'import.file.not_file', { path }));
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(
      code === 'ENOENT'
        ? t(locale, 'import.file.missing', { path })
        : t(locale, 'import.file.unreadable', { path, code: code ?? 'error' }),
    );
  }
  if (size > MAX_FILE_BYTES) return { ...refuse(tooLarge(size, locale)), format };
  const bytes = await readFile(path);
  if (format === 'xlsx') return { ...(await parseOrganizationXlsx(bytes, locale)), format, bytes: bytes.byteLength };
  return parseOrganizationBytes(bytes, format, locale);
}

function tooLarge(bytes: number, locale: Locale): string {
  return t(locale, 'import.file.too_large', {
    size: (bytes / 1024 / 1024).toFixed(1),
    max: MAX_FILE_BYTES / 1024 / 1024,
  });
}
