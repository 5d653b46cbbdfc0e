// `npm start` builds the web app only when its sources are newer than the last build, so a
// fresh clone builds once and later starts are instant.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUT = 'dist/web/index.html';
const SOURCES = ['web', 'src/contracts', 'src/platform/money'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

const isStale =
  !existsSync(OUTPUT) || SOURCES.some((dir) => existsSync(dir) && newestMtime(dir) > statSync(OUTPUT).mtimeMs);
if (isStale) {
  console.log('Building the web app (first start or sources changed)…');
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
}
