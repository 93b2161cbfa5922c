import { loadCallElements, loadContactElements, loadConversationElements, loadOverlayElements, loadPickerElements, loadStatsElements } from './loaders.js';

/**
 * The tags the script-tag bundle defines on demand, each with the loader of
 * its chunk (`inbox-elements/define` defines them all at once): the
 * conversation's, the calls', the contact panel, the dialogs, the bulk bar,
 * the pickers and the team stats.
 */
const LAZY: Readonly<Record<string, () => Promise<unknown>>> = {
  'conversation-view': loadConversationElements,
  'conversation-timeline': loadConversationElements,
  'message-composer': loadConversationElements,
  'incoming-calls': loadCallElements,
  'call-card': loadCallElements,
  'contact-panel': loadContactElements,
  'shortcut-help': loadOverlayElements,
  'command-palette': loadOverlayElements,
  'bulk-bar': loadOverlayElements,
  'filter-panel': loadOverlayElements,
  'channel-settings': loadOverlayElements,
  'snooze-picker': loadPickerElements,
  'label-picker': loadPickerElements,
  'priority-picker': loadPickerElements,
  'assignee-picker': loadPickerElements,
  'inbox-stats': loadStatsElements,
};

const SELECTOR = Object.keys(LAZY).join(',');

/** Whether `tag` is one of the tags a chunk defines on demand (and not defined yet). */
export const loadsOnDemand = (tag: string): boolean => tag in LAZY && !customElements.get(tag);

const undefinedTags = (tags: Iterable<string>) => [...tags].filter((tag) => tag in LAZY && !customElements.get(tag));

/**
 * Loads the chunks that define `tags`, where not defined yet, and resolves
 * once they are. Called by the element that renders them (`<inbox-app>`), so
 * the request never depends on a listener being registered first, whatever
 * the order of the script tag and the markup. A failed load is reported and
 * may be tried again.
 */
export async function needElements(...tags: string[]): Promise<void> {
  const missing = undefinedTags(tags);
  if (missing.length === 0) return;
  try {
    await Promise.all([...new Set(missing.map((tag) => LAZY[tag]!))].map((load) => load()));
  } catch (error) {
    console.error('inbox-elements: elements could not load', missing, error);
    throw error;
  }
}

/**
 * Loads the chunk of any lazy tag that appears in `root`'s subtree, now or
 * later; stops watching once every lazy tag is defined. A MutationObserver
 * sees one tree, not the shadow roots inside it: the script-tag bundle
 * watches the document, and `<inbox-provider>` its own subtree, wherever
 * that is (a host's shadow root included).
 */
export function watchForLazyElements(root: Document | Element): () => void {
  if (undefinedTags(Object.keys(LAZY)).length === 0) return () => undefined;
  const load = (elements: Iterable<Element>) => {
    const tags = new Set([...elements].map((el) => el.localName));
    if (tags.size > 0) needElements(...tags).catch(() => undefined);
  };
  // Only what was added is looked at: a host's page may change often.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        load(node.matches(SELECTOR) ? [node, ...node.querySelectorAll(SELECTOR)] : node.querySelectorAll(SELECTOR));
      }
    }
    if (undefinedTags(Object.keys(LAZY)).length === 0) observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true });
  load(root.querySelectorAll(SELECTOR));
  return () => observer.disconnect();
}
