import { LitElement, html } from 'lit';

/**
 * @summary Placeholder, being built for issue 4.
 */
export class CallCard extends LitElement {
  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'call-card': CallCard;
  }
}
