import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size);
  }

  .header {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-3);
    padding: var(--_inbox-space-4) var(--_inbox-space-5);
    border-bottom: 1px solid var(--_inbox-color-border);
    background: var(--inbox-conversation-header-background, var(--_inbox-color-surface));
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-3) var(--_inbox-space-4);
  }
  .title {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .contact {
    margin: 0;
    font-size: 1.05rem;
    font-weight: var(--_inbox-font-weight-bold);
    overflow-wrap: anywhere;
  }
  .subject {
    margin: 0;
    color: var(--_inbox-color-text-muted);
    overflow-wrap: anywhere;
  }
  .channel {
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    color: var(--_inbox-color-text-muted);
  }
  ::slotted([slot='actions']) {
    margin-inline-start: auto;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-2) var(--_inbox-space-4);
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .priority--urgent,
  .priority--high {
    color: var(--_inbox-status-blocked);
    font-weight: var(--_inbox-font-weight-medium);
  }
  .label {
    padding: 0 var(--_inbox-space-3);
    border-radius: var(--_inbox-radius-pill);
    background: var(--inbox-conversation-label-background, var(--_inbox-color-surface-raised));
    border: 1px solid var(--_inbox-color-border);
    color: var(--_inbox-color-text);
    overflow-wrap: anywhere;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-2);
  }
  .action {
    font: inherit;
    color: inherit;
    display: inline-flex;
    align-items: center;
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
    cursor: pointer;
  }
  .action:hover:not(:disabled) {
    background: var(--_inbox-color-surface-raised);
  }
  .action:disabled {
    cursor: default;
    color: var(--_inbox-color-text-muted);
  }

  .menu-anchor {
    display: inline-block;
    anchor-name: --inbox-conversation-more;
  }
  .menu {
    min-inline-size: 12rem;
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
  .menu-item {
    display: block;
    inline-size: 100%;
    font: inherit;
    color: inherit;
    text-align: start;
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    border: 0;
    border-radius: var(--_inbox-radius-sm);
    background: none;
    cursor: pointer;
  }
  .menu-item:hover,
  .menu-item:focus {
    background: color-mix(in srgb, var(--_inbox-color-accent) 12%, var(--_inbox-color-surface));
  }
  .separator {
    margin: var(--_inbox-space-2) 0;
    border-top: 1px solid var(--_inbox-color-border);
  }

  .presence {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_inbox-space-4);
    color: var(--inbox-conversation-presence-color, var(--_inbox-status-waiting));
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-medium);
  }
  .presence:empty,
  .notice:empty {
    display: none;
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

  conversation-timeline {
    flex: 1;
    min-height: 0;
  }

  .state .back {
    align-self: flex-start;
  }
`;
