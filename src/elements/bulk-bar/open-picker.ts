import type { PickerKind } from '../../events/request-picker.js';
import type { Id } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { loadsOnDemand, needElements } from '../lazy-elements.js';

/** The library's picker tags (issue 3), by kind. */
export const PICKER_TAGS: Record<PickerKind, string> = {
  snooze: 'snooze-picker',
  assign: 'assignee-picker',
  label: 'label-picker',
  priority: 'priority-picker',
};

interface Picker extends HTMLElement {
  ids: readonly Id[];
  open: boolean;
  noTrigger: boolean;
  store?: InboxStore | undefined;
}

/**
 * Opens the library's picker of `kind` for `ids` in `container`, when that
 * tag is defined or loads on demand (the script-tag bundle's pickers chunk,
 * then it opens once loaded); false otherwise. The picker dispatches its own command;
 * on its `close` event (PickerCloseEvent, `reason` 'applied' or 'cancel')
 * it is removed and `onClose` runs.
 */
export function openPicker(
  container: Element,
  kind: PickerKind,
  ids: readonly Id[],
  store: InboxStore | undefined,
  onClose: (applied: boolean) => void,
): boolean {
  const ctor = customElements.get(PICKER_TAGS[kind]);
  if (!ctor) {
    if (!loadsOnDemand(PICKER_TAGS[kind])) return false;
    needElements(PICKER_TAGS[kind]).then(
      () => container.isConnected && openPicker(container, kind, ids, store, onClose),
      () => onClose(false),
    );
    return true;
  }
  const picker = new ctor() as Picker;
  picker.ids = ids;
  // The list or bar places it; focus returns to what had it.
  picker.noTrigger = true;
  if (store) picker.store = store;
  picker.addEventListener(
    'close',
    (event) => {
      picker.remove();
      onClose((event as Event & { reason?: string }).reason === 'applied');
    },
    { once: true },
  );
  container.replaceChildren(picker);
  picker.open = true;
  return true;
}
