// Preloaded into a bot the benchmarks start (node --import bench/event-loop-probe.mjs …), so the
// production code carries nothing for it: samples the event loop's delay with
// perf_hooks.monitorEventLoopDelay and, on SIGUSR2, prints what it saw since the previous SIGUSR2 (or
// the start) as one stdout line `EVENT_LOOP_DELAY {"p50":…,"p99":…,"max":…,"samples":…}`, in ms,
// then starts afresh. The histogram records each interval between two samples, which is at least
// the sampling resolution; the figures are the delay beyond it.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 10;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

const beyond = (ns) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 10) / 10);

process.on('SIGUSR2', () => {
  const figures = {
    p50: beyond(histogram.percentile(50)),
    p99: beyond(histogram.percentile(99)),
    max: beyond(histogram.max),
    samples: histogram.count,
  };
  histogram.reset();
  process.stdout.write(`EVENT_LOOP_DELAY ${JSON.stringify(figures)}\n`);
});
