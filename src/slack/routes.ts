/**
 * Bolt runs the middleware chain of every registered listener for every request (App.processEvent
 * maps over all of them, spreading the request's arguments for each), so an app with 15 listeners
 * paid for 15 chains on every /progress (docs/benchmarks.md, seventh session). The app registers
 * one Bolt listener per kind of request instead, and that listener hands the request to the route
 * whose id Slack named.
 */
export interface Route<Args> {
  /** What Slack names: a command ("/progress"), an action_id or a callback_id. A RegExp must match the whole id. */
  id: string | RegExp;
  // Method syntax on purpose: a route may take a narrower payload (a button's action) than its
  // kind's, which its id alone guarantees, as Bolt's own generic listeners assume.
  listener(args: Args): Promise<void>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

function wholeId(id: string | RegExp): string {
  if (typeof id === 'string') return escapeRegExp(id);
  if (id.flags !== '') throw new Error(`route pattern ${id} has flags; they would be lost when joined`);
  return `(?:${id.source})`;
}

export interface Router<Args> {
  /** Matches exactly the ids of the routes: the constraint of the kind's single Bolt listener. */
  pattern: RegExp;
  /** Hands a request to the first route whose id is `id`; false when none is. */
  dispatch(id: string, args: Args): Promise<boolean>;
}

/** The router of one kind of request (commands, actions, submissions) over its routes, in order. */
export function createRouter<Args>(routes: readonly Route<Args>[]): Router<Args> {
  if (routes.length === 0) throw new Error('a router needs at least one route');
  const compiled = routes.map((route) => ({ route, whole: new RegExp(`^${wholeId(route.id)}$`) }));
  return {
    pattern: new RegExp(`^(?:${routes.map((r) => wholeId(r.id)).join('|')})$`),
    async dispatch(id, args) {
      const found = compiled.find(({ whole }) => whole.test(id));
      if (!found) return false;
      await found.route.listener(args);
      return true;
    },
  };
}
