import { css } from 'lit';

export const styles = css`
  /*
   * Sizing: in a parent with a height (or as a stretched flex or grid item)
   * the app takes that height (max-block-size: 100%); on a page that gives
   * it none, a percentage means nothing and the viewport's height applies,
   * so the app never grows the page. A host sets block-size on the element
   * for any other height.
   */
  /*
   * contain: layout makes the app the containing block of fixed-position
   * descendants: the palette and the shortcut help open over this inbox,
   * not the page or a neighbouring inbox.
   */
  :host {
    display: block;
    position: relative;
    contain: layout;
    container-type: inline-size;
    block-size: 100dvh;
    max-block-size: 100%;
    min-block-size: 0;
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
  }
  .app {
    display: grid;
    height: 100%;
    grid-template-columns: var(--inbox-app-sidebar-width, 15rem) var(--inbox-app-list-width, 26rem) minmax(0, 1fr);
    grid-template-rows: auto minmax(0, 1fr);
    grid-template-areas:
      'header header header'
      'sidebar list conversation';
  }
  header {
    grid-area: header;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-4);
    padding: var(--_inbox-space-3) var(--_inbox-space-4);
    border-bottom: 1px solid var(--_inbox-color-border);
  }
  header inbox-filters {
    flex: 1;
    min-width: 16rem;
  }
  .tools {
    display: flex;
    gap: var(--_inbox-space-3);
  }
  .tools button,
  .contact-toggle,
  .contact-close {
    font: inherit;
    color: inherit;
    background: var(--_inbox-color-surface-raised);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    cursor: pointer;
  }
  .side {
    grid-area: sidebar;
    display: flex;
    flex-direction: column;
    min-height: 0;
    overflow: auto;
    border-right: 1px solid var(--_inbox-color-border);
  }
  inbox-sidebar {
    flex: 1 0 auto;
  }
  /* The calls show only while there is one: ringing for the user, or theirs in progress. */
  incoming-calls:not(:state(ringing)),
  call-card:not(:state(ringing), :state(active)) {
    display: none;
  }
  incoming-calls,
  call-card {
    flex: none;
    border-bottom: 1px solid var(--_inbox-color-border);
  }
  /* Several calls ringing at once scroll within half the column: the views stay in reach. */
  incoming-calls {
    max-block-size: 50%;
    overflow: auto;
  }
  inbox-list {
    grid-area: list;
    min-height: 0;
    border-right: 1px solid var(--_inbox-color-border);
  }
  conversation-view {
    grid-area: conversation;
    min-height: 0;
  }
  conversation-view::part(back) {
    display: none;
  }
  .contact-toggle[aria-pressed='true'] {
    background: color-mix(in srgb, var(--_inbox-color-accent) 14%, var(--_inbox-color-surface));
    border-color: var(--_inbox-color-accent);
  }

  /* The contact: a sheet over the conversation pane, unless the container is wide (below). */
  .contact-pane {
    grid-area: conversation;
    justify-self: end;
    z-index: 1;
    min-height: 0;
    inline-size: min(var(--inbox-app-contact-width, 22rem), 100%);
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
    min-height: 0;
  }
  @container (min-width: 1400px) {
    .app[data-contact-shown] {
      grid-template-columns:
        var(--inbox-app-sidebar-width, 15rem) var(--inbox-app-list-width, 26rem) minmax(0, 1fr)
        var(--inbox-app-contact-width, 22rem);
      grid-template-areas:
        'header header header header'
        'sidebar list conversation contact';
    }
    .contact-pane {
      grid-area: contact;
      justify-self: stretch;
      inline-size: auto;
      box-shadow: none;
      padding: 0;
    }
    .contact-close {
      display: none;
    }
  }

  /* Medium: the sidebar goes above the list as a scrolling strip. */
  @container (max-width: 960px) {
    .app {
      grid-template-columns: minmax(16rem, 24rem) minmax(0, 1fr);
      grid-template-rows: auto auto minmax(0, 1fr);
      grid-template-areas:
        'header header'
        'sidebar conversation'
        'list conversation';
    }
    .side {
      max-height: 12rem;
      border-right: 1px solid var(--_inbox-color-border);
      border-bottom: 1px solid var(--_inbox-color-border);
    }
  }

  /* Narrow: one pane, the list or the open conversation. */
  @container (max-width: 640px) {
    .app {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto auto minmax(0, 1fr);
      grid-template-areas:
        'header'
        'sidebar'
        'list';
    }
    conversation-view {
      display: none;
    }
    .app[data-conversation-open] {
      grid-template-rows: minmax(0, 1fr);
      grid-template-areas: 'conversation';
    }
    .app[data-conversation-open] > :not(conversation-view, .contact-pane) {
      display: none;
    }
    .app[data-conversation-open] conversation-view {
      display: flex;
    }
    .app[data-conversation-open] conversation-view::part(back) {
      display: inline-flex;
    }
  }
`;
