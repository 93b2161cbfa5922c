import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    position: relative;
    vertical-align: middle;
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size);
  }

  .anchor {
    display: inline-block;
  }

  .panel {
    min-inline-size: var(--inbox-picker-min-width, 15rem);
    max-inline-size: min(22rem, calc(100vw - 1rem));
    max-block-size: var(--inbox-picker-max-height, min(24rem, 70vh));
    overflow: auto;
    background: var(--inbox-picker-background, var(--_inbox-color-surface));
  }
  .panel:not([popover]) {
    inset-block-start: 100%;
    inset-inline-start: 0;
  }
  @supports (anchor-name: --a) {
    .panel[popover] {
      inset: auto;
      top: anchor(bottom);
      left: anchor(left);
      margin-block-start: var(--_inbox-space-2);
      position-try-fallbacks: flip-block, flip-inline, flip-block flip-inline;
    }
  }

  .filter,
  .field {
    inline-size: 100%;
  }
  .filter {
    margin-block-end: var(--_inbox-space-2);
  }

  .listbox {
    display: flex;
    flex-direction: column;
    gap: 1px;
    border-radius: var(--_inbox-radius);
  }
  .listbox:focus-visible {
    outline-offset: 0;
  }

  .option {
    user-select: none;
  }
  .option[aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--_inbox-color-text-muted);
  }
  .check {
    flex: none;
    inline-size: 1rem;
    text-align: center;
    color: var(--_inbox-color-accent);
  }
  .label {
    flex: 1;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .description {
    flex: none;
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_inbox-space-3);
    margin-block-start: var(--_inbox-space-3);
    padding-block-start: var(--_inbox-space-3);
    border-block-start: 1px solid var(--_inbox-color-border);
  }
  .footer label {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-1);
    flex: 1;
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .footer .when {
    flex: 1 1 100%;
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: var(--_inbox-space-2);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .when legend {
    padding: 0;
    margin-block-end: var(--_inbox-space-1);
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .when .field {
    inline-size: 100%;
  }
  .when .hint {
    grid-column: 1 / -1;
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .when input[aria-invalid='true'] {
    border-color: var(--_inbox-status-blocked);
  }
`;
