import { join } from 'node:path';
import type { ImportProblem, ParsedOrganization } from '../../src/import/organization.js';

export const EXAMPLE_YAML = join(import.meta.dirname, '../../examples/itabashi-fy2026.yaml');
export const EXAMPLE_CSV = join(import.meta.dirname, '../../examples/itabashi-fy2026.csv');
export const EXAMPLE_XLSX = join(import.meta.dirname, '../../examples/itabashi-fy2026.xlsx');
/** The small example that names every person by e-mail address. */
export const EMAIL_YAML = join(import.meta.dirname, '../../examples/small-ward-email.yaml');
export const EMAIL_CSV = join(import.meta.dirname, '../../examples/small-ward-email.csv');
export const TEMPLATE_XLSX = join(import.meta.dirname, '../../examples/import-template.xlsx');

/** A small valid organisation file: two departments, three targets. */
export const SMALL_YAML = `fiscal_year: 2026
leadership_channel: C0LEAD0001
hq_users: [U0HQ000001]
hq_department: seisaku
cadence: biweekly
review:
  - { name: 自己評価, opens: 2027-06-01, closes: 2027-06-20 }
departments:
  - code: seisaku
    name: 政策経営部
    name_en: Policy and Management
    channel: C0SEISAK01
    managers: [U0SEISAKM1]
    members: [U0SEISAK01, U0SEISAK02]
    targets:
      - code: SK-1
        category: 施策
        title: 区公式LINEの開設
        description: |
          区公式LINEを開設し、
          情報発信を強化する
        owner: U0SEISAK01
        indicator: { kind: outcome, unit: '%', baseline: 0, target: 100 }
        milestones:
          - { title: 要件定義, due: 2026-09-30 }
          - { title: 開設, due: 2027-03-01 }
      - code: SK-2
        category: 改革
        title: 補正予算対応
  - code: somu
    name: 総務部
    cadence: weekly
    managers: [U0SOMUBUM1]
    members: [U0SOMUBUM1, U0SOMUBU01]
    targets:
      - code: SM-1
        category: 人材育成・活用
        title: 職員研修の充実
        milestones:
          - { title: 研修計画, due: 2026-05-15 }
`;

/** The problems of a failed parse, as printed lines (fails the test when the parse succeeded). */
export function problemLines(result: ParsedOrganization): string[] {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems.map((p: ImportProblem) => `${p.location}: ${p.message}`);
}
