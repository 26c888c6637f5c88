import { describe, expect, it } from 'vitest';
import { matchesSearch, searchKey } from '../../src/domain/search-text.js';

describe('search text', () => {
  it('normalises with NFKC, folds case and trims', () => {
    expect(searchKey(' ＳＫ－１ ')).toBe('sk-1');
    expect(searchKey('ｿｳﾑ')).toBe('ソウム');
    expect(searchKey('Policy')).toBe('policy');
  });

  it('matches literally as a substring; an empty query matches everything', () => {
    expect(matchesSearch('ＳＫ－１', ['SK-1', null])).toBe(true);
    expect(matchesSearch('%', ['SK-1', '区公式LINE'])).toBe(false);
    expect(matchesSearch('_', ['SK-1'])).toBe(false);
    expect(matchesSearch('100%', ['満足度100%以上'])).toBe(true);
    expect(matchesSearch('', ['x'])).toBe(true);
    expect(matchesSearch('x', [undefined, null])).toBe(false);
  });
});
