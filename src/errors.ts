import type { MessageKey } from './i18n/messages.js';

/**
 * An error that knows how to explain itself: a stable code for logs and tests, an internal
 * message for operators, and a catalogue key for the polite text the user sees.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly userMessage: MessageKey = 'error.generic',
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * True when the error means the database could not be reached (as opposed to a bad query),
 * including PostgreSQL refusing or dropping connections while it shuts down or starts up
 * (SQLSTATE 57P01–57P03).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`;
  return /ECONNREFUSED|ETIMEDOUT|ECONNRESET|DatabaseNotReachable|ConnectionClosed|Can't reach database|P1001|P1017|timeout exceeded when trying to connect|Connection terminated|Server has closed the connection|\b57P0[1-3]\b|database system is (shutting down|starting up)|terminating connection due to administrator command/i.test(
    text,
  );
}

/**
 * True when the database stayed locked by another session or process for longer than the bot
 * waits (SQLite's busy errors after SQLITE_LOCK_WAIT_MS, PostgreSQL's lock_timeout 55P03 or
 * statement_timeout 57014, Prisma's P1008 and P2028): the statement or transaction was given up
 * and rolled back, so nothing of it was written.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`;
  return /\bP1008\b|\bP2028\b|SQLITE_BUSY|SQLITE_LOCKED|database is locked|\b55P03\b|\b57014\b|canceling statement due to (lock|statement) timeout/i.test(
    text,
  );
}
