import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processCpuMs } from '../../bench/process-cpu.js';

describe('processCpuMs', () => {
  it('counts the CPU another process spends, close to what that process says of itself', async () => {
    // The child spins until it has used 300 ms of CPU by its own count (not of wall time: on a
    // busy machine it gets less than a core), then prints that count and idles.
    const child = spawn(process.execPath, [
      '-e',
      'const used = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }; while (used() < 300); process.stdout.write(String(used())); setTimeout(() => {}, 5000);',
    ]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
    });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (out !== '') {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    const seen = processCpuMs(child.pid);
    child.kill();
    const own = Number(out);
    expect(own).toBeGreaterThanOrEqual(300);
    // Both count the whole process since it started; /proc in whole clock ticks (10 ms).
    expect(seen).toBeGreaterThanOrEqual(own - 20);
    expect(seen).toBeLessThan(own + 400);
  });

  it('is undefined for a process that does not exist or no pid', () => {
    expect(processCpuMs(2 ** 22 + 12_345)).toBeUndefined();
    expect(processCpuMs(undefined)).toBeUndefined();
  });
});
