import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }

  dialog {
    inline-size: min(36rem, calc(100% - 2rem));
    margin-block-start: 3rem;
    overflow: hidden;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
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
    min-block-size: 0;
    overflow: auto;
    padding: var(--_inbox-space-2);
  }
  .label {
    flex: 1;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .detail {
    color: var(--_inbox-color-text-muted);
  }
  .keys {
    display: flex;
    gap: var(--_inbox-space-1);
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .empty {
    padding: var(--_inbox-space-4);
    color: var(--_inbox-color-text-muted);
  }
`;
