import { css } from 'lit';

export const styles = css`
  /* The containing block of everything inside, so that what it scrolls it
     also clips: nothing of the views ever sits below the sidebar's box. */
  :host {
    display: block;
    position: relative;
    min-inline-size: 0;
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size-md);
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
    block-size: 1.75rem;
    padding: 0 var(--_inbox-space-3);
    border: 0;
    border-radius: var(--_inbox-radius-sm);
    background: none;
    color: var(--_inbox-color-text-muted);
    font: inherit;
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-bold);
    letter-spacing: 0.02em;
    cursor: pointer;
    text-align: start;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .section-toggle:hover {
    color: var(--_inbox-color-text);
  }
  .chevron {
    flex: none;
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

  /* A view: 32 px, its name then its dot and number at the end. */
  .item {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-3);
    inline-size: 100%;
    block-size: 2rem;
    padding: 0 var(--_inbox-space-3) 0 var(--_inbox-space-6);
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
    flex: none;
    font-variant-numeric: tabular-nums;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-medium);
  }

  /* R15: the new-message dot. */
  .dot {
    flex: none;
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: var(--inbox-sidebar-dot-color, var(--_inbox-status-unread));
  }

  .status {
    margin: 0;
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
    }
  }
`;
