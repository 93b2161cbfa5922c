import { LitElement, html } from 'lit';

/**
 * @summary Placeholder, being built for issue 4.
 */
export class ContactPanel extends LitElement {
  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'contact-panel': ContactPanel;
  }
}
