// `npm start` runs compiled JavaScript, so it first builds what is stale: the web app (Vite, into
// dist/web) and the server (tsc with tsconfig.build.json, into dist/server). A part is stale when
// one of its sources is newer than its last build, so a fresh clone builds once and later starts
// are instant. `--force` (npm run build, npm test) builds both regardless.
//
// The server build type-checks: a type error fails it (non-zero exit, so `npm start` stops there)
// and leaves the previous build in place. tsc writes into a scratch directory that replaces
// dist/server only after it succeeded, so the output of deleted sources does not linger.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const force = process.argv.includes('--force');
// The command-line tools (import, migrate, create-user) need the server's code only.
const serverOnly = process.argv.includes('--server-only');

/** Newest mtime under `path`. With `withDirs`, a directory's own mtime counts too: it changes when
 *  an entry is added, deleted or renamed, which no remaining file's mtime shows. */
function newestMtime(path, { withDirs = false, skip = () => false } = {}) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return skip(path) ? 0 : stat.mtimeMs;
  const entries = readdirSync(path).map((entry) => newestMtime(join(path, entry), { withDirs, skip }));
  return Math.max(withDirs ? stat.mtimeMs : 0, ...entries);
}

const isStale = (output, inputs, options) =>
  force ||
  !existsSync(output) ||
  inputs.some((input) => existsSync(input) && newestMtime(input, options) > statSync(output).mtimeMs);

function run(what, args) {
  try {
    execFileSync(process.execPath, args, { stdio: 'inherit' });
  } catch {
    console.error(`Building the ${what} failed (see above)${force ? '' : '; not starting'}.`);
    process.exit(1);
  }
}

// The web app (Vite empties dist/web itself).
const WEB_INDEX = 'dist/web/index.html';
const webStale = !serverOnly && isStale(WEB_INDEX, ['web', 'src/contracts', 'src/platform/money']);

// The server: src/** without tests and their fixtures (as tsconfig.build.json), so src/server/main.ts becomes dist/server/server/main.js.
// Its stamp is written last: an interrupted build has none and counts as stale.
const SERVER_DIR = 'dist/server';
const SERVER_SCRATCH = 'dist/server.next';
const STAMP = '.built';
const serverStale = isStale(join(SERVER_DIR, STAMP), ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'], {
  withDirs: true,
  skip: (path) => /\.test(-fixtures)?\.ts$/.test(path),
});

if (webStale || serverStale) {
  const what = [webStale && 'the web app', serverStale && 'the server'].filter(Boolean).join(' and ');
  console.log(`Building ${what}${force ? '' : ' (first start or sources changed)'}…`);
}
if (webStale) {
  run('web app', ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
}
if (serverStale) {
  // A source saved while tsc runs is newer than this, so the next start builds again.
  const startedAt = new Date();
  rmSync(SERVER_SCRATCH, { recursive: true, force: true });
  run('server', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', SERVER_SCRATCH]);
  writeFileSync(join(SERVER_SCRATCH, STAMP), `${startedAt.toISOString()}\n`);
  utimesSync(join(SERVER_SCRATCH, STAMP), startedAt, startedAt);
  rmSync(SERVER_DIR, { recursive: true, force: true });
  renameSync(SERVER_SCRATCH, SERVER_DIR);
}
