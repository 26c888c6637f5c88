import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/import/organization.js';
import {
  formatOfPath,
  MAX_FILE_BYTES,
  parseOrganizationBytes,
  readOrganizationFile,
} from '../../src/import/read-organization-file.js';
import { EXAMPLE_CSV, EXAMPLE_YAML, SMALL_YAML } from './samples.js';

const dir = mkdtempSync(join(tmpdir(), 'tracker-import-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const messages = (result: Awaited<ReturnType<typeof readOrganizationFile>>) =>
  result.ok ? [] : result.problems.map(formatProblem);

describe('readOrganizationFile', () => {
  it('reads the example YAML and CSV files', async () => {
    for (const [path, format] of [
      [EXAMPLE_YAML, 'yaml'],
      [EXAMPLE_CSV, 'csv'],
    ] as const) {
      const result = await readOrganizationFile(path);
      expect(result).toMatchObject({ ok: true, format });
      expect(result.ok && result.organization.departments).toHaveLength(20);
    }
  });

  it('picks the format from the extension', () => {
    expect(['a.yaml', 'b.YML', 'c.csv', 'd.xlsx', 'e.XLSX', 'f.xls', 'g'].map(formatOfPath)).toEqual([
      'yaml',
      'yaml',
      'csv',
      'xlsx',
      'xlsx',
      undefined,
      undefined,
    ]);
  });

  it('refuses unknown extensions, missing files and folders', async () => {
    expect(messages(await readOrganizationFile(join(dir, 'org.xls')))).toEqual([
      expect.stringMatching(/unknown file type/),
    ]);
    expect(messages(await readOrganizationFile(join(dir, 'missing.yaml')))).toEqual([
      expect.stringMatching(/no such file/),
    ]);
    mkdirSync(join(dir, 'folder.yaml'));
    expect(messages(await readOrganizationFile(join(dir, 'folder.yaml')))).toEqual([
      expect.stringMatching(/is not a file/),
    ]);
  });

  it('refuses files over the size limit before reading them', async () => {
    const path = join(dir, 'huge.csv');
    writeFileSync(path, '');
    truncateSync(path, MAX_FILE_BYTES + 1);
    expect(messages(await readOrganizationFile(path))).toEqual([
      expect.stringMatching(/too large \(10\.0 MB; at most 10 MB\)/),
    ]);
    expect(messages(parseOrganizationBytes(new Uint8Array(MAX_FILE_BYTES + 1), 'yaml'))).toEqual([
      expect.stringMatching(/too large/),
    ]);
  });

  it('reads a YAML file saved in Shift_JIS', async () => {
    const path = join(dir, 'sjis.yaml');
    writeFileSync(path, iconv.encode(SMALL_YAML, 'cp932'));
    const result = await readOrganizationFile(path);
    expect(result).toMatchObject({ ok: true, encoding: 'cp932' });
    expect(result.ok && result.organization.departments[0]?.name).toBe('政策経営部');
  });
});
