// Builds the script-tag bundle (vite.bundle.config.ts) when it is missing or
// older than a source file: for the size check (check-size.mjs) and the
// browser test of the built file (test/bundle-dist.test.ts, through
// web-test-runner.config.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUNDLE = 'dist/inbox-elements.bundle.js';

const newestMtime = (...paths) =>
  Math.max(
    0,
    ...paths.flatMap((path) =>
      statSync(path).isFile()
        ? [statSync(path).mtimeMs]
        : readdirSync(path, { withFileTypes: true, recursive: true })
            .filter((entry) => entry.isFile())
            .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
    ),
  );

/**
 * Builds the bundle if it is stale; `quiet` keeps Vite's output (a test
 * runner's console) unless the build fails. With `orRemove`, a failed build
 * removes the stale bundle and reports instead of throwing: the test runner
 * goes on with every other test, and the tests of the bundle fail on its
 * absence rather than pass on an old one.
 */
export function ensureBundle({ quiet = false, orRemove = false } = {}) {
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestMtime('src', 'vite.bundle.config.ts')) return;
  if (!quiet) console.log(`building ${BUNDLE}`);
  try {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.bundle.config.ts'], {
      stdio: quiet ? 'pipe' : 'inherit',
    });
  } catch (error) {
    if (!orRemove) throw error;
    rmSync(BUNDLE, { force: true });
    console.error(`${BUNDLE} could not be built (its tests will fail): ${String(error.stderr ?? error.message).slice(-2000)}`);
  }
}
