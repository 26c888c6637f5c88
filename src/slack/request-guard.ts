import type { IncomingMessage, ServerResponse } from 'node:http';
import { type BufferedIncomingMessage, HTTPModuleFunctions, verifySlackRequest } from '@slack/bolt';
import type { AppLogger } from '../logger.js';
import { foreignRequest, type Installation } from './installation.js';

/** Slack signs a request with the time it sent it; one further than this from now is refused. */
export const SIGNATURE_MAX_AGE_SECONDS = 5 * 60;

/** How long a connection whose body passed the cap stays open (paused) for its 413 to be read. */
const TOO_LARGE_CLOSE_DELAY_MS = 1000;

/** A request with the time (performance.now()) its first byte was seen. */
export type TimedIncomingMessage = BufferedIncomingMessage & { receivedAt?: number };

export interface RequestGuardOptions {
  path: string;
  signingSecret: string;
  /** Largest body read, in bytes; a larger one is refused with 413 and not read further. */
  maxBodyBytes: number;
  installation: Installation;
  logger: AppLogger;
  /** Wall clock in ms for the signature's timestamp (Slack's clock, not the app's business clock). */
  clockMs?: () => number;
}

type Outcome = { status: 400 | 401 | 403 | 413; reason: string } | { ok: true };

/** Whether a parsed body is a JSON object (Bolt reads `body.ssl_check` before any error handler). */
function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The signature check, with the timestamp bounded both ways (Bolt's own check refuses only old ones). */
function checkSignature(req: BufferedIncomingMessage, secret: string, nowMs: number): Outcome {
  const timestampHeader = req.headers['x-slack-request-timestamp'];
  const signature = req.headers['x-slack-signature'];
  if (typeof timestampHeader !== 'string' || !/^\d{1,12}$/.test(timestampHeader) || typeof signature !== 'string') {
    return { status: 401, reason: 'unsigned' };
  }
  const timestamp = Number(timestampHeader);
  if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_MAX_AGE_SECONDS) {
    return { status: 401, reason: 'timestamp more than five minutes from now' };
  }
  try {
    verifySlackRequest({
      signingSecret: secret,
      body: req.rawBody.toString(),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds: nowMs,
    });
  } catch {
    return { status: 401, reason: 'signature mismatch' };
  }
  return { ok: true };
}

/** What a verified body holds: refused when it is not an object or names another installation. */
function checkBody(req: BufferedIncomingMessage, installation: Installation, logger: AppLogger): Outcome {
  let parsed: unknown;
  try {
    parsed = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    // A body Bolt cannot parse, it answers itself.
    return { ok: true };
  }
  if (!isObject(parsed)) return { status: 400, reason: 'body is not an object' };
  const foreign = foreignRequest(parsed, installation);
  if (foreign) {
    logger.event('warn', 'Slack request for another installation refused', { ...foreign });
    return { status: 403, reason: 'another installation' };
  }
  return { ok: true };
}

/**
 * Reads and checks the requests to Slack's endpoint before Bolt sees them, in this order:
 * 1. the body is read up to `maxBodyBytes`: a larger `Content-Length` is refused (413) before
 *    the body is read, and a body without one (chunked) stops being read, and is refused, as soon
 *    as it passes the cap, so a sender can never make the bot hold more than the cap;
 * 2. the signature is verified, with a timestamp within five minutes of now, past or future
 *    (401); nothing of the body is parsed before;
 * 3. the body must parse to an object (400: Bolt 5 reads `body.ssl_check` outside any error
 *    handler, so a signed JSON `null` ended the process) and, where it names a workspace,
 *    enterprise or app, name this installation's (403, logged).
 * The time the first byte arrived goes with the request: listeners count Slack's 3 s from it.
 * Bolt then verifies the signature again and parses the (bounded) body itself.
 */
export function guardEventRequests(
  receiver: { requestListener: (req: IncomingMessage, res: ServerResponse) => void },
  options: RequestGuardOptions,
): void {
  const listener = receiver.requestListener;
  const clockMs = options.clockMs ?? Date.now;
  const refuse = (res: ServerResponse, status: number, reason: string) => {
    if (status !== 403) options.logger.event('debug', 'Slack request refused', { status, reason });
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    res.end(reason);
  };
  /**
   * A body over the cap (announced, or read so far): reading stops (the request is paused, so TCP
   * holds the sender back), the 413 is sent, and the connection is closed a moment later. Closing
   * at once would reset it with the sender's unread bytes and lose the 413 on the way.
   */
  const refuseTooLarge = (req: IncomingMessage, res: ServerResponse) => {
    req.pause();
    // Counts as reading the body for Node's server, which otherwise reads (and drops) all the rest
    // after the answer: with the request paused, it reads no further than its buffer.
    req.read(0);
    options.logger.event('debug', 'Slack request refused', { status: 413, reason: 'request body too large' });
    res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('request body too large');
    const timer = setTimeout(() => req.socket.destroy(), TOO_LARGE_CLOSE_DELAY_MS);
    timer.unref();
    req.socket.once('close', () => clearTimeout(timer));
  };
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== options.path) {
      return listener(req, res);
    }
    const receivedAt = performance.now();
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBodyBytes) {
      return refuseTooLarge(req, res);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBodyBytes) {
        done = true;
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        refuseTooLarge(req, res);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (done) return;
      const buffered = req as TimedIncomingMessage;
      buffered.rawBody = Buffer.concat(chunks);
      buffered.receivedAt = receivedAt;
      const signed = checkSignature(buffered, options.signingSecret, clockMs());
      if (!('ok' in signed)) return refuse(res, signed.status, signed.reason);
      const body = checkBody(buffered, options.installation, options.logger);
      if (!('ok' in body)) return refuse(res, body.status, body.reason);
      listener(buffered, res);
    });
  };
}
