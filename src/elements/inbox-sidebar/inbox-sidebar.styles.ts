import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size);
    background: var(--inbox-sidebar-background, var(--_inbox-color-surface-raised));
    padding: var(--inbox-sidebar-padding, var(--_inbox-space-3));
    overflow: auto;
  }

  nav {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-3);
  }

  h2 {
    margin: 0;
    font: inherit;
  }

  .section-toggle {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    inline-size: 100%;
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border: 0;
    border-radius: var(--_inbox-radius-sm);
    background: none;
    color: var(--_inbox-color-text-muted);
    font: inherit;
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-bold);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    cursor: pointer;
    text-align: start;
  }
  .chevron {
    display: inline-block;
    transition: transform 120ms ease;
  }
  .section-toggle[aria-expanded='false'] .chevron {
    transform: rotate(-90deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 1px;
  }

  .item {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-3);
    inline-size: 100%;
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border: 0;
    border-radius: var(--inbox-sidebar-item-radius, var(--_inbox-radius));
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .item:hover {
    background: color-mix(in srgb, var(--_inbox-color-text) 6%, transparent);
  }
  .item[aria-current='page'] {
    background: var(
      --inbox-sidebar-current-background,
      color-mix(in srgb, var(--_inbox-color-accent) 14%, var(--_inbox-color-surface))
    );
    color: var(--inbox-sidebar-current-color, var(--_inbox-color-text));
    font-weight: var(--_inbox-font-weight-bold);
  }

  .name {
    flex: 1;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .count {
    font-variant-numeric: tabular-nums;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }

  /* R15: the new-message dot, with the number of conversations that lit it. */
  .dot {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 1.25rem;
    block-size: 1.25rem;
    padding: 0 var(--_inbox-space-2);
    border-radius: var(--_inbox-radius-pill);
    background: var(--inbox-sidebar-dot-color, var(--_inbox-status-unread));
    color: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-bold);
    font-variant-numeric: tabular-nums;
  }

  .status {
    padding: var(--_inbox-space-3);
    color: var(--_inbox-color-text-muted);
  }


  @media (forced-colors: active) {
    .item[aria-current='page'] {
      outline: 2px solid Highlight;
    }
    .dot {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
