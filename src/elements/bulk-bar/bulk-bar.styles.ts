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

  /* One line, 36 px: never wraps, whatever the language; what does not fit is in More. */
  .bar {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: var(--_inbox-space-2);
    block-size: 2.25rem;
    padding-inline: var(--_inbox-space-2);
    overflow: hidden;
    white-space: nowrap;
    background: var(
      --inbox-bulk-bar-background,
      color-mix(in srgb, var(--_inbox-color-accent) 10%, var(--_inbox-color-surface))
    );
    border-block-end: 1px solid var(--_inbox-color-border);
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size-md);
  }
  .lead {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
  }
  .count {
    font-weight: var(--_inbox-font-weight-bold);
    font-variant-numeric: tabular-nums;
  }
  .notice {
    color: var(--_inbox-status-blocked);
    font-weight: var(--_inbox-font-weight-medium);
  }
  .actions {
    flex: 1 1 auto;
    min-inline-size: 0;
    display: flex;
    justify-content: flex-end;
    gap: var(--_inbox-space-2);
  }

  /* The shared icon button (styles/controls.ts), in the text colour and with the accent tint under the pointer. */
  .icon-button {
    color: var(--_inbox-color-text);
  }
  .icon-button:hover {
    background: color-mix(in srgb, var(--_inbox-color-accent) 14%, transparent);
  }
  .select-all {
    font: inherit;
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border: 0;
    border-radius: var(--_inbox-radius);
    background: none;
    color: var(--_inbox-color-accent);
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  .select-all:hover {
    text-decoration: underline;
  }

  .more {
    anchor-name: --inbox-bulk-more;
  }
  .menu {
    min-inline-size: 12rem;
    font-size: var(--_inbox-font-size);
  }
  .menu[hidden] {
    display: none;
  }
  @supports (anchor-name: --a) {
    .menu[popover] {
      position-anchor: --inbox-bulk-more;
      inset: auto;
      top: anchor(bottom);
      right: anchor(right);
      margin-block-start: var(--_inbox-space-2);
      position-try-fallbacks: flip-block, flip-inline;
    }
  }
  @media (forced-colors: active) {
    .icon-button:hover,
    .icon-button[aria-expanded='true'] {
      outline: 1px solid Highlight;
    }
  }
`;
