import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/** A property of target as a proxy passes it on: methods bound to target itself. */
export function bound<T extends object>(target: T, prop: string | symbol): unknown {
  const value = Reflect.get(target, prop, target);
  // Adapters and drivers keep their state in private fields, reachable only with `this` = target.
  return typeof value === 'function' ? value.bind(target) : value;
}

/** A factory whose every connection is the wrapped factory's, passed through `wrap`. */
export function wrapConnections(
  factory: SqlDriverAdapterFactory,
  wrap: (adapter: SqlDriverAdapter) => SqlDriverAdapter,
): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
  };
}
