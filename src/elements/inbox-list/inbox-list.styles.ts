import { css } from 'lit';

export const styles = css`
  :host {
    --_row-height: var(--inbox-list-row-height, 76px);
    --_row-bg: var(--inbox-list-row-background, var(--_inbox-color-surface));
    --_row-active-bg: var(
      --inbox-list-row-active-background,
      color-mix(in srgb, var(--_inbox-color-accent) 8%, var(--_inbox-color-surface))
    );
    --_row-checked-bg: var(
      --inbox-list-row-checked-background,
      color-mix(in srgb, var(--_inbox-color-accent) 16%, var(--_inbox-color-surface))
    );
    --_unread: var(--inbox-list-unread-color, var(--_inbox-status-unread));
    --_swipe-done: var(--inbox-list-swipe-done-color, var(--_inbox-status-open));
    --_swipe-unread: var(--inbox-list-swipe-unread-color, var(--_inbox-status-unread));
    display: flex;
    flex-direction: column;
    position: relative;
    min-height: 0;
    height: 100%;
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_inbox-space-3);
    padding: var(--_inbox-space-3) var(--_inbox-space-4) 0;
    border-block-end: 1px solid var(--_inbox-color-border);
  }
  .tablist {
    display: flex;
    gap: var(--_inbox-space-2);
  }

  /* The listbox scrolls; its size never depends on the rows (contain), and it
     keeps the rows in view in place itself (overflow-anchor). */
  .scroller {
    flex: 1 1 auto;
    display: block;
    position: relative;
    min-height: 150px;
    overflow: auto;
    contain: size layout;
    overflow-anchor: none;
    outline: none;
  }
  .scroller--hidden {
    display: none !important;
  }

  .row {
    position: relative;
    box-sizing: border-box; /* the height includes the border, whatever the host inherits */
    width: 100%;
    height: var(--_row-height);
    overflow: hidden;
    touch-action: pan-y;
    user-select: none;
    cursor: pointer;
    border-block-end: 1px solid var(--_inbox-color-border);
    background: var(--_row-bg);
  }
  .content {
    position: relative;
    display: flex;
    align-items: flex-start;
    gap: var(--_inbox-space-3);
    height: 100%;
    padding: var(--_inbox-space-3) var(--_inbox-space-4);
    background: inherit;
    transform: translateX(var(--swipe-x, 0));
  }
  .row[data-settling] .content {
    transition: transform 0.18s ease-out;
  }
  .row:hover {
    --_row-bg: var(--_row-active-bg);
  }
  .row--active {
    --_row-bg: var(--_row-active-bg);
  }
  .row--checked {
    --_row-bg: var(--_row-checked-bg);
  }
  .row--open {
    box-shadow: inset 3px 0 0 var(--_inbox-color-accent);
  }
  .scroller:focus-visible .row--active,
  .scroller:focus .row--active {
    outline: var(--_inbox-focus-ring);
    outline-offset: -2px;
  }

  /* Swipe hints, behind the moving content. */
  .hint {
    position: absolute;
    inset: 0;
    display: none;
    align-items: center;
    padding: 0 var(--_inbox-space-6);
    font-weight: var(--_inbox-font-weight-bold);
    color: #fff;
    opacity: 0.75;
  }
  .hint--done {
    justify-content: flex-end;
    background: var(--_swipe-done);
  }
  .hint--unread {
    background: var(--_swipe-unread);
  }
  .row[data-swipe='left'] .hint--done,
  .row[data-swipe='right'] .hint--unread {
    display: flex;
  }
  .row[data-armed] .hint {
    opacity: 1;
  }

  .check {
    flex: none;
    inline-size: 1rem;
    block-size: 1rem;
    margin-block-start: 0.125rem;
    border: 1.5px solid var(--_inbox-color-text-muted);
    border-radius: var(--_inbox-radius-sm);
    background: var(--_inbox-color-surface);
  }
  .row--checked .check {
    background: var(--_inbox-color-accent);
    border-color: var(--_inbox-color-accent);
    box-shadow: inset 0 0 0 2px var(--_inbox-color-surface);
  }
  .lead {
    flex: none;
    position: relative;
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    color: var(--_inbox-color-text-muted);
    min-inline-size: 1.75rem;
    justify-content: flex-end;
  }
  .dot {
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: var(--_unread);
  }
  .channel {
    flex: none;
  }
  .main {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-1);
    min-inline-size: 0;
    flex: 1;
  }
  .line {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    min-inline-size: 0;
    white-space: nowrap;
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .row--unread .name,
  .row--unread .subject {
    font-weight: var(--_inbox-font-weight-bold);
  }
  .count {
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .count::before {
    content: '· ';
  }
  .pin {
    font-size: var(--_inbox-font-size-sm);
  }
  .time {
    margin-inline-start: auto;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .subject {
    flex: none;
    max-inline-size: 50%;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .subject::after {
    content: ' —';
    color: var(--_inbox-color-text-muted);
  }
  .preview {
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_inbox-color-text-muted);
  }
  .line--meta {
    font-size: var(--_inbox-font-size-sm);
  }
  .spacer {
    flex: 1;
  }
  .priority,
  .label {
    padding: 0 var(--_inbox-space-3);
    border-radius: var(--_inbox-radius-pill);
    border: 1px solid var(--_inbox-color-border);
    color: var(--_inbox-color-text-muted);
    line-height: 1.4;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .priority--urgent,
  .priority--high {
    color: var(--_inbox-status-blocked);
    border-color: currentColor;
  }
  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border-radius: 50%;
    font-size: 0.625rem;
    font-weight: var(--_inbox-font-weight-bold);
    color: var(--_inbox-color-surface);
    background: var(--_inbox-color-text-muted);
  }
  .avatar--bot {
    border-radius: var(--_inbox-radius-sm);
  }

  @media (prefers-reduced-motion: reduce) {
    .row[data-settling] .content {
      transition: none;
    }
  }

  .pickers:empty {
    display: none;
  }
  .pickers {
    position: absolute;
    inset-block-start: 3rem;
    inset-inline-end: var(--_inbox-space-4);
    z-index: 2;
  }


  @media (forced-colors: active) {
    .dot {
      forced-color-adjust: none;
      background: Highlight;
    }
    .row--checked .check {
      background: Highlight;
    }
  }
`;
