import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
    /* The header lays itself out by the view's own width. */
    container: conversation / inline-size;
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size);
  }

  /* Two rows that never wrap: who and what state, then the icon buttons. */
  .header {
    flex: none;
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-2);
    padding: var(--_inbox-space-3) var(--_inbox-space-4) var(--_inbox-space-2);
    border-bottom: 1px solid var(--_inbox-color-border);
    background: var(--inbox-conversation-header-background, var(--_inbox-color-surface));
  }
  .top {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: var(--_inbox-space-3);
    min-inline-size: 0;
    min-block-size: 2rem;
  }
  .top > * {
    flex: none;
  }
  .top > .avatar {
    --avatar-size: 1.75rem;
  }
  .title {
    flex: 0 1 auto;
    display: flex;
    align-items: baseline;
    gap: var(--_inbox-space-3);
    min-inline-size: 3rem;
    overflow: hidden;
  }
  .contact,
  .subject {
    margin: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .contact {
    flex: 0 1 auto;
    min-inline-size: 3rem;
    font-size: 1rem;
    font-weight: var(--_inbox-font-weight-bold);
  }
  .subject {
    flex: 0 100 auto;
    min-inline-size: 0;
    color: var(--_inbox-color-text-muted);
  }
  .channel,
  .team {
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
    white-space: nowrap;
  }
  .labels {
    flex: 0 1 auto;
    display: flex;
    gap: var(--_inbox-space-2);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    list-style: none;
    overflow: hidden;
  }
  .labels li {
    display: flex;
    min-inline-size: 0;
  }

  .presence {
    flex: 0 1 auto;
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    min-inline-size: 0;
    margin-inline-start: auto;
  }
  .presence:not(:has(.presence-person)) {
    display: contents;
  }
  .presence-person {
    display: inline-flex;
    border-radius: 50%;
    box-shadow: 0 0 0 2px var(--_inbox-color-surface);
  }
  .presence-person .avatar {
    --avatar-size: 1.5rem;
  }
  .presence-person.typing {
    box-shadow: 0 0 0 2px var(--inbox-conversation-presence-color, var(--_inbox-status-waiting));
  }
  .typing-line {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    color: var(--inbox-conversation-presence-color, var(--_inbox-status-waiting));
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-medium);
  }

  /* The row of icon buttons: its count follows the measured width, so it never wraps. */
  .toolbar {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: var(--_inbox-space-1);
    min-inline-size: 0;
    overflow-x: clip;
  }
  .tool-wrap {
    display: inline-flex;
    flex: none;
  }
  .end {
    display: inline-flex;
    flex: none;
    align-items: center;
    gap: var(--_inbox-space-1);
    margin-inline-start: auto;
  }
  .tool {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    border: 0;
    border-radius: var(--_inbox-radius);
    background: none;
    color: var(--_inbox-color-text-muted);
    font: inherit;
    cursor: pointer;
  }
  .tool:hover:not([aria-disabled='true']),
  .tool[aria-expanded='true'] {
    background: var(--_inbox-color-surface-raised);
    color: var(--_inbox-color-text);
  }
  .tool[aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }
  .tool[data-action='done'] {
    color: var(--_inbox-status-open);
  }
  .tool .avatar {
    --avatar-size: 1.375rem;
  }
  .tool-avatar[data-initials]::before {
    content: attr(data-initials) / '';
  }
  ::slotted([slot='actions']) {
    flex: none;
  }

  .menu-anchor {
    display: inline-flex;
    anchor-name: --inbox-conversation-more;
  }
  .menu {
    min-inline-size: 13rem;
  }
  @supports (anchor-name: --a) {
    .menu[popover] {
      position-anchor: --inbox-conversation-more;
      inset: auto;
      top: anchor(bottom);
      right: anchor(right);
      margin-block-start: var(--_inbox-space-2);
      position-try-fallbacks: flip-block, flip-inline;
    }
  }
  .separator {
    margin: var(--_inbox-space-2) 0;
    border-top: 1px solid var(--_inbox-color-border);
  }

  .notice {
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .notice--error {
    color: var(--_inbox-status-blocked);
  }
  .link {
    user-select: all;
    overflow-wrap: anywhere;
  }

  /* The timeline takes what the header and the composer leave. */
  conversation-timeline {
    flex: 1 1 0;
    min-height: 0;
  }
  /* The composer grows with its text up to a share of the view, then its field scrolls. */
  message-composer {
    flex: 0 0 auto;
    min-block-size: 0;
    max-block-size: var(--inbox-conversation-composer-max-height, 40%);
  }

  .text-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .state .back {
    align-self: flex-start;
  }

  /* Narrower views keep the essentials of the first row. */
  @container conversation (width < 44rem) {
    .labels,
    .team {
      display: none;
    }
  }
  @container conversation (width < 34rem) {
    .channel-name,
    .subject,
    .typing-line {
      display: none;
    }
  }
  @container conversation (width < 24rem) {
    .header {
      padding-inline: var(--_inbox-space-3);
    }
    .top > .avatar {
      display: none;
    }
  }
`;
