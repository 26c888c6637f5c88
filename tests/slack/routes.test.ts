import { describe, expect, it } from 'vitest';
import { createRouter, type Route } from '../../src/slack/routes.js';

type Args = { calls: string[] };
const recorder = (name: string): Route<Args>['listener'] => {
  return async (args) => {
    args.calls.push(name);
  };
};

describe('createRouter', () => {
  const routes: Route<Args>[] = [
    { id: '/progress', listener: recorder('progress') },
    { id: 'a.b', listener: recorder('dot') },
    { id: /targets_page_(next|previous)/, listener: recorder('page') },
    { id: 'targets_page_next_all', listener: recorder('all') },
  ];
  const router = createRouter(routes);

  it('matches exactly the ids of its routes, special characters taken literally', () => {
    for (const id of ['/progress', 'a.b', 'targets_page_next', 'targets_page_previous', 'targets_page_next_all']) {
      expect(router.pattern.test(id), id).toBe(true);
    }
    for (const id of [
      '/progressx',
      'x/progress',
      'aXb',
      'targets_page_',
      'xtargets_page_next',
      'targets_page_nexty',
      '',
    ]) {
      expect(router.pattern.test(id), id).toBe(false);
    }
  });

  it('hands a request to the route whose whole id it is, and only to that one', async () => {
    const args: Args = { calls: [] };
    expect(await router.dispatch('targets_page_next_all', args)).toBe(true);
    expect(await router.dispatch('targets_page_previous', args)).toBe(true);
    expect(await router.dispatch('/progress', args)).toBe(true);
    expect(args.calls).toEqual(['all', 'page', 'progress']);
  });

  it('reports an id no route has, and calls nothing', async () => {
    const args: Args = { calls: [] };
    expect(await router.dispatch('review_open', args)).toBe(false);
    expect(await router.dispatch('aXb', args)).toBe(false);
    expect(args.calls).toEqual([]);
  });

  it('passes a listener’s failure on to the caller', async () => {
    const failing = createRouter<Args>([
      {
        id: 'boom',
        listener: async () => {
          throw new Error('listener failed');
        },
      },
    ]);
    await expect(failing.dispatch('boom', { calls: [] })).rejects.toThrow('listener failed');
  });

  it('refuses no routes, and patterns whose flags joining would drop', () => {
    expect(() => createRouter<Args>([])).toThrow('at least one route');
    expect(() => createRouter<Args>([{ id: /abc/i, listener: recorder('x') }])).toThrow('has flags');
  });
});
