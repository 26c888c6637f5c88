import type { Db } from '../../db/client.js';
import { DEFAULT_GRADE_LADDER, GRADE_LADDER_SETTING, type GradeLadder, parseGradeLadder } from '../../review/grades.js';

/** The organisation's grade ladder (Setting grade_ladder); the default S/A/B/C/D when unset or malformed. */
export async function getGradeLadder(db: Db): Promise<GradeLadder> {
  const setting = await db.setting.findUnique({ where: { key: GRADE_LADDER_SETTING } });
  return parseGradeLadder(setting?.value) ?? DEFAULT_GRADE_LADDER;
}
