import type { DepartmentRef, Reorganization, Succession } from './plan-reorganization.js';

const LABELS = {
  ja: {
    heading: (dryRun: boolean) => (dryRun ? '組織改正・人事異動（予定）:' : '組織改正・人事異動:'),
    rename: '名称変更',
    kinds: { rename: '改称（部コード変更）', merge: '統合', split: '分割', 'split-off': '分離・新設' },
    targets: '前年度までの目標の引継ぎ',
    people: '異動',
    year: (year: number) => `${year}年度`,
    join: '・',
  },
  en: {
    heading: (dryRun: boolean) =>
      dryRun ? 'Reorganisation and staff moves (would be made):' : 'Reorganisation and staff moves:',
    rename: 'renamed',
    kinds: { rename: 'continued under a new code', merge: 'merged', split: 'split', 'split-off': 'split off' },
    targets: 'earlier targets handed over',
    people: 'moved',
    year: (year: number) => `FY${year}`,
    join: ', ',
  },
} as const;

/**
 * The lines the import prints about renames, merges, splits, targets handed over and people who
 * move between departments, in the clerk's language; none when the import changes no such thing.
 */
export function describeReorganization(r: Reorganization, options: { locale: 'ja' | 'en'; dryRun: boolean }): string[] {
  const l = LABELS[options.locale];
  const name = (d: DepartmentRef) => `${d.name} (${d.code})`;
  const names = (list: DepartmentRef[]) => list.map(name).join(l.join);
  const succession = (s: Succession) => `  ${l.kinds[s.kind]}: ${names(s.from)} → ${names(s.to)}`;
  const lines = [
    ...r.renames.map((n) => `  ${l.rename}: ${n.from} → ${n.to} (${n.code})`),
    ...r.successions.map(succession),
    ...r.targetMoves.map((m) => `  ${l.targets}: ${l.year(m.fiscalYear)} ${m.code}: ${m.from} → ${m.to}`),
    ...r.personMoves.map((m) => `  ${l.people}: ${m.slackUserId}: ${names(m.from)} → ${names(m.to)}`),
  ];
  return lines.length > 0 ? [l.heading(options.dryRun), ...lines] : [];
}
