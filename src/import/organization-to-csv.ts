import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, MILESTONE_SEPARATOR, REVIEW_SEPARATOR } from './csv-columns.js';
import type { Organization } from './organization.js';

/**
 * Writes an organisation as import CSV: one row per target (a department without targets gets one
 * row of its own), every organisation and department column repeated so rows can be sorted and
 * filtered in Excel. With bom, Japanese Excel opens the UTF-8 file correctly.
 */
export function organizationToCsv(org: Organization, options: { headers?: 'en' | 'ja'; bom?: boolean } = {}): string {
  const csv = stringify(organizationToRecords(org, options), { record_delimiter: 'windows' });
  return options.bom ? `\uFEFF${csv}` : csv;
}

/** The import sheet's records for an organisation: the header, then one row per target. */
export function organizationToRecords(org: Organization, options: { headers?: 'en' | 'ja' } = {}): string[][] {
  const header = CSV_COLUMNS.map((c) => (options.headers === 'ja' ? c.ja : c.name));
  const organization = {
    fiscal_year: String(org.fiscalYear),
    leadership_channel: org.leadershipChannel,
    organization_name: org.organizationName ?? '',
    hq_users: org.hqUsers?.join(' ') ?? '',
    hq_department: org.hqDepartment ?? '',
    cadence: org.cadence ?? '',
    review: org.review
      .map((w) => `${checkItem(w.name, REVIEW_SEPARATOR, 'review window name')}:${w.opensOn}..${w.closesOn}`)
      .join('|'),
  };
  const rows: string[][] = [];
  for (const d of org.departments) {
    const department = {
      department_code: d.code,
      department_name: d.name,
      department_name_en: d.nameEn ?? '',
      department_channel: d.channelId ?? '',
      department_cadence: d.cadence ?? '',
      department_managers: d.managers.join(' '),
      department_members: d.members.join(' '),
      department_continues: d.continues.join(' '),
    };
    const targets = d.targets.length > 0 ? d.targets : [undefined];
    for (const t of targets) {
      const target: Record<string, string> = t
        ? {
            target_code: t.code,
            category: t.category,
            title: t.title,
            description: t.description ?? '',
            owner: t.ownerId ?? '',
            indicator_kind: t.indicator?.kind ?? '',
            indicator_unit: t.indicator?.unit ?? '',
            indicator_baseline: t.indicator?.baseline?.toString() ?? '',
            indicator_target: t.indicator?.target?.toString() ?? '',
            milestones: t.milestones
              .map((m) => `${checkItem(m.title, MILESTONE_SEPARATOR, 'milestone title')}@${m.dueOn}`)
              .join('; '),
          }
        : {};
      const cells: Record<string, string> = { ...organization, ...department, ...target };
      rows.push(CSV_COLUMNS.map((c) => cells[c.name] ?? ''));
    }
  }
  return [header, ...rows];
}

function checkItem(text: string, separator: RegExp, what: string): string {
  if (separator.test(text)) throw new RangeError(`${what} "${text}" contains a separator and cannot be written to CSV`);
  return text;
}
