import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const runtime = new Set(Object.keys(manifest.dependencies));
const declared = new Set([...runtime, ...Object.keys(manifest.devDependencies)]);

interface PackageImport {
  name: string;
  /** `import type` / `export type`: erased by TypeScript, so never loaded at run time. */
  typeOnly: boolean;
}

/** The npm package a module specifier names, or undefined for relative paths and Node's modules. */
function packageOf(specifier: string): string | undefined {
  if (/^[./#]/.test(specifier) || isBuiltin(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Packages a source file imports: static, side-effect and dynamic imports, require and require.resolve. */
function packageImports(source: string): PackageImport[] {
  const found: PackageImport[] = [];
  const add = (specifier: string | undefined, typeOnly: boolean) => {
    const name = specifier === undefined ? undefined : packageOf(specifier);
    if (name) found.push({ name, typeOnly });
  };
  for (const m of source.matchAll(/\b(?:import|export)\s+(type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g)) {
    add(m[2], m[1] !== undefined);
  }
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) add(m[1], false);
  for (const m of source.matchAll(/(typeof\s+)?\b(?:import|require|require\.resolve)\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    add(m[2], m[1] !== undefined);
  }
  return found;
}

/** Every .ts, .mjs and .js file under the given folders of the repository. */
function sourceFiles(...folders: string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|mjs|js)$/.test(file))
      .map((file) => join(folder, file)),
  );
}

/** `package` → files that import it, for the imports that match. */
function importers(files: string[], keep: (i: PackageImport) => boolean): Map<string, string[]> {
  const byPackage = new Map<string, string[]>();
  for (const file of files) {
    for (const i of packageImports(readFileSync(join(root, file), 'utf8'))) {
      if (keep(i)) byPackage.set(i.name, [...new Set([...(byPackage.get(i.name) ?? []), file])]);
    }
  }
  return byPackage;
}

describe('the import scan', () => {
  it('finds package imports of every form and tells type-only imports apart', () => {
    const source = [
      "import { a } from 'alpha';",
      "import type { B } from '@scope/beta/sub';",
      "export { c } from 'gamma/x.js';",
      "import 'delta';",
      "const e = await import('epsilon');",
      "type F = typeof import('zeta');",
      "require.resolve('@fonts/eta/400.ttf');",
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import { local } from './local.js';",
      'import {\n  multi,\n  line,\n} from "theta";',
    ].join('\n');
    expect(packageImports(source)).toEqual([
      { name: 'alpha', typeOnly: false },
      { name: '@scope/beta', typeOnly: true },
      { name: 'gamma', typeOnly: false },
      { name: 'theta', typeOnly: false },
      { name: 'delta', typeOnly: false },
      { name: 'epsilon', typeOnly: false },
      { name: 'zeta', typeOnly: true },
      { name: '@fonts/eta', typeOnly: false },
    ]);
  });
});

describe('package.json', () => {
  it('declares in dependencies every package the bot loads at run time (src/, commands/, jobs/)', () => {
    const loaded = importers(sourceFiles('src', 'commands', 'jobs'), (i) => !i.typeOnly);
    expect(loaded.size).toBeGreaterThan(10);
    const missing = [...loaded].filter(([name]) => !runtime.has(name));
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it('declares every package the tests, benchmarks, Prisma scripts and CI scripts import', () => {
    // This file's own samples of import statements are not imports.
    const files = sourceFiles('tests', 'bench', 'prisma', '.ci').filter((f) => join(root, f) !== import.meta.filename);
    const used = importers(files, () => true);
    expect(used.has('vitest')).toBe(true);
    const missing = [...used].filter(([name]) => !declared.has(name));
    expect(Object.fromEntries(missing)).toEqual({});
  });
});

describe("the README's dependency table", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Dependencies'));
  const listed = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);

  it('lists every dependency and devDependency of package.json once, and nothing else', () => {
    expect(listed.filter((name, i) => listed.indexOf(name) !== i)).toEqual([]);
    expect([...listed].sort()).toEqual([...declared].sort());
  });
});
