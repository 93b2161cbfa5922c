import { loadConversationElements } from '../transport/loaders.js';

/**
 * The conversation's tags. The script-tag bundle defines them on demand
 * (loadConversationElements()); `inbox-elements/define` defines them at once.
 */
export const CONVERSATION_TAGS = [
  'conversation-view',
  'conversation-timeline',
  'message-composer',
  'contact-panel',
  'incoming-calls',
  'call-card',
] as const;

const SELECTOR = CONVERSATION_TAGS.join(',');

/**
 * Loads the conversation's elements if a tag of theirs is not defined yet.
 * Called by the element that needs them (`<inbox-app>` renders them), so the
 * request never depends on a listener being registered first, whatever the
 * order of the script tag and the markup.
 */
export function needConversationElements(): void {
  if (CONVERSATION_TAGS.every((tag) => customElements.get(tag))) return;
  loadConversationElements().catch((error: unknown) => console.error('inbox-elements: the conversation elements could not load', error));
}

/**
 * Loads the conversation's elements as soon as one of their tags appears in
 * `root`'s subtree (now or later); stops watching once they are defined.
 * A MutationObserver sees one tree, not the shadow roots inside it: the
 * script-tag bundle watches the document, and `<inbox-provider>` its own
 * subtree, wherever that is (a host's shadow root included).
 */
export function watchForConversationElements(root: Document | Element): () => void {
  if (CONVERSATION_TAGS.every((tag) => customElements.get(tag))) return () => undefined;
  const check = () => {
    if (!root.querySelector(SELECTOR)) return;
    observer.disconnect();
    needConversationElements();
  };
  const observer = new MutationObserver(check);
  observer.observe(root, { childList: true, subtree: true });
  check();
  return () => observer.disconnect();
}
