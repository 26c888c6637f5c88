import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processCpuMs } from '../../bench/process-cpu.js';

describe('processCpuMs', () => {
  it('counts the CPU another process spends, close to what that process says of itself', async () => {
    // The child spins for about 300 ms of CPU, then prints what it used by its own count.
    const child = spawn(process.execPath, [
      '-e',
      'const t = Date.now(); while (Date.now() - t < 300); const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000)); setTimeout(() => {}, 2000);',
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
    expect(own).toBeGreaterThan(250);
    // /proc counts whole clock ticks (10 ms) and includes the start-up before the child's own count.
    expect(seen).toBeGreaterThanOrEqual(own - 20);
    expect(seen).toBeLessThan(own + 400);
  });

  it('is undefined for a process that does not exist or no pid', () => {
    expect(processCpuMs(2 ** 22 + 12_345)).toBeUndefined();
    expect(processCpuMs(undefined)).toBeUndefined();
  });
});
