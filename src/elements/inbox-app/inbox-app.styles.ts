import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    height: 100%;
    min-height: 24rem;
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
  .tools button {
    font: inherit;
    color: inherit;
    background: var(--_inbox-color-surface-raised);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    cursor: pointer;
  }
  inbox-sidebar {
    grid-area: sidebar;
    overflow: auto;
    border-right: 1px solid var(--_inbox-color-border);
  }
  inbox-list {
    grid-area: list;
    min-height: 0;
    border-right: 1px solid var(--_inbox-color-border);
  }
  inbox-thread {
    grid-area: conversation;
    min-height: 0;
  }
  inbox-thread::part(back) {
    display: none;
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
    inbox-sidebar {
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
    inbox-thread {
      display: none;
    }
    .app[data-conversation-open] {
      grid-template-rows: minmax(0, 1fr);
      grid-template-areas: 'conversation';
    }
    .app[data-conversation-open] > :not(inbox-thread) {
      display: none;
    }
    .app[data-conversation-open] inbox-thread {
      display: flex;
    }
    .app[data-conversation-open] inbox-thread::part(back) {
      display: inline-block;
    }
  }
`;
