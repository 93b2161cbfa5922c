import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }

  dialog {
    inline-size: min(36rem, calc(100vw - 2rem));
    margin-block-start: 12vh;
    padding: 0;
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-lg);
    background: var(--inbox-dialog-background, var(--_inbox-color-surface));
    color: var(--_inbox-color-text);
    font-family: var(--_inbox-font-family);
    font-size: var(--_inbox-font-size);
    box-shadow: 0 16px 48px rgb(0 0 0 / 0.25);
    overflow: hidden;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }

  input {
    box-sizing: border-box;
    inline-size: 100%;
    padding: var(--_inbox-space-4) var(--_inbox-space-5);
    border: 0;
    border-block-end: 1px solid var(--_inbox-color-border);
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 1rem;
  }
  input:focus-visible {
    outline: none;
    box-shadow: inset 0 -2px 0 var(--_inbox-color-accent);
  }

  .listbox {
    max-block-size: min(24rem, 60vh);
    overflow: auto;
    padding: var(--_inbox-space-2);
  }
  .group-label {
    padding: var(--_inbox-space-3) var(--_inbox-space-3) var(--_inbox-space-1);
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-bold);
    color: var(--_inbox-color-text-muted);
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-3);
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border-radius: var(--_inbox-radius-sm);
    cursor: pointer;
  }
  .option:hover {
    background: var(--_inbox-color-surface-raised);
  }
  .option.active {
    background: color-mix(in srgb, var(--_inbox-color-accent) 14%, var(--_inbox-color-surface));
    outline: 1px solid var(--_inbox-color-accent);
  }
  .label {
    flex: 1;
  }
  .keys {
    display: flex;
    gap: var(--_inbox-space-1);
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  kbd {
    display: inline-block;
    min-inline-size: 1.25rem;
    padding: 0 var(--_inbox-space-2);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-sm);
    background: var(--_inbox-color-surface-raised);
    color: var(--_inbox-color-text);
    font-family: inherit;
    text-align: center;
  }
  .empty {
    padding: var(--_inbox-space-4);
    color: var(--_inbox-color-text-muted);
  }

  @media (forced-colors: active) {
    .option.active {
      outline: 2px solid Highlight;
    }
  }
`;
