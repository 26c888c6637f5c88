import { describe, expect, it } from 'vitest';
import { listReportableTargets } from '../../../src/services/progress/list-reportable-targets.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seedSmallOrg } from '../../helpers/seed.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';

describe.each(PROVIDERS)('listReportableTargets on %s', (provider) => {
  const env = seededTestDatabase(provider, seedSmallOrg);

  it('lists only the targets of the person’s departments for the fiscal year, in order, up to a limit', async () => {
    const targets = await listReportableTargets(env.db, { slackUserId: 'USTAFF001', fiscalYear: 2026 });
    expect(targets.map((t) => t.code)).toEqual(['SK-1', 'SK-2']);
    expect(await listReportableTargets(env.db, { slackUserId: 'USTAFF001', fiscalYear: 2025 })).toEqual([]);
    const limited = await listReportableTargets(env.db, { slackUserId: 'USTAFF001', fiscalYear: 2026, limit: 1 });
    expect(limited.map((t) => t.code)).toEqual(['SK-1']);
    const searched = await listReportableTargets(env.db, {
      slackUserId: 'USTAFF001',
      fiscalYear: 2026,
      query: 'LINE',
    });
    expect(searched.map((t) => t.code)).toEqual(['SK-1']);
  });

  it('puts the targets the person owns first and marks them, before a limit applies', async () => {
    // USTAFF002 owns SK-2; USTAFF001 owns SK-1.
    const of = async (slackUserId: string, limit?: number) =>
      (await listReportableTargets(env.db, { slackUserId, fiscalYear: 2026, ...(limit ? { limit } : {}) })).map(
        (t) => `${t.code}${t.own ? '★' : ''}`,
      );
    expect(await of('USTAFF002')).toEqual(['SK-2★', 'SK-1']);
    expect(await of('USTAFF002', 1)).toEqual(['SK-2★']);
    expect(await of('USTAFF001')).toEqual(['SK-1★', 'SK-2']);
    expect(await of('UMGR00001')).toEqual(['SK-1', 'SK-2']);
  });

  it('searches literally (%, _ and \\ are ordinary characters) and NFKC-normalised on both sides', async () => {
    // SK-2's title holds the LIKE wildcards and the escape character; SK-1's holds full-width letters.
    await env.db.target.update({ where: { id: env.org.targets.sk2 }, data: { title: '窓口満足度100%_以上\\改善' } });
    await env.db.target.update({ where: { id: env.org.targets.sk1 }, data: { title: 'ＬＩＮＥ公式アカウント' } });
    const search = async (query: string) =>
      (await listReportableTargets(env.db, { slackUserId: 'USTAFF001', fiscalYear: 2026, query })).map((t) => t.code);
    expect(await search('%')).toEqual(['SK-2']);
    expect(await search('_')).toEqual(['SK-2']);
    expect(await search('0%_')).toEqual(['SK-2']);
    expect(await search('\\')).toEqual(['SK-2']);
    expect(await search('%%')).toEqual([]);
    expect(await search('S_-1')).toEqual([]);
    expect(await search('ＳＫ－１')).toEqual(['SK-1']);
    expect(await search('ｓｋ－２')).toEqual(['SK-2']);
    expect(await search('line')).toEqual(['SK-1']);
    expect(await search('ＬＩＮＥ')).toEqual(['SK-1']);
    expect(await search('  ')).toEqual(['SK-1', 'SK-2']);
    // The limit applies to the matches.
    expect(
      (await listReportableTargets(env.db, { slackUserId: 'USTAFF001', fiscalYear: 2026, query: 'sk', limit: 1 })).map(
        (t) => t.code,
      ),
    ).toEqual(['SK-1']);
  });
});
