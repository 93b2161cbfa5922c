/**
 * A web-test-runner plugin with the commands test/manifest.test.ts needs from
 * Node:
 *
 *   manifest:element-events       each registered tag's events, worked out from the
 *                                 sources (test/element-sources.mjs)
 *   manifest:custom-properties    the global tokens, and the other `--inbox-*`
 *                                 properties each element's styles read
 *   manifest:theming-current      whether README.md's theming section is what
 *                                 scripts/theming-docs.mjs makes now
 */
import { readFileSync } from 'node:fs';
import { elementCustomProperties, elementEvents } from './element-sources.mjs';
import { readTokens, themingCurrent } from '../scripts/theming-docs.mjs';

export function manifestPlugin() {
  return {
    name: 'inbox-manifest',
    executeCommand({ command }) {
      if (command === 'manifest:element-events') return elementEvents();
      if (command === 'manifest:custom-properties') {
        const tokens = readTokens(readFileSync('src/styles/tokens.ts', 'utf8')).map((t) => `--inbox-${t.name}`);
        return { tokens, elements: elementCustomProperties() };
      }
      if (command === 'manifest:theming-current') return themingCurrent().current;
      return undefined;
    },
  };
}
