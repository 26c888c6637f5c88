import type { OfflineConfig } from '../src/config.js';
import type { Job } from './job.js';

/** Every scheduled job, read in the configured time zone. */
export function allJobs(config: OfflineConfig): Job[] {
  const jobs: Job[] = [];
  // --- reminders ---
  // --- digests ---
  void config;
  return jobs;
}
