import { css } from 'lit';

/*
 * The three layouts are container queries on the app's own width (481 and
 * 1100 px, LAYOUT_WIDTHS in inbox-app.ts, which decides what behaves as a
 * drawer or a sheet at the same widths): one pane up to 480 px, the list and
 * the conversation side by side up to 1099 px, then the views, the list, the
 * conversation and the contact. What is transient (the calls, the notices,
 * the undo toast, the drawer, the sheets) floats over the panes: nothing
 * moves when it comes or goes.
 */
export const styles = css`
  /*
   * Sizing: in a parent with a height (or as a stretched flex or grid item)
   * the app takes that height (max-block-size: 100%); on a page that gives
   * it none, a percentage means nothing and the viewport's height applies,
   * so the app never grows the page. A host sets block-size on the element
   * for any other height. contain: layout makes the app the containing block
   * of fixed-position descendants: its dialogs open over this inbox, not the
   * page or a neighbouring inbox.
   */
  :host {
    display: block;
    position: relative;
    contain: layout;
    container-type: inline-size;
    block-size: 100dvh;
    max-block-size: 100%;
    min-block-size: 0;
    overflow: hidden;
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size);
  }
  .app {
    position: relative;
    display: grid;
    block-size: 100%;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr);
    grid-template-areas: 'main';
  }

  /* The list pane: the bar, then the list; the calls float at its foot. */
  .list-pane {
    grid-area: main;
    position: relative;
    display: grid;
    grid-template-rows: auto minmax(0, 1fr);
    min-block-size: 0;
    min-inline-size: 0;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-3);
    block-size: 3rem;
    padding-inline: var(--_inbox-space-4) var(--_inbox-space-3);
    border-block-end: 1px solid var(--_inbox-color-border);
  }
  .bar inbox-filters {
    flex: 1;
    min-inline-size: 0;
  }
  .view-title,
  .views-button {
    flex: 0 1 auto;
    min-inline-size: 0;
    max-inline-size: 45%;
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-3);
    margin: 0;
    font: inherit;
    font-size: 1rem;
    font-weight: var(--_inbox-font-weight-bold);
    white-space: nowrap;
  }
  .views-button {
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    margin-inline-start: calc(-1 * var(--_inbox-space-3));
    border: 0;
    border-radius: var(--_inbox-radius);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .views-button:hover,
  .views-button[aria-expanded='true'] {
    background: var(--_inbox-color-surface-raised);
  }
  .view-name {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .view-count {
    flex: none;
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-medium);
    color: var(--_inbox-color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  inbox-list {
    min-block-size: 0;
  }

  /* Ringing calls and the call in progress: a dock floating at the foot of the list. */
  .dock {
    position: absolute;
    inset-inline: var(--_inbox-space-3);
    inset-block-end: var(--_inbox-space-3);
    z-index: 5;
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-3);
    pointer-events: none;
  }
  .dock > * {
    pointer-events: auto;
  }
  incoming-calls:not(:state(ringing)),
  call-card:not(:state(ringing), :state(active)) {
    display: none;
  }

  conversation-view {
    grid-area: main;
    min-block-size: 0;
    min-inline-size: 0;
    display: none;
  }
  .app[data-conversation-open] conversation-view {
    display: flex;
  }
  .app[data-conversation-open] .list-pane {
    display: none;
  }

  /* The contact: a sheet over the conversation; a pane beside it in the wide layout. */
  .contact-pane {
    grid-area: main;
    justify-self: end;
    z-index: 6;
    min-block-size: 0;
    inline-size: 100%;
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-3);
    padding: var(--_inbox-space-3);
    overflow: auto;
    background: var(--_inbox-color-surface);
    border-inline-start: 1px solid var(--_inbox-color-border);
    box-shadow: -8px 0 24px rgb(0 0 0 / 0.15);
  }
  .contact-pane[hidden] {
    display: none;
  }
  .contact-close {
    align-self: flex-end;
  }
  contact-panel {
    flex: 1;
    min-block-size: 0;
  }

  /* The views: a drawer over the panes (sidebar and medium layouts, or a collapsed column). */
  .nav {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    background: var(--_inbox-color-surface);
  }
  .app[data-drawer] .nav {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    z-index: 30;
    inline-size: min(var(--inbox-app-sidebar-width, 16rem), 88%);
    border-inline-end: 1px solid var(--_inbox-color-border);
    box-shadow: 8px 0 24px rgb(0 0 0 / 0.18);
  }
  .nav[hidden] {
    display: none;
  }
  inbox-sidebar {
    flex: 1;
    min-block-size: 0;
    overflow: auto;
  }
  .nav-foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-3);
    padding: var(--_inbox-space-3);
    border-block-start: 1px solid var(--_inbox-color-border);
  }
  .nav-foot availability-toggle {
    flex: 1 1 100%;
  }
  .nav-foot .tools {
    display: flex;
    gap: var(--_inbox-space-1);
  }
  .backdrop {
    position: absolute;
    inset: 0;
    z-index: 29;
    background: rgb(0 0 0 / 0.3);
  }

  /* Notices and the undo toast: one region, floating; at the top in the sidebar layout, where the calls dock is at the foot. */
  .toasts {
    position: absolute;
    inset-inline: var(--_inbox-space-3);
    inset-block-start: 3.5rem;
    z-index: 25;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_inbox-space-3);
    pointer-events: none;
  }
  .notices {
    display: contents;
  }
  .notice,
  undo-toast {
    pointer-events: auto;
  }
  undo-toast {
    position: static;
  }
  .notice {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-4);
    max-inline-size: min(28rem, 100%);
    padding: var(--_inbox-space-3) var(--_inbox-space-4);
    border-radius: var(--_inbox-radius-lg);
    background: var(--inbox-toast-background, var(--_inbox-color-text));
    color: var(--inbox-toast-color, var(--_inbox-color-surface));
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
  }
  .notice--error {
    background: var(--_inbox-status-blocked);
    color: #fff;
  }
  .dismiss {
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-size: 1.1em;
    cursor: pointer;
    padding: 0 var(--_inbox-space-2);
    border-radius: var(--_inbox-radius-sm);
  }

  /* Medium: the list and the conversation side by side. */
  @container (min-width: 481px) {
    .app {
      grid-template-columns: var(--inbox-app-list-width, 22rem) minmax(0, 1fr);
      grid-template-areas: 'list conversation';
    }
    .list-pane,
    .app[data-conversation-open] .list-pane {
      grid-area: list;
      display: grid;
      border-inline-end: 1px solid var(--_inbox-color-border);
    }
    conversation-view {
      grid-area: conversation;
      display: flex;
    }
    conversation-view::part(back) {
      display: none;
    }
    .contact-pane {
      grid-area: conversation;
      inline-size: min(var(--inbox-app-contact-width, 18rem), 100%);
    }
    .toasts {
      inset-block: auto var(--_inbox-space-5);
    }
  }

  /* Wide: the views column, the list, the conversation, the contact. */
  @container (min-width: 1100px) {
    .app:not([data-drawer]) {
      grid-template-columns: var(--inbox-app-sidebar-width, 13rem) var(--inbox-app-list-width, 22rem) minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr) auto;
      grid-template-areas:
        'nav list conversation'
        'foot list conversation';
    }
    .app:not([data-drawer]) .nav {
      grid-area: nav;
      border-inline-end: 1px solid var(--_inbox-color-border);
    }
    .app:not([data-drawer]) > .nav-foot {
      grid-area: foot;
      border-inline-end: 1px solid var(--_inbox-color-border);
    }
    .app:not([data-drawer]) .list-pane {
      grid-row: 1 / -1;
    }
    .app:not([data-drawer]) conversation-view {
      grid-row: 1 / -1;
    }
    .app[data-contact-shown]:not([data-drawer]) {
      grid-template-columns:
        var(--inbox-app-sidebar-width, 13rem) var(--inbox-app-list-width, 22rem) minmax(0, 1fr)
        var(--inbox-app-contact-width, 18rem);
      grid-template-areas:
        'nav list conversation contact'
        'foot list conversation contact';
    }
    .app[data-contact-shown][data-drawer] {
      grid-template-columns: var(--inbox-app-list-width, 22rem) minmax(0, 1fr) var(--inbox-app-contact-width, 18rem);
      grid-template-areas: 'list conversation contact';
    }
    .contact-pane {
      grid-area: contact;
      grid-row: 1 / -1;
      justify-self: stretch;
      inline-size: auto;
      box-shadow: none;
      padding: 0;
    }
    .contact-close {
      display: none;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .app[data-drawer] .nav:not([hidden]) {
      animation: slide-in 150ms ease-out;
    }
    @keyframes slide-in {
      from {
        transform: translateX(-1.5rem);
        opacity: 0;
      }
    }
  }
`;
