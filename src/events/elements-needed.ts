/**
 * Fired by `<inbox-app>` when it renders tags that are not defined yet (the
 * conversation's, which the script-tag bundle loads on demand). The bundle
 * listens on the document and loads them; with `inbox-elements/define`
 * everything is defined already and nobody needs to listen.
 */
export class ElementsNeededEvent extends Event {
  static readonly eventName = 'inbox-elements-needed';

  constructor(
    /** The undefined tags. */
    readonly tags: readonly string[],
  ) {
    super(ElementsNeededEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'inbox-elements-needed': ElementsNeededEvent;
  }
}
