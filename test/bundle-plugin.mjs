/**
 * A web-test-runner plugin with one command for browser tests:
 *
 *   bundle:ensure  builds dist/inbox-elements.bundle.js (and its chunks) if it is missing or older
 *                  than a source file, so that test/bundle-dist.test.ts loads the current one.
 */
import { ensureBundle } from '../scripts/bundle-build.mjs';

export function bundlePlugin() {
  return {
    name: 'inbox-bundle',
    executeCommand({ command }) {
      if (command !== 'bundle:ensure') return undefined;
      ensureBundle({ quiet: true });
      return true;
    },
  };
}
