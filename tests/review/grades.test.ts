import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRADE_LADDER,
  GRADE_LADDERS,
  gradeForPercent,
  isLadderGrade,
  ladderGrades,
  parseGradeLadder,
  suggestGrade,
} from '../../src/review/grades.js';

const SABCD = GRADE_LADDERS.SABCD;
const ABC = GRADE_LADDERS.ABC;

describe('grade ladders', () => {
  it('defaults to S/A/B/C/D with the documented bands', () => {
    expect(DEFAULT_GRADE_LADDER).toBe(SABCD);
    expect(SABCD.bands.map((b) => [b.grade, b.minPercent])).toEqual([
      ['S', 110],
      ['A', 100],
      ['B', 80],
      ['C', 60],
      ['D', null],
    ]);
    expect(ladderGrades(ABC)).toEqual(['A', 'B', 'C']);
  });

  it('grades the band edges of both ladders', () => {
    const sabcd: [number, string][] = [
      [150, 'S'],
      [110, 'S'],
      [109.9, 'A'],
      [100, 'A'],
      [99.9, 'B'],
      [80, 'B'],
      [79.9, 'C'],
      [60, 'C'],
      [59.9, 'D'],
      [0, 'D'],
      [-25, 'D'],
    ];
    for (const [p, g] of sabcd) expect(gradeForPercent(SABCD, p), `${p}%`).toBe(g);
    const abc: [number, string][] = [
      [130, 'A'],
      [100, 'A'],
      [99, 'B'],
      [70, 'B'],
      [69.9, 'C'],
      [-10, 'C'],
    ];
    for (const [p, g] of abc) expect(gradeForPercent(ABC, p), `${p}%`).toBe(g);
  });

  it('reads the grade_ladder setting by name or as JSON bands, and rejects malformed ones', () => {
    expect(parseGradeLadder('SABCD')).toBe(SABCD);
    expect(parseGradeLadder('S/A/B/C/D')).toBe(SABCD);
    expect(parseGradeLadder(' a/b/c ')).toBe(ABC);
    expect(parseGradeLadder(null)).toBeNull();
    expect(parseGradeLadder('XYZ')).toBeNull();
    expect(parseGradeLadder('[{"grade":"◎","min":100},{"grade":"○","min":50},{"grade":"△"}]')).toEqual({
      id: 'custom',
      bands: [
        { grade: '◎', minPercent: 100 },
        { grade: '○', minPercent: 50 },
        { grade: '△', minPercent: null },
      ],
    });
    // Minimums must decrease, grades be unique, and the last band catch everything.
    expect(parseGradeLadder('[{"grade":"A","min":50},{"grade":"B","min":70},{"grade":"C"}]')).toBeNull();
    expect(parseGradeLadder('[{"grade":"A","min":100},{"grade":"A"}]')).toBeNull();
    expect(parseGradeLadder('[{"grade":"A","min":100},{"grade":"B","min":0}]')).toBeNull();
    expect(parseGradeLadder('[not json')).toBeNull();
  });

  it('knows which grades belong to a ladder', () => {
    expect(isLadderGrade(SABCD, 'S')).toBe(true);
    expect(isLadderGrade(ABC, 'S')).toBe(false);
  });
});

describe('suggested grade', () => {
  it('computes achievement for "higher is better" targets', () => {
    expect(suggestGrade({ baseline: 0, target: 100, actual: 85 }, SABCD)).toEqual({
      grade: 'B',
      percent: 85,
      reason: 'computed',
    });
    expect(suggestGrade({ baseline: 400, target: 500, actual: 520 }, SABCD)).toMatchObject({
      grade: 'S',
      percent: 120,
    });
  });

  it('works when the target is below the baseline ("lower is better")', () => {
    // Waiting time 60 → 45 minutes; 48 minutes is 80 % of the way.
    expect(suggestGrade({ baseline: 60, target: 45, actual: 48 }, SABCD)).toEqual({
      grade: 'B',
      percent: 80,
      reason: 'computed',
    });
    expect(suggestGrade({ baseline: 160, target: 130, actual: 125 }, SABCD)).toMatchObject({
      grade: 'S',
      percent: expect.closeTo(116.667, 3),
    });
    // Going up when it should go down is negative achievement.
    expect(suggestGrade({ baseline: 60, target: 45, actual: 66 }, SABCD)).toMatchObject({ grade: 'D', percent: -40 });
  });

  it('handles negative achievement and values beyond the target', () => {
    expect(suggestGrade({ baseline: 10, target: 20, actual: 5 }, SABCD)).toMatchObject({ grade: 'D', percent: -50 });
    expect(suggestGrade({ baseline: 10, target: 20, actual: 40 }, SABCD)).toMatchObject({ grade: 'S', percent: 300 });
    expect(suggestGrade({ baseline: 10, target: 20, actual: 40 }, ABC)).toMatchObject({ grade: 'A', percent: 300 });
  });

  it('gives no suggestion without an indicator or without a value', () => {
    expect(suggestGrade({ baseline: null, target: null, actual: 3 }, SABCD)).toEqual({
      grade: null,
      percent: null,
      reason: 'no_indicator',
    });
    expect(suggestGrade({ baseline: null, target: 100, actual: 3 }, SABCD).reason).toBe('no_indicator');
    expect(suggestGrade({ baseline: 0, target: 100, actual: null }, SABCD)).toEqual({
      grade: null,
      percent: null,
      reason: 'no_value',
    });
  });

  it('treats a target equal to its baseline as "keep it there": top grade of the 100 % band only on target', () => {
    expect(suggestGrade({ baseline: 0, target: 0, actual: 0 }, SABCD)).toEqual({
      grade: 'A',
      percent: null,
      reason: 'zero_range_reached',
    });
    expect(suggestGrade({ baseline: 5, target: 5, actual: 5 }, ABC).grade).toBe('A');
    expect(suggestGrade({ baseline: 0, target: 0, actual: 2 }, SABCD)).toEqual({
      grade: null,
      percent: null,
      reason: 'zero_range_missed',
    });
  });

  it('does not let float noise drop a value into the lower band', () => {
    // 0.7 * 100 is 70.00000000000001 and 0.57 * 100 is 56.99999999999999 in binary floating point.
    expect(suggestGrade({ baseline: 0, target: 1, actual: 0.7 }, ABC)).toMatchObject({ grade: 'B', percent: 70 });
    expect(suggestGrade({ baseline: 0.1, target: 0.3, actual: 0.22 }, SABCD)).toMatchObject({
      percent: 60,
      grade: 'C',
    });
  });

  it('never grades a better value lower, whichever direction the target runs (property)', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(finite, finite, finite, finite, (baseline, target, x, y) => {
        fc.pre(Math.abs(target - baseline) > 1e-3);
        const rank = (actual: number) => {
          const grade = suggestGrade({ baseline, target, actual }, SABCD).grade as string;
          return ladderGrades(SABCD).indexOf(grade);
        };
        const up = target > baseline;
        const [worse, better] = (up ? x <= y : x >= y) ? [x, y] : [y, x];
        // Lower index = better grade.
        expect(rank(better)).toBeLessThanOrEqual(rank(worse));
        expect(suggestGrade({ baseline, target, actual: target }, SABCD).grade).toBe('A');
      }),
    );
  });
});
