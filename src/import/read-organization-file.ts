import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
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

/** Decodes, parses and validates the bytes of a text import file (YAML or CSV). */
export function parseOrganizationBytes(bytes: Uint8Array, format: Exclude<FileFormat, 'xlsx'>): ReadOrganization {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return { ok: false, problems: [{ location: '', message: tooLarge(bytes.byteLength) }], warnings: [], format };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problems: [{ location: '', message: decoded.message }], warnings: [], format };
  const parsed = format === 'yaml' ? parseOrganizationYaml(decoded.text) : parseOrganizationCsv(decoded.text);
  return { ...parsed, format, encoding: decoded.encoding, bytes: bytes.byteLength };
}

/** Reads an import file (.yaml, .yml, .csv or .xlsx), refusing oversized files before reading them. */
export async function readOrganizationFile(path: string): Promise<ReadOrganization> {
  const format = formatOfPath(path);
  const refuse = (message: string): ReadOrganization => ({
    ok: false,
    problems: [{ location: '', message }],
    warnings: [],
  });
  if (!format) return refuse(`${path}: unknown file type; use .yaml, .yml, .csv or .xlsx`);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return refuse(`${path} is not a file`);
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? 'error'})`);
  }
  if (size > MAX_FILE_BYTES) return { ...refuse(tooLarge(size)), format };
  const bytes = await readFile(path);
  if (format === 'xlsx') return { ...(await parseOrganizationXlsx(bytes)), format, bytes: bytes.byteLength };
  return parseOrganizationBytes(bytes, format);
}

function tooLarge(bytes: number): string {
  return `the file is too large (${(bytes / 1024 / 1024).toFixed(1)} MB; at most ${MAX_FILE_BYTES / 1024 / 1024} MB)`;
}
