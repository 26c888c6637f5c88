import type { OfflineConfig } from '../src/config.js';
import type { Job } from '../src/scheduler/job.js';
import { departmentDigestJob } from './department-digest.js';
import { remindersJob } from './reminders.js';
import { weeklyDigestJob } from './weekly-digest.js';

/** Every scheduled job, read in the configured time zone. */
export function allJobs(config: OfflineConfig): Job[] {
  const jobs: Job[] = [];
  // --- reminders ---
  jobs.push(remindersJob(config));
  // --- digests ---
  jobs.push(weeklyDigestJob(config), departmentDigestJob(config));
  void config;
  return jobs;
}
