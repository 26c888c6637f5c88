import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EventLoopDelay } from './bot-process.js';

/** The sampling interval; the histogram's intervals include it, the figures are the delay beyond it. */
const RESOLUTION_MS = 10;

/**
 * Samples this process's event-loop delay (perf_hooks.monitorEventLoopDelay) until stop(), for a
 * benchmark whose work runs in its own process (the reminders job); bots started by startBot are
 * sampled by bench/event-loop-probe.mjs the same way.
 */
export function monitorEventLoop(): { stop(): EventLoopDelay } {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const beyond = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 10) / 10);
  return {
    stop: () => {
      histogram.disable();
      return {
        p50: beyond(histogram.percentile(50)),
        p99: beyond(histogram.percentile(99)),
        max: beyond(histogram.max),
        samples: histogram.count,
      };
    },
  };
}
