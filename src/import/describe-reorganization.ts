import { type Locale, type MessageKey, t } from '../i18n/messages.js';
import type { DepartmentRef, Reorganization, Succession } from './plan-reorganization.js';

const KIND_KEYS: Record<Succession['kind'], MessageKey> = {
  rename: 'import.reorg.kind.rename',
  merge: 'import.reorg.kind.merge',
  split: 'import.reorg.kind.split',
  'split-off': 'import.reorg.kind.split_off',
};

/**
 * The lines the import prints about renames, merges, splits, targets handed over and people who
 * move between departments, in the clerk's language; none when the import changes no such thing.
 */
export function describeReorganization(r: Reorganization, options: { locale: Locale; dryRun: boolean }): string[] {
  const { locale } = options;
  const names = (list: DepartmentRef[]) =>
    list
      .map((d) => t(locale, 'import.reorg.department', { name: d.name, code: d.code }))
      .join(t(locale, 'import.reorg.separator'));
  const lines = [
    ...r.renames.map((n) => t(locale, 'import.reorg.renamed', { from: n.from, to: n.to, code: n.code })),
    ...r.successions.map((s) => t(locale, KIND_KEYS[s.kind], { from: names(s.from), to: names(s.to) })),
    ...r.targetMoves.map((m) =>
      t(locale, 'import.reorg.target_moved', { year: m.fiscalYear, code: m.code, from: m.from, to: m.to }),
    ),
    ...r.personMoves.map((m) =>
      t(locale, 'import.reorg.person_moved', { user: m.slackUserId, from: names(m.from), to: names(m.to) }),
    ),
  ];
  if (lines.length === 0) return [];
  return [t(locale, options.dryRun ? 'import.reorg.heading_dry_run' : 'import.reorg.heading'), ...lines];
}
