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

  /* The rest of its look is the shared toolbar button's (styles/controls.ts). */
  .trigger {
    font: inherit;
    color: inherit;
  }

  .panel {
    box-sizing: border-box;
    min-inline-size: var(--inbox-picker-min-width, 15rem);
    max-inline-size: min(22rem, calc(100vw - 1rem));
    max-block-size: var(--inbox-picker-max-height, min(24rem, 70vh));
    overflow: auto;
    padding: var(--_inbox-space-2);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-lg);
    background: var(--inbox-picker-background, var(--_inbox-color-surface));
    color: var(--_inbox-color-text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
    font: inherit;
  }
  .panel:not([popover]) {
    position: absolute;
    inset-block-start: 100%;
    inset-inline-start: 0;
    z-index: 10;
  }
  .panel[popover] {
    margin: 0;
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
    font: inherit;
    color: inherit;
    inline-size: 100%;
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
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
    user-select: none;
  }
  .option:hover {
    background: var(--_inbox-color-surface-raised);
  }
  .option.active {
    background: color-mix(in srgb, var(--_inbox-color-accent) 14%, var(--_inbox-color-surface));
    outline: 1px solid var(--_inbox-color-accent);
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
  .apply {
    font: inherit;
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    border: 1px solid var(--_inbox-color-accent);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-accent);
    color: var(--_inbox-color-surface);
    cursor: pointer;
  }
  .apply:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }

  @media (forced-colors: active) {
    .option.active {
      outline: 2px solid Highlight;
    }
  }
`;
