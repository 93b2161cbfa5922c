import type { ReactiveElement } from 'lit';
import type { Id } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import type { EditKey } from './contact-labels.js';

/** What the Details tab's parts (field editor, field order, merge suggestions) need from `<contact-panel>`. */
export interface PanelHost {
  readonly element: ReactiveElement;
  /** Prefix for ids unique to the panel. */
  readonly uid: string;
  readonly store: () => InboxStore | undefined;
  /** A field's heading: the host's label for a custom attribute (`fieldLabels`), else a readable one. */
  readonly fieldLabel: (key: EditKey) => string;
  /** Says something in the panel's status line, for screen readers. */
  readonly announce: (text: string) => void;
  /**
   * Remembers a command dispatched for `contactId`: if the backend refuses
   * it later, `refused` runs with the reason (only while that contact is
   * still the one shown), so the refusal shows where the edit was made.
   */
  readonly track: (commandId: Id, contactId: Id, refused: (reason: string) => void) => void;
}

/** Focuses what `selector` finds in the panel once it has rendered what was just changed. */
export async function focusAfterUpdate(element: ReactiveElement, selector: string): Promise<void> {
  await element.updateComplete;
  element.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
