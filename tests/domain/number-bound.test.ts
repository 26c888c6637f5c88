import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { achievementPercent, measureAchievement } from '../../src/domain/achievement.js';
import { isWithinBound, NUMBER_BOUND } from '../../src/domain/parse-number.js';
import { parseProgressSubmission } from '../../src/domain/progress-submission.js';
import { AppError } from '../../src/errors.js';
import { evaluationSheetCsv } from '../../src/export/csv.js';
import { evaluationSheetXlsx } from '../../src/export/xlsx.js';
import { validateOrganization } from '../../src/import/validate-organization.js';
import { recordOwnProgressUpdate } from '../../src/services/progress/record-own-progress-update.js';
import { listEvaluationRows } from '../../src/services/review/list-evaluation-rows.js';
import { seedSmallOrg } from '../helpers/seed.js';
import { seededTestDatabase } from '../helpers/seeded-database.js';

const SHEET_TITLE = { organization: '板橋区', fiscalYear: 2026, asOf: '2026-12-05' };

/** A /progress submission for target 1 with the given value. */
function modalWith(value: string) {
  return parseProgressSubmission({
    target: { progress_target: { selected_option: { value: '1' } } },
    status: { status: { selected_option: { value: 'on_track' } } },
    value: { value: { value } },
  });
}

/** An organisation file whose one target has the given indicator numbers. */
function organizationWith(baseline: unknown, target: unknown) {
  return {
    fiscal_year: 2026,
    leadership_channel: 'C0LEAD0001',
    departments: [
      {
        code: 'seisaku',
        name: '政策経営部',
        members: ['U0SEISAK01'],
        targets: [
          {
            code: 'SK-1',
            category: '施策',
            title: '区公式LINEの開設',
            indicator: { kind: 'outcome', baseline, target },
          },
        ],
      },
    ],
  };
}

describe('the bound on entered numbers', () => {
  it('is 10^12 either way', () => {
    expect(NUMBER_BOUND).toBe(1e12);
    expect(isWithinBound(1e12)).toBe(true);
    expect(isWithinBound(-1e12)).toBe(true);
    expect(isWithinBound(1e12 + 1)).toBe(false);
    expect(isWithinBound(Number.NaN)).toBe(false);
  });

  it('the modal takes the bound and refuses beyond it with a message naming the range', () => {
    for (const text of ['1e12', '-1,000,000,000,000', `１${'０'.repeat(12)}`]) {
      const result = modalWith(text);
      expect(result.ok, text).toBe(true);
    }
    for (const text of ['1e308', '-1e308', '1000000000001', '1e13']) {
      const result = modalWith(text);
      expect(result, text).toEqual({
        ok: false,
        errors: [{ blockId: 'value', key: 'progress.validation.number_range', params: { max: '1,000,000,000,000' } }],
      });
    }
  });

  it('the import (YAML, CSV and so the CLI) takes the bound and refuses beyond it', () => {
    expect(validateOrganization(organizationWith(-1e12, 1e12)).errors).toEqual([]);
    expect(validateOrganization(organizationWith(1e12, -1e12)).errors).toEqual([]);
    const errors = validateOrganization(organizationWith(1e308, 1e13)).errors.map((e) => e.message);
    expect(errors).toEqual([
      'must be between -1,000,000,000,000 and 1,000,000,000,000, not 1e+308',
      'must be between -1,000,000,000,000 and 1,000,000,000,000, not 10000000000000',
    ]);
  });

  it('every achievement figure from numbers within the bound is finite', () => {
    const extremes = [-1e12, -1, -1e-9, 0, 1e-9, 1, 1e12];
    for (const baseline of extremes) {
      for (const target of extremes) {
        for (const actual of extremes) {
          const percent = achievementPercent({ baseline, target, actual });
          if (percent !== null) expect(Number.isFinite(percent), `${baseline} ${target} ${actual}`).toBe(true);
        }
      }
    }
    expect(achievementPercent({ baseline: -1e12, target: -1e12 + 10_000, actual: 1e12 })).toBe(2e10);
  });

  it('a number beyond the bound found in the database counts as missing, never as Infinity', () => {
    expect(measureAchievement({ baseline: 0, target: 100, actual: 1e308 })).toEqual({ kind: 'no_value' });
    expect(measureAchievement({ baseline: -1e308, target: 100, actual: 5 })).toEqual({ kind: 'no_indicator' });
  });
});

describe('the bound through storage to the evaluation sheet', () => {
  const env = seededTestDatabase('sqlite', async (db) => {
    const org = await seedSmallOrg(db);
    // SK-1 measures 0 → 100 (seed); the report at the bound gives 10^12 %.
    await db.target.update({ where: { id: org.targets.sk1 }, data: { indicatorBaseline: 0, indicatorTarget: 100 } });
    return org;
  });

  it('the service refuses a value beyond the bound whoever calls it', async () => {
    const update = {
      targetId: env.org.targets.sk1,
      reporterId: 'USTAFF001',
      status: 'on_track' as const,
      value: 1e308,
      percent: null,
      comment: null,
      reportedAt: new Date('2026-11-20T01:00:00Z'),
    };
    await expect(recordOwnProgressUpdate(env.db, update)).rejects.toThrow(AppError);
    await expect(recordOwnProgressUpdate(env.db, update)).rejects.toMatchObject({ code: 'number_out_of_range' });
    expect(await env.db.progressUpdate.count()).toBe(0);
  });

  it('exports a value at the bound, and one stored beyond it before the bound, as finite cells', async () => {
    const result = modalWith('1e12');
    if (!result.ok) throw new Error('the bound is accepted');
    await recordOwnProgressUpdate(env.db, {
      ...result.submission,
      targetId: env.org.targets.sk1,
      reporterId: 'USTAFF001',
      reportedAt: new Date('2026-11-20T01:00:00Z'),
    });
    // Written past the services, as an older version could have stored it.
    await env.db.progressUpdate.create({
      data: {
        targetId: env.org.targets.sk2,
        reporterId: 'USTAFF001',
        reportedAt: new Date('2026-11-20T01:00:00Z'),
        status: 'on_track',
        value: 1e308,
      },
    });
    await env.db.target.update({
      where: { id: env.org.targets.sk2 },
      data: { indicatorBaseline: 0, indicatorTarget: 1 },
    });
    const rows = await listEvaluationRows(env.db, { fiscalYear: 2026, timeZone: 'Asia/Tokyo' });
    const sk1 = rows.find((r) => r.code === 'SK-1');
    expect(sk1?.actual).toBe(1e12);
    expect(sk1?.achievementPercent).toBe(1e12);
    expect(rows.find((r) => r.code === 'SK-2')?.achievementPercent).toBeNull();
    for (const row of rows) {
      for (const n of [row.baseline, row.target, row.achievementPercent]) {
        if (n !== null) expect(Number.isFinite(n)).toBe(true);
      }
    }
    const csv = evaluationSheetCsv(rows, { locale: 'ja' }).toString('utf8');
    expect(csv).not.toMatch(/Infinity|NaN/);
    const sheets = await readXlsxFile(await evaluationSheetXlsx(rows, { locale: 'ja' }, SHEET_TITLE));
    const cells = (sheets[0]?.data ?? []).flat();
    for (const cell of cells) if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
    expect(cells).toContain(1e12);
  });
});
