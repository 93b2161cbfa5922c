import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }

  dialog {
    inline-size: min(40rem, calc(100vw - 2rem));
    max-block-size: min(36rem, calc(100vh - 2rem));
    padding: 0;
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-lg);
    background: var(--inbox-dialog-background, var(--_inbox-color-surface));
    color: var(--_inbox-color-text);
    font-family: var(--_inbox-font-family);
    font-size: var(--_inbox-font-size);
    box-shadow: 0 16px 48px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }

  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_inbox-space-4);
    padding: var(--_inbox-space-4) var(--_inbox-space-5);
    border-block-end: 1px solid var(--_inbox-color-border);
  }
  h2 {
    margin: 0;
    font-size: 1rem;
  }
  .close {
    font: inherit;
    color: inherit;
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
    cursor: pointer;
  }

  .groups {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: var(--_inbox-space-5);
    padding: var(--_inbox-space-5);
    overflow: auto;
  }
  h3 {
    margin: 0 0 var(--_inbox-space-3);
    font-size: var(--_inbox-font-size-sm);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_inbox-color-text-muted);
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_inbox-space-2) var(--_inbox-space-4);
    align-items: center;
  }
  dt {
    margin: 0;
  }
  dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    justify-content: end;
    align-items: center;
    gap: var(--_inbox-space-2);
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  kbd {
    display: inline-block;
    min-inline-size: 1.5rem;
    padding: 0 var(--_inbox-space-2);
    border: 1px solid var(--_inbox-color-border);
    border-block-end-width: 2px;
    border-radius: var(--_inbox-radius-sm);
    background: var(--_inbox-color-surface-raised);
    color: var(--_inbox-color-text);
    font-family: inherit;
    font-size: var(--_inbox-font-size-sm);
    text-align: center;
  }
`;
