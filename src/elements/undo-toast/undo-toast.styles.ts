import { css } from 'lit';

export const styles = css`
  :host {
    position: absolute;
    inset-inline: 0;
    inset-block-end: var(--_inbox-space-5);
    display: flex;
    justify-content: center;
    pointer-events: none;
    z-index: 3;
  }
  .toast {
    pointer-events: auto;
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-4);
    padding: var(--_inbox-space-3) var(--_inbox-space-4);
    border-radius: var(--_inbox-radius-lg);
    background: var(--inbox-toast-background, var(--_inbox-color-text));
    color: var(--inbox-toast-color, var(--_inbox-color-surface));
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
    font-size: var(--_inbox-font-size);
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    cursor: pointer;
    padding: var(--_inbox-space-1) var(--_inbox-space-2);
    border-radius: var(--_inbox-radius-sm);
  }
  .undo {
    font-weight: var(--_inbox-font-weight-bold);
    text-decoration: underline;
  }
  button:focus-visible {
    outline-color: currentColor;
  }
`;
