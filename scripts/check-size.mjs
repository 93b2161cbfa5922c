// Holds the single-file script-tag bundle to its size budget (gzip).
// Builds it first when it is missing or older than a source file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUNDLE = 'dist/inbox-elements.bundle.js';
const BUDGET_KB = 60; // gzip, kB of 1000 bytes as Vite reports them

const newestMtime = (dir) =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );

if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newestMtime('src')) {
  console.log(`check-size: building ${BUNDLE}`);
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.bundle.config.ts'], {
    stdio: 'inherit',
  });
}

const raw = readFileSync(BUNDLE);
const gzipKb = gzipSync(raw, { level: 9 }).length / 1000;
const summary = `${BUNDLE}: ${(raw.length / 1000).toFixed(1)} kB, ${gzipKb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB gzip)`;

if (gzipKb > BUDGET_KB) {
  console.error(`check-size: FAIL ${summary}`);
  process.exit(1);
}
console.log(`check-size: ok ${summary}`);
