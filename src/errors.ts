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
