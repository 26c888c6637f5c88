import { CATEGORIES } from '../domain/status.js';

export interface EvaluationOrderKey {
  departmentSortOrder: number;
  departmentCode: string;
  category: string;
  sortOrder: number;
  code: string;
}

/** 施策, 改革, 人材育成・活用 first, in that order; any other category after them, by name. */
export function categoryRank(category: string): number {
  const index = (CATEGORIES as readonly string[]).indexOf(category);
  return index >= 0 ? index : CATEGORIES.length;
}

/** The evaluation sheet's order: department, category, then the target's own order and code. */
export function compareEvaluationOrder(a: EvaluationOrderKey, b: EvaluationOrderKey): number {
  return (
    a.departmentSortOrder - b.departmentSortOrder ||
    a.departmentCode.localeCompare(b.departmentCode) ||
    categoryRank(a.category) - categoryRank(b.category) ||
    (categoryRank(a.category) === CATEGORIES.length ? a.category.localeCompare(b.category) : 0) ||
    a.sortOrder - b.sortOrder ||
    a.code.localeCompare(b.code, 'en', { numeric: true })
  );
}
