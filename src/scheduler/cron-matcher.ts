import cron from 'node-cron';

export interface CronMatcher {
  /** True when the expression fires in the minute of instant (read in the matcher's time zone). */
  matches(instant: Date): boolean;
  dispose(): void;
}

/** The start of the minute an instant falls in. */
export function minuteOf(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
}

/**
 * node-cron's own matcher for an expression in an explicit time zone (never the host's), so the
 * scheduler and `jobs run` agree exactly with how node-cron reads the expression.
 */
export function createCronMatcher(expression: string, timeZone: string): CronMatcher {
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
  return {
    matches: (instant) => task.match(minuteOf(instant)),
    dispose: () => {
      void task.destroy();
    },
  };
}
