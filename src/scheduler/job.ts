import type { WebClient } from '@slack/web-api';
import type { OfflineConfig } from '../config.js';
import type { Db } from '../db/client.js';
import type { AppLogger } from '../logger.js';

export interface JobDeps {
  db: Db;
  slack: WebClient;
  logger: AppLogger;
  /** The instant the run is for: injected so tests and `jobs run --at` can travel in time. */
  now: Date;
  config: OfflineConfig;
}

export interface JobResult {
  /** Messages sent by this run (already-claimed deliveries are not counted). */
  sent: number;
  /** Deliveries skipped (already delivered, paused person, holiday…). */
  skipped: number;
  /** Deliveries that failed after their retries and were recorded as failed. */
  failed: number;
}

/** A scheduled job: data plus run(). Runs are idempotent: each delivery is claimed by a unique key first. */
export interface Job {
  id: string;
  /** node-cron expression, read in timeZone. */
  cron: string;
  /** The cron in plain words, e.g. "every Monday at 09:00". */
  schedule: string;
  /** IANA zone the cron is read in; always explicit, never the host's TZ. */
  timeZone: string;
  run(deps: JobDeps): Promise<JobResult>;
}
