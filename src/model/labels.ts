import type { InboxState } from './types.js';

const labelCache = new WeakMap<InboxState['conversations'], readonly string[]>();

/** Every label used by a conversation of the state, sorted; cached per conversations map. */
export function knownLabels(conversations: InboxState['conversations']): readonly string[] {
  let labels = labelCache.get(conversations);
  if (!labels) {
    const set = new Set<string>();
    for (const c of conversations.values()) for (const label of c.labels) set.add(label);
    labels = [...set].sort((a, b) => a.localeCompare(b));
    labelCache.set(conversations, labels);
  }
  return labels;
}
