import { type Logger, LogLevel } from '@slack/logger';

const order: Record<string, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const TOKEN_PATTERN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;

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
  const redact = (text: string) => {
    let out = text.replace(TOKEN_PATTERN, (m) => `${m.slice(0, 5)}[REDACTED]`);
    for (const s of secrets) out = out.split(s).join('[REDACTED]');
    return out;
  };
  const emit = (lvl: string, message: string, fields?: Record<string, unknown>) => {
    if ((order[lvl] ?? 0) < (order[level] ?? 20)) return;
    const line = JSON.stringify(
      { time: new Date().toISOString(), level: lvl, name, msg: message, ...fields },
      (_k, v) => (v instanceof Error ? { name: v.name, message: v.message, code: (v as { code?: unknown }).code } : v),
    );
    write(redact(line));
  };
  const fromArgs = (lvl: string, args: unknown[]) => {
    const text = args
      .map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : JSON.stringify(a)))
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
