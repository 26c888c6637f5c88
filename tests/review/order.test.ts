import { describe, expect, it } from 'vitest';
import { categoryRank, compareEvaluationOrder, type EvaluationOrderKey } from '../../src/review/order.js';

const key = (k: Partial<EvaluationOrderKey>): EvaluationOrderKey => ({
  departmentSortOrder: 1,
  departmentCode: 'a',
  category: '施策',
  sortOrder: 0,
  code: 'X-1',
  ...k,
});

describe('evaluation sheet order', () => {
  it('puts 施策, 改革, 人材育成・活用 first and other categories after, by name', () => {
    expect(['施策', '改革', '人材育成・活用', 'その他'].map(categoryRank)).toEqual([0, 1, 2, 3]);
    const keys = [
      key({ category: '人材育成・活用', code: 'c' }),
      key({ category: 'その他B', code: 'e' }),
      key({ category: '改革', code: 'b' }),
      key({ category: 'その他A', code: 'd' }),
      key({ category: '施策', code: 'a' }),
    ];
    expect(keys.sort(compareEvaluationOrder).map((k) => k.code)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('orders departments first, then the target order, then codes numerically', () => {
    const keys = [
      key({ departmentSortOrder: 2, code: 'B-1' }),
      key({ sortOrder: 2, code: 'A-10' }),
      key({ sortOrder: 2, code: 'A-9' }),
      key({ sortOrder: 1, code: 'A-11' }),
    ];
    expect(keys.sort(compareEvaluationOrder).map((k) => k.code)).toEqual(['A-11', 'A-9', 'A-10', 'B-1']);
  });
});
