import { type Logger, LogLevel } from '@slack/logger';

const order: Record<string, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const TOKEN_PATTERN = /x(?:ox[abposre]|app)-[A-Za-z0-9-]+/g;

export interface AppLogger extends Logger {
  /** Structured line: message plus fields. */
  event(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void;
}

/**
 * JSON-lines logger that Bolt can use too. Slack tokens and the configured secrets are masked in
 * every line, whatever code path produced it.
 */
export function createLogger(
  options: { level?: string; secrets?: (string | undefined)[]; write?: (line: string) => void } = {},
): AppLogger {
  let level = options.level ?? 'info';
  let name = 'tracker';
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Masking runs on every string before serialisation: after it, JSON escapes such as \n would
  // glue a letter to the token and hide it from the pattern.
  const redact = (text: string) => {
    let out = text.replace(TOKEN_PATTERN, (m) => `${m.slice(0, 5)}[REDACTED]`);
    for (const s of secrets) out = out.split(s).join('[REDACTED]');
    return out;
  };
  const clean = (value: unknown, seen: WeakSet<object>): unknown => {
    if (typeof value === 'string') return redact(value);
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Error) {
      return {
        name: value.name,
        message: redact(value.message),
        code: clean((value as { code?: unknown }).code, seen),
      };
    }
    if (value instanceof Date) return value.toISOString();
    if (value && typeof value === 'object') {
      if (seen.has(value)) return '[Circular]';
      seen.add(value);
      if (Array.isArray(value)) return value.map((v) => clean(v, seen));
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), clean(v, seen)]));
    }
    return value;
  };
  const enabled = (lvl: string) => (order[lvl] ?? 0) >= (order[level] ?? 20);
  const emit = (lvl: string, message: string, fields?: Record<string, unknown>) => {
    if (!enabled(lvl)) return;
    const extra = (clean(fields ?? {}, new WeakSet()) ?? {}) as Record<string, unknown>;
    // The line's own keys come last so that a field cannot overwrite them.
    write(JSON.stringify({ ...extra, time: new Date().toISOString(), level: lvl, name, msg: redact(message) }));
  };
  const fromArgs = (lvl: string, args: unknown[]) => {
    // Bolt logs several debug lines with objects per request: skip the serialising when off.
    if (!enabled(lvl)) return;
    const text = args
      .map((a) =>
        typeof a === 'string' ? a : a instanceof Error ? a.message : JSON.stringify(clean(a, new WeakSet())),
      )
      .join(' ');
    emit(lvl, text);
  };
  return {
    debug: (...args: unknown[]) => fromArgs('debug', args),
    info: (...args: unknown[]) => fromArgs('info', args),
    warn: (...args: unknown[]) => fromArgs('warn', args),
    error: (...args: unknown[]) => fromArgs('error', args),
    event: emit,
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level as LogLevel,
    setName: (n: string) => {
      name = n;
    },
  };
}

export { LogLevel };

/**
 * The logger handed to Slack's libraries (Bolt, the Web API and Socket Mode clients). Their debug
 * lines carry whole request and response bodies (`http request body: …`, `Received a message on the
 * WebSocket: …`): staff comments and every message the bot sends. So their debug output is dropped
 * at every level; their info, warn and error lines (no bodies) are written as usual, and the level
 * and name are the shared logger's.
 */
export function libraryLogger(logger: AppLogger): Logger {
  return {
    debug: () => undefined,
    info: (...args: unknown[]) => logger.info(...args),
    warn: (...args: unknown[]) => logger.warn(...args),
    error: (...args: unknown[]) => logger.error(...args),
    setLevel: (l: LogLevel) => logger.setLevel(l),
    getLevel: () => logger.getLevel(),
    setName: (n: string) => logger.setName(n),
  };
}
