import { ErrorCode, type WebAPIHTTPError, type WebAPIPlatformError, type WebAPIRequestError } from '@slack/web-api';

/** Why a Web API call failed, and whether a later try may get past it. */
export interface SendFailure {
  reason: string;
  retryable: boolean;
}

/** Slack platform errors (`ok: false`) that a later try may get past. */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
  'ratelimited',
]);

/**
 * Classifies a failed Web API call as the WebClient reports it once its own retries are spent.
 * Permanent: Slack answered and refused (a platform error such as `channel_not_found`, an HTTP 4xx
 * other than 408 and 429, upload arguments it cannot use). Anything else may pass on a later try:
 * Slack's transient platform errors, 5xx, network errors and timeouts, and a call still rate limited
 * after its retries (the WebClient rejects it with a plain Error).
 */
export function sendFailure(error: unknown): SendFailure {
  switch ((error as { code?: unknown } | null)?.code) {
    case ErrorCode.PlatformError: {
      const reason = (error as WebAPIPlatformError).data.error;
      return { reason, retryable: TRANSIENT_PLATFORM_ERRORS.has(reason) };
    }
    case ErrorCode.HTTPError: {
      const status = (error as WebAPIHTTPError).statusCode;
      return { reason: `http_${status}`, retryable: status >= 500 || status === 408 || status === 429 };
    }
    case ErrorCode.RequestError:
      return { reason: `network: ${(error as WebAPIRequestError).original.message}`, retryable: true };
    case ErrorCode.RateLimitedError:
      return { reason: 'ratelimited', retryable: true };
    case ErrorCode.FileUploadInvalidArgumentsError:
    case ErrorCode.FileUploadReadFileDataError:
      return { reason: (error as Error).message, retryable: false };
    default:
      return { reason: error instanceof Error ? error.message : String(error), retryable: true };
  }
}
