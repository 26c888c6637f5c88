import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.js';
import { applyHistory, scriptExampleHistory, seedExampleOrganization } from '../../helpers/digest-fixtures.js';
import { wiring } from '../../helpers/wiring.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('tracker digest preview', () => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await applyHistory(database.db, scriptExampleHistory(await seedExampleOrganization(database.db)));
    dir = mkdtempSync(join(tmpdir(), 'digest-preview-'));
  });
  afterAll(async () => {
    await database?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      ['digest', 'preview', ...args],
      {
        env: { DATABASE_URL: database.url, LOG_LEVEL: 'error', ...env },
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      },
      wiring,
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints every message as text in Japanese and writes the chart, posting nothing', async () => {
    const chart = join(dir, 'chart.png');
    const { code, out, err } = await run(['--at', '2026-11-30T00:00:00Z', '--chart', chart]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('幹部チャンネル: C0LEAD0001');
    expect(out).toContain('===== 週次ダイジェスト 1/1 (channel,');
    expect(out).toContain('# 週次進捗ダイジェスト 令和8年度');
    expect(out).toContain('*政策経営部*');
    expect(out).toContain('*区議会事務局*');
    expect(out).toContain(`グラフを ${chart} に書き出しました。`);
    const png = readFileSync(chart);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.length).toBeGreaterThan(20_000);
    expect(await database.db.delivery.count()).toBe(0);
  });

  it('prints a department digest in English on request', async () => {
    const { code, out } = await run([
      '--at',
      '2026-11-30T00:00:00Z',
      '--chart',
      join(dir, 'en.png'),
      '--lang',
      'en',
      '--department',
      'seisaku',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('# Weekly progress digest FY2026');
    expect(out).toContain('Department channel: C0SEISAK01');
    expect(out).toContain('# Policy and Management Department: weekly digest');
  });

  it('explains a bad --at, an unknown department and a missing fiscal year', async () => {
    const en = { TRACKER_LANG: 'en' };
    const bad = await run(['--at', 'next monday'], en);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--at must be an ISO-8601 instant');
    const unknown = await run(
      ['--at', '2026-11-30T00:00:00Z', '--chart', join(dir, 'x.png'), '--department', 'nope'],
      en,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No department with code nope');
    const empty = await run(['--at', '2031-05-01T00:00:00Z', '--chart', join(dir, 'none.png')], en);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('No fiscal year has been imported');
    expect(existsSync(join(dir, 'none.png'))).toBe(false);
  });
});
