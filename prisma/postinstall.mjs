// npm's postinstall: runs `npm run build` (the Prisma clients, then the TypeScript) so that
// `npm install && npm start` works on a fresh checkout; a failing build fails the install.
// A production install (`npm ci --omit=dev`, or NODE_ENV=production) has no build tools, so
// nothing is built there: its dist/ comes from a build made before `npm prune --omit=dev`.
// npm tells install scripts that it omits the dev dependencies by setting NODE_ENV=production.
import { spawnSync } from 'node:child_process';

if (process.env.NODE_ENV === 'production') {
  console.log('tracker: dev dependencies omitted, nothing built (run `npm run build` where they are installed).');
  process.exit(0);
}

// npm_execpath is the npm that runs this script; outside npm, the npm on PATH.
const npm = process.env.npm_execpath;
const result = npm
  ? spawnSync(process.execPath, [npm, 'run', 'build', '--silent'], { stdio: 'inherit' })
  : spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (result.error) console.error(`tracker: the build did not start: ${result.error.message}`);
process.exit(result.status ?? 1);
