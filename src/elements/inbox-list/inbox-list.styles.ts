import { css } from 'lit';

export const styles = css`
  :host {
    --_row-height: var(--inbox-list-row-height, 60px);
    --_bar-height: 2.25rem;
    --_row-bg: var(--inbox-list-row-background, var(--_inbox-color-surface));
    --_row-hover-bg: var(
      --inbox-list-row-hover-background,
      color-mix(in srgb, var(--_inbox-color-text) 4%, var(--_inbox-color-surface))
    );
    --_row-active-bg: var(
      --inbox-list-row-active-background,
      color-mix(in srgb, var(--_inbox-color-text) 7%, var(--_inbox-color-surface))
    );
    --_row-open-bg: var(
      --inbox-list-row-open-background,
      color-mix(in srgb, var(--_inbox-color-accent) 9%, var(--_inbox-color-surface))
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

  /* One line of tabs, 36 px, in every language: the Chats / Calls tabs are
     glyphs where the list is narrow (their names stay their accessible names). */
  .header {
    flex: none;
    container: list-header / inline-size;
    display: flex;
    align-items: stretch;
    gap: var(--_inbox-space-3);
    block-size: var(--_bar-height);
    padding-inline: var(--_inbox-space-3);
    border-block-end: 1px solid var(--_inbox-color-border);
    white-space: nowrap;
  }
  .tablist {
    display: flex;
    align-items: stretch;
    min-inline-size: 0;
  }
  .tablist--status {
    overflow-x: auto;
    scrollbar-width: none;
  }
  .tablist--mode {
    flex: none;
    margin-inline-start: auto;
  }
  .tab {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    padding: 0 var(--_inbox-space-3);
    font-size: var(--_inbox-font-size-md);
  }
  .tab:focus-visible {
    outline-offset: -2px;
  }
  .tab svg {
    flex: none;
  }
  @container list-header (max-width: 30rem) {
    .tablist--mode .word {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }

  /* While rows are checked the bulk bar lies over the tab row: the rows never move. */
  bulk-bar {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    z-index: 2;
    block-size: var(--_bar-height);
  }

  /* The listbox scrolls; its size never depends on the rows (contain) and it
     keeps the rows in view in place itself (overflow-anchor). It fills the
     list's box and shrinks with it, never past it (no minimum: a list in a
     short box once grew out of it and made the page scroll); a list given no
     height shows five rows. */
  .scroller {
    flex: 1 1 calc(var(--_row-height) * 5);
    display: block;
    position: relative;
    min-height: 0;
    overflow: auto;
    contain: size layout;
    container: list-rows / inline-size;
    overflow-anchor: none;
    outline: none;
    /* Room after the last row for what floats over the list's foot (<inbox-app>'s calls dock). */
    padding-block-end: var(--inbox-list-end-space, 0px);
  }
  .scroller--hidden {
    display: none !important;
  }

  /* Each row is placed at its index (a transform, set per row): a conversation
     that arrives or leaves above moves the rows below without moving their
     layout box (no layout shift, no relayout of the other rows). */
  .sizer {
    position: relative;
  }
  .row {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    box-sizing: border-box; /* the height includes the border, whatever the host inherits */
    width: 100%;
    height: var(--_row-height);
    overflow: hidden;
    touch-action: pan-y;
    user-select: none;
    cursor: pointer;
    border-block-end: 1px solid color-mix(in srgb, var(--_inbox-color-border) 60%, transparent);
    background: var(--_row-bg);
    /* The rows kept above and below the view for scrolling are laid out only
       once they come near it: a filter change styles the dozen rows in view,
       not thirty. */
    contain: strict;
    content-visibility: auto;
  }
  .content {
    position: relative;
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-4);
    height: 100%;
    padding: 0 var(--_inbox-space-4) 0 var(--_inbox-space-5);
    background: inherit;
    transform: translateX(var(--swipe-x, 0));
  }
  .row[data-settling] .content {
    transition: transform 0.18s ease-out;
  }
  .row:hover {
    --_row-bg: var(--_row-hover-bg);
  }
  .row--active {
    --_row-bg: var(--_row-active-bg);
  }
  /* The open conversation: an accent tint and bar; the keyboard's row: the focus ring. */
  .row--open {
    --_row-bg: var(--_row-open-bg);
  }
  .row--open::after {
    content: '';
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    inline-size: 3px;
    background: var(--_inbox-color-accent);
  }
  .row--checked {
    --_row-bg: var(--_row-checked-bg);
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

  /* R15's unread dot, in the row's leading padding. */
  .dot {
    position: absolute;
    inset-inline-start: 5px;
    inset-block-start: calc(50% - 4px);
    inline-size: 8px;
    block-size: 8px;
    border-radius: 50%;
    background: var(--_unread);
  }

  /* The contact's avatar, which turns into a check box under the pointer and
     while rows are checked. */
  .check {
    flex: none;
    position: relative;
    display: grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    --avatar-size: 2rem;
  }
  .box {
    position: absolute;
    inset: 0;
    margin: auto;
    display: none;
    place-items: center;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    border: 1.5px solid var(--_inbox-color-text-muted);
    border-radius: var(--_inbox-radius-sm);
    background: var(--_inbox-color-surface);
    color: transparent;
  }
  .row:hover .box,
  .scroller--checking .box,
  .row--checked .box {
    display: grid;
  }
  .row:hover .check .avatar,
  .scroller--checking .check .avatar,
  .row--checked .check .avatar {
    visibility: hidden;
  }
  .row--checked .box {
    border-color: var(--_inbox-color-accent);
    background: var(--_inbox-color-accent);
    color: #fff;
  }

  .main {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-2);
    min-inline-size: 0;
    flex: 1;
  }
  .line {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    min-inline-size: 0;
    block-size: 1.25rem;
    line-height: 1.25rem;
    white-space: nowrap;
  }
  .end {
    flex: none;
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-3);
    margin-inline-start: auto;
    padding-inline-start: var(--_inbox-space-2);
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    font-weight: var(--_inbox-font-weight-medium);
  }
  .row--unread .name,
  .row--unread .subject {
    font-weight: var(--_inbox-font-weight-bold);
  }
  .count {
    flex: none;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
    font-variant-numeric: tabular-nums;
  }
  .count::before {
    content: '· ';
  }
  .pin {
    flex: none;
    color: var(--_inbox-color-text-muted);
  }
  .time {
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
    font-variant-numeric: tabular-nums;
  }
  .row--unread .time {
    color: var(--_inbox-color-text);
  }
  .line--second {
    font-size: var(--_inbox-font-size-md);
  }
  .channel {
    flex: none;
    color: var(--_inbox-color-text-muted);
  }
  .subject {
    flex: 0 1 auto;
    max-inline-size: 50%;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .subject::after {
    content: ' —';
    color: var(--_inbox-color-text-muted);
  }
  .preview {
    flex: 1 1 0;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_inbox-color-text-muted);
  }
  .call {
    font-variant-numeric: tabular-nums;
  }
  .preview.call--danger,
  .preview.call--warning {
    color: var(--_inbox-color-text);
  }
  .channel.call--danger {
    color: var(--_inbox-status-blocked);
  }
  .channel.call--warning {
    color: var(--_inbox-status-waiting);
  }
  .labels {
    display: flex;
    gap: var(--_inbox-space-2);
    max-inline-size: 14rem;
    overflow: hidden;
  }
  .end .avatar {
    --avatar-size: 1.25rem;
  }
  /* Labels only where there is room: a narrow list shows each as its colour dot. */
  @container list-rows (max-width: 27.5rem) {
    .labels {
      gap: 3px;
    }
    .label-chip {
      inline-size: 0.5rem;
      block-size: 0.5rem;
      padding: 0;
      border: 0;
      font-size: 0;
    }
    .label-chip::before {
      inline-size: 0.5rem;
      block-size: 0.5rem;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .row[data-settling] .content {
      transition: none;
    }
  }

  .more {
    position: absolute;
    inset-inline: 0;
    inset-block-end: var(--_inbox-space-2);
    margin-inline: auto;
    inline-size: fit-content;
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    padding: var(--_inbox-space-1) var(--_inbox-space-3);
    border: 1px solid var(--_inbox-color-border);
    border-radius: 999px;
    background: var(--_inbox-color-surface);
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.12);
    pointer-events: none;
  }

  .state p {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-2);
    margin: 0;
  }
  .state-action {
    font: inherit;
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
    color: var(--_inbox-color-accent);
    cursor: pointer;
  }
  .state-action:hover {
    background: var(--_inbox-color-surface-raised);
  }

  .pickers:empty {
    display: none;
  }
  .pickers {
    position: absolute;
    inset-block-start: var(--_bar-height);
    inset-inline-end: var(--_inbox-space-4);
    z-index: 3;
  }

  @media (forced-colors: active) {
    .dot {
      forced-color-adjust: none;
      background: Highlight;
    }
    .row--checked .box {
      background: Highlight;
    }
    .row--open::after {
      background: Highlight;
    }
  }
`;
