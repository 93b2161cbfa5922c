import { LitElement, html } from 'lit';

/**
 * @summary Placeholder, being built for issue 4.
 */
export class MessageComposer extends LitElement {
  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'message-composer': MessageComposer;
  }
}
