import { LitElement, html } from 'lit';

/**
 * @summary Placeholder, being built for issue 4.
 */
export class ConversationView extends LitElement {
  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conversation-view': ConversationView;
  }
}
