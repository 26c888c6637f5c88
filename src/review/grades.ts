import { z } from 'zod';
import { type IndicatorFacts, measureAchievement } from '../domain/achievement.js';

/**
 * Grade ladders of the yearly review (行政評価) and the rule that suggests a grade for an
 * indicator target. The bands are data: an organisation picks a ladder with the Setting
 * `grade_ladder` ("SABCD", "ABC", or a JSON list of bands) and nothing in the code branches on
 * a particular grade letter. The achievement % they grade is src/domain/achievement.ts's.
 *
 * Default ladder (SABCD)        Alternative ladder (ABC)
 *   S  110 % or more              A  100 % or more
 *   A  100 % or more              B   70 % or more
 *   B   80 % or more              C  below 70 %
 *   C   60 % or more
 *   D  below 60 % (and negative achievement)
 */

/** One grade and the lowest achievement % that earns it; null marks the catch-all bottom band. */
export interface GradeBand {
  grade: string;
  minPercent: number | null;
}

/** A ladder's bands, best grade first; the last band (minPercent null) catches everything below. */
export interface GradeLadder {
  id: string;
  bands: GradeBand[];
}

export const GRADE_LADDERS = {
  SABCD: {
    id: 'SABCD',
    bands: [
      { grade: 'S', minPercent: 110 },
      { grade: 'A', minPercent: 100 },
      { grade: 'B', minPercent: 80 },
      { grade: 'C', minPercent: 60 },
      { grade: 'D', minPercent: null },
    ],
  },
  ABC: {
    id: 'ABC',
    bands: [
      { grade: 'A', minPercent: 100 },
      { grade: 'B', minPercent: 70 },
      { grade: 'C', minPercent: null },
    ],
  },
} as const satisfies Record<string, GradeLadder>;

export const DEFAULT_GRADE_LADDER: GradeLadder = GRADE_LADDERS.SABCD;

/** The Setting key that selects the organisation's ladder. */
export const GRADE_LADDER_SETTING = 'grade_ladder';

const customLadder = z
  .array(
    z.object({
      grade: z.string().trim().min(1).max(10),
      min: z.number().finite().nullable().optional(),
    }),
  )
  .min(2)
  .max(10)
  .superRefine((bands, ctx) => {
    const grades = new Set(bands.map((b) => b.grade));
    if (grades.size !== bands.length) ctx.addIssue({ code: 'custom', message: 'grades must be unique' });
    const last = bands[bands.length - 1];
    if (last?.min !== null && last?.min !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'the last band must have no minimum' });
    }
    const mins = bands.slice(0, -1).map((b) => b.min);
    if (mins.some((m) => m === null || m === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'every band but the last needs a minimum' });
    }
    for (let i = 1; i < mins.length; i++) {
      if ((mins[i] ?? 0) >= (mins[i - 1] ?? 0)) {
        ctx.addIssue({ code: 'custom', message: 'minimums must decrease from the best grade down' });
      }
    }
  });

/**
 * Reads the `grade_ladder` setting: a ladder name ("SABCD", "S/A/B/C/D", "ABC", "A/B/C") or a JSON
 * list such as [{"grade":"A","min":100},{"grade":"B","min":70},{"grade":"C"}]. Null when unset
 * or malformed, so the caller can fall back to the default and say so.
 */
export function parseGradeLadder(value: string | null | undefined): GradeLadder | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  const compact = text.replace(/[\s/,・]/g, '').toUpperCase();
  if (compact === 'SABCD') return GRADE_LADDERS.SABCD;
  if (compact === 'ABC') return GRADE_LADDERS.ABC;
  if (!text.startsWith('[')) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = customLadder.safeParse(json);
  if (!parsed.success) return null;
  return {
    id: 'custom',
    bands: parsed.data.map((b, i) => ({
      grade: b.grade,
      minPercent: i === parsed.data.length - 1 ? null : (b.min ?? null),
    })),
  };
}

/** The grades of a ladder, best first. */
export function ladderGrades(ladder: GradeLadder): string[] {
  return ladder.bands.map((b) => b.grade);
}

/** True when grade belongs to the ladder. */
export function isLadderGrade(ladder: GradeLadder, grade: string): boolean {
  return ladder.bands.some((b) => b.grade === grade);
}

/** The grade whose band contains an achievement percentage. */
export function gradeForPercent(ladder: GradeLadder, percent: number): string {
  for (const band of ladder.bands) {
    if (band.minPercent === null || percent >= band.minPercent) return band.grade;
  }
  // A valid ladder ends with a catch-all band; this only guards a hand-built one.
  return ladder.bands[ladder.bands.length - 1]?.grade ?? '';
}

export type SuggestionReason =
  /** Percentage computed and graded. */
  | 'computed'
  /** No baseline or no target value: not an indicator target. */
  | 'no_indicator'
  /** Nothing reported for the indicator yet. */
  | 'no_value'
  /** Target equals baseline ("keep it at"), and the value is exactly the target. */
  | 'zero_range_reached'
  /** Target equals baseline and the value differs: without a range no direction is known. */
  | 'zero_range_missed';

export interface GradeSuggestion {
  grade: string | null;
  /** Achievement %, unrounded but free of float noise; null when it cannot be computed. */
  percent: number | null;
  reason: SuggestionReason;
}

/**
 * Suggests a grade from baseline, target and the latest value by the achievement rule
 * (src/domain/achievement.ts). A target equal to its baseline ("keep at 0 accidents") has no
 * range: reaching the value exactly earns the grade of the 100 % band; any other value gets no
 * suggestion because the good direction is unknown.
 */
export function suggestGrade(facts: IndicatorFacts, ladder: GradeLadder): GradeSuggestion {
  const achievement = measureAchievement(facts);
  switch (achievement.kind) {
    case 'no_indicator':
    case 'no_value':
      return { grade: null, percent: null, reason: achievement.kind };
    case 'zero_range':
      return achievement.reached
        ? { grade: gradeForPercent(ladder, 100), percent: null, reason: 'zero_range_reached' }
        : { grade: null, percent: null, reason: 'zero_range_missed' };
    case 'percent':
      return { grade: gradeForPercent(ladder, achievement.percent), percent: achievement.percent, reason: 'computed' };
  }
}
