import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
  }
  .pickers {
    position: absolute;
    inset-block-start: 100%;
    inset-inline-end: var(--_inbox-space-4);
    z-index: 2;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-2) var(--_inbox-space-3);
    padding: var(--_inbox-space-3) var(--_inbox-space-4);
    background: var(
      --inbox-bulk-bar-background,
      color-mix(in srgb, var(--_inbox-color-accent) 10%, var(--_inbox-color-surface))
    );
    border-block-end: 1px solid var(--_inbox-color-border);
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size);
  }
  .count {
    font-weight: var(--_inbox-font-weight-bold);
  }
  .notice {
    color: var(--_inbox-status-blocked);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_inbox-space-2);
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_inbox-color-surface);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    padding: var(--_inbox-space-1) var(--_inbox-space-3);
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_inbox-color-accent);
  }
  .link {
    border-color: transparent;
    background: none;
    color: var(--_inbox-color-accent);
    text-decoration: underline;
  }
  .clear {
    margin-inline-start: auto;
  }
`;
