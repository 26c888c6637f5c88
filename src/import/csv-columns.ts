/** The CSV columns: one row per target, organisation and department columns repeated (or blank). */
export const CSV_COLUMNS = [
  { name: 'fiscal_year', ja: '年度', scope: 'organization', required: true },
  { name: 'leadership_channel', ja: '幹部チャンネル', scope: 'organization', required: true },
  { name: 'organization_name', ja: '団体名', scope: 'organization' },
  { name: 'hq_users', ja: '本部ユーザー', scope: 'organization', list: true },
  { name: 'hq_department', ja: '本部の部コード', scope: 'organization' },
  { name: 'cadence', ja: '報告頻度', scope: 'organization' },
  { name: 'review', ja: '評価期間', scope: 'organization' },
  { name: 'department_code', ja: '部コード', scope: 'department', required: true },
  { name: 'department_name', ja: '部名', scope: 'department', required: true },
  { name: 'department_name_en', ja: '部名（英語）', scope: 'department' },
  { name: 'department_channel', ja: '部チャンネル', scope: 'department' },
  { name: 'department_cadence', ja: '部の報告頻度', scope: 'department' },
  { name: 'department_managers', ja: '管理職', scope: 'department', list: true },
  { name: 'department_members', ja: '職員', scope: 'department', list: true },
  { name: 'department_continues', ja: '引継元の部コード', scope: 'department', list: true },
  { name: 'target_code', ja: '目標コード', scope: 'target', required: true },
  { name: 'category', ja: '区分', scope: 'target', required: true },
  { name: 'title', ja: '目標名', scope: 'target', required: true },
  { name: 'description', ja: '説明', scope: 'target' },
  { name: 'owner', ja: '担当者', scope: 'target' },
  { name: 'indicator_kind', ja: '指標の種類', scope: 'target' },
  { name: 'indicator_unit', ja: '指標の単位', scope: 'target' },
  { name: 'indicator_baseline', ja: '基準値', scope: 'target' },
  { name: 'indicator_target', ja: '目標値', scope: 'target' },
  { name: 'milestones', ja: 'マイルストーン', scope: 'target' },
] as const satisfies readonly {
  name: string;
  ja: string;
  scope: 'organization' | 'department' | 'target';
  required?: boolean;
  list?: boolean;
}[];

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvColumnName = CsvColumn['name'];

/** Header cells compare after NFKC (full-width parentheses, spaces), trimming and lower-casing. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').trim().toLowerCase();
}

/** The column a header cell names, in English or Japanese. */
export function columnForHeader(header: string): CsvColumn | undefined {
  const key = normalizeHeader(header);
  return CSV_COLUMNS.find((c) => normalizeHeader(c.name) === key || normalizeHeader(c.ja) === key);
}

/** Separators inside list cells: spaces (also the ideographic one), commas, 、. */
export const LIST_SEPARATOR = /[\s,、，]+/u;
/** Between items of the review and milestones cells. */
export const REVIEW_SEPARATOR = /[|｜\n]/;
export const MILESTONE_SEPARATOR = /[;；\n]/;
