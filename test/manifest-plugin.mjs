/**
 * A web-test-runner plugin with the commands test/manifest.test.ts needs from
 * Node:
 *
 *   manifest:element-events  each registered tag's events, worked out from the
 *                            sources (test/element-events.mjs)
 */
import { elementEvents } from './element-events.mjs';

export function manifestPlugin() {
  return {
    name: 'inbox-manifest',
    executeCommand({ command }) {
      if (command === 'manifest:element-events') return elementEvents();
      return undefined;
    },
  };
}
