import type { AppContext } from '../context.js';

/** Last resort for errors a listener did not handle: log without secrets, never crash. */
export function handleGlobalError(ctx: AppContext) {
  return async (error: Error & { code?: string; original?: unknown }) => {
    ctx.logger.event('error', 'unhandled listener error', {
      code: error.code,
      error: error.original instanceof Error ? error.original : error,
    });
  };
}
