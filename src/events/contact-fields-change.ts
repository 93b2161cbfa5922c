/**
 * Fired by `<contact-panel>` when a person shows, hides or reorders the
 * contact fields in its Customize menu, with the fields now shown, in
 * order (`phones`, `emails`, `company`, `country`, `language`,
 * `custom:<attribute>`). The panel already shows them; a host that wants
 * the choice to last stores `fields` and sets it back on the panel.
 */
export class ContactFieldsChangeEvent extends Event {
  static readonly eventName = 'contact-fields-change';

  constructor(readonly fields: readonly string[]) {
    super(ContactFieldsChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'contact-fields-change': ContactFieldsChangeEvent;
  }
}
