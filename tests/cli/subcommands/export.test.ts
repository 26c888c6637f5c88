import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { runExport } from '../../../src/cli/subcommands/export.js';
import { sheetCells, sheetHeaders } from '../../../src/export/columns.js';
import { listEvaluationRows } from '../../../src/services/review/list-evaluation-rows.js';
import { recordReviewStep } from '../../../src/services/review/record-review-step.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { wiring } from '../../helpers/wiring.js';
import { IN_REVIEW, PEOPLE, type SeededOrg, seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('tracker export on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrg;
  let dir: string;
  let expected: Awaited<ReturnType<typeof listEvaluationRows>>;
  const out: string[] = [];
  const err: string[] = [];
  const io = (): CliIo => ({
    env: { DATABASE_URL: database.url, TRACKER_TIME_ZONE: 'Asia/Tokyo', LOG_LEVEL: 'error' },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedReviewOrg(database.db);
    await recordReviewStep(database.db, {
      targetId: org.targets['SK-1'] as number,
      actorId: PEOPLE.memberA1,
      step: 'self',
      grade: 'B',
      comment: '素案作成済み, 公表は3月',
      now: IN_REVIEW,
      timeZone: 'Asia/Tokyo',
      hqUsers: [],
    });
    expected = await listEvaluationRows(database.db, { fiscalYear: 2026, timeZone: 'Asia/Tokyo' });
    // The CLI opens its own connection and migrates first; SQLite's schema engine needs the file
    // to itself for that, so this test's connection steps aside.
    await database.close();
    dir = mkdtempSync(join(tmpdir(), 'tracker-export-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.destroy();
  });

  it('writes the XLSX sheet with one row per target', async () => {
    const file = join(dir, 'sheet.xlsx');
    expect(await runCli(['export', '--fy', '2026', '--format', 'xlsx', '--out', file], io(), wiring)).toBe(0);
    expect(out.at(-1)).toContain('6 targets');
    const [sheet] = await readXlsxFile(readFileSync(file));
    expect(sheet?.data).toEqual([sheetHeaders('ja'), ...expected.map((r) => sheetCells(r, 'ja'))]);
    expect(sheet?.data[1]?.slice(0, 3)).toEqual(['政策経営部', '施策', 'SK-1']);
  });

  it('writes the CSV sheet that reads back to the same data', async () => {
    const file = join(dir, 'sheet.csv');
    expect(await runCli(['export', '--fy', '2026', '--format', 'csv', '--out', file], io(), wiring)).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parse(bytes, { bom: true }) as string[][];
    expect(header).toEqual(sheetHeaders('ja'));
    expect(records).toEqual(expected.map((r) => sheetCells(r, 'ja').map((c) => (c === null ? '' : String(c)))));
    expect(records[0]?.[13]).toBe('素案作成済み, 公表は3月');
  });

  it('defaults the file name to hyouka-sheet-FY2026.xlsx and the year to the one under review', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await runExport([], io(), IN_REVIEW)).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const [sheet] = await readXlsxFile(readFileSync(join(dir, 'hyouka-sheet-FY2026.xlsx')));
    expect(sheet?.data).toHaveLength(7);
  });

  it('fails clearly for an unknown year or bad options', async () => {
    err.length = 0;
    expect(await runCli(['export', '--fy', '2031', '--out', join(dir, 'x.xlsx')], io(), wiring)).toBe(1);
    expect(err.join('\n')).toContain('fiscal year 2031 is not loaded');
    expect(await runCli(['export', '--fy', '2026', '--format', 'pdf'], io(), wiring)).toBe(2);
    expect(await runCli(['export', '--fy', 'next'], io(), wiring)).toBe(2);
    expect(err.join('\n')).toContain('--format must be one of csv, xlsx');
  });
});
