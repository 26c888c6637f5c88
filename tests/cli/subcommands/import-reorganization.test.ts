import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { wiring } from '../../helpers/wiring.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/reorganization');
const dir = mkdtempSync(join(tmpdir(), 'tracker-reorganization-cli-'));
const url = `file:${join(dir, 'tracker.db')}`;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { env: { DATABASE_URL: url }, out: (l) => out.push(l), err: (l) => err.push(l) },
    wiring,
  );
  return { code, out, err };
}

describe('tracker import of the next fiscal year', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the moves, renames, merges and splits a dry run would make, then makes them once', async () => {
    expect((await run(['import', join(FIXTURES, 'fy2026.yaml')])).code).toBe(0);

    const dry = await run(['import', join(FIXTURES, 'fy2027.yaml'), '--dry-run']);
    expect(dry.code).toBe(0);
    const start = dry.out.indexOf('組織改正・人事異動（予定）:');
    expect(start).toBeGreaterThan(-1);
    expect(dry.out.slice(start + 1, start + 15)).toEqual([
      '  名称変更: 企画部 → 企画経営部 (kikaku)',
      '  分割: 都市整備部 (toshi) → 都市整備部 (toshi-seibi)・都市計画部 (toshi-keikaku)',
      '  統合: 環境政策部 (kankyo-a)・清掃リサイクル部 (kankyo-b) → 環境部 (kankyo)',
      '  前年度までの目標の引継ぎ: 2026年度 KA-1: kankyo-a → kankyo',
      '  前年度までの目標の引継ぎ: 2026年度 KB-1: kankyo-b → kankyo',
      '  前年度までの目標の引継ぎ: 2026年度 TS-1: toshi → toshi-seibi',
      '  前年度までの目標の引継ぎ: 2026年度 TS-2: toshi → toshi-keikaku',
      '  前年度までの目標の引継ぎ: 2026年度 TS-3: toshi → toshi-seibi',
      '  異動: U0KANA0001: 環境政策部 (kankyo-a) → 環境部 (kankyo)',
      '  異動: U0KANB0001: 清掃リサイクル部 (kankyo-b) → 環境部 (kankyo)',
      '  異動: U0SOMU0002: 総務部 (somu) → 企画経営部 (kikaku)',
      '  異動: U0TOSH0001: 都市整備部 (toshi) → 都市整備部 (toshi-seibi)',
      '  異動: U0TOSH0002: 都市整備部 (toshi) → 都市計画部 (toshi-keikaku)',
      '  異動: U0TOSHM001: 都市整備部 (toshi) → 都市整備部 (toshi-seibi)',
    ]);

    const real = await run(['import', join(FIXTURES, 'fy2027.yaml')]);
    expect(real.code).toBe(0);
    expect(real.out).toContain('組織改正・人事異動:');
    const again = await run(['import', join(FIXTURES, 'fy2027.yaml')]);
    expect(again.code).toBe(0);
    expect(again.out.some((l) => l.startsWith('組織改正'))).toBe(false);
  });

  it('refuses a continues code the database does not know and names it, in Japanese by default', async () => {
    const bad = await run(['import', join(FIXTURES, 'fy2027-unknown-predecessor.yaml')]);
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toBe(
      'tracker import: 部 kankyo の引継元 kankyo-x はデータベースにある部ではありません\n何も取り込んでいません。',
    );
    const english = await run(['import', join(FIXTURES, 'fy2027-unknown-predecessor.yaml'), '--lang', 'en']);
    expect(english.err.join('\n')).toBe(
      'tracker import: department kankyo continues kankyo-x, which is not a department in the database\nNothing was imported.',
    );
  });
});
