import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../src/cache/ttl-cache.js';

describe('TtlCache', () => {
  it('returns a value until its time to live has passed', () => {
    const cache = new TtlCache<string>(1000);
    cache.set('a', 'x', 0);
    expect(cache.get('a', 999)).toBe('x');
    expect(cache.get('a', 1000)).toBeUndefined();
    expect(cache.get('missing', 0)).toBeUndefined();
  });

  it('evicts the oldest entry when full, and a re-set entry counts as new', () => {
    const cache = new TtlCache<number>(10_000, 2);
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    cache.set('a', 3, 1);
    cache.set('c', 4, 2);
    expect(cache.get('b', 3)).toBeUndefined();
    expect(cache.get('a', 3)).toBe(3);
    expect(cache.get('c', 3)).toBe(4);
    cache.clear();
    expect(cache.get('a', 3)).toBeUndefined();
  });
});
