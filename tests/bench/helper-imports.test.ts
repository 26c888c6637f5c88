import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const benchDir = join(root, 'bench');

/** The test helpers the benchmarks import, read from their import lines. */
function helpersImportedByBench(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(benchDir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(benchDir, file), 'utf8');
    for (const m of source.matchAll(/from '\.\.\/(tests\/helpers\/[^']+)\.js'/g)) found.add(`${m[1]}.ts`);
  }
  return [...found].sort();
}

describe('benchmark imports', () => {
  it('finds the helpers the benchmarks share with the tests', () => {
    expect(helpersImportedByBench()).toEqual(
      expect.arrayContaining(['tests/helpers/databases.ts', 'tests/helpers/fake-slack.ts']),
    );
  });

  // `npm run bench` runs outside Vitest, where importing 'vitest' throws: a helper that pulls it in
  // (a beforeAll in the wrong file) breaks every benchmark while the test suite stays green.
  it('loads every such helper in a plain Node process', () => {
    const imports = helpersImportedByBench()
      .map((file) => `await import(${JSON.stringify(pathToFileURL(join(root, file)).href)});`)
      .join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', imports], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, VITEST: undefined, VITEST_WORKER_ID: undefined, VITEST_POOL_ID: undefined },
    });
    expect(child.stderr).not.toMatch(/Error/);
    expect(child.status).toBe(0);
    // A child Node process with the TypeScript loader: minutes on a loaded machine.
  }, 180_000);
});
