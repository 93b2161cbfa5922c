import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
    --_tone: var(--_inbox-status-open);
    --_color: var(--inbox-badge-color, var(--_tone));
  }
  :host([state='unread']) {
    --_tone: var(--_inbox-status-unread);
  }
  :host([state='done']) {
    --_tone: var(--_inbox-status-done);
  }
  :host([state='new']) {
    --_tone: var(--_inbox-status-new);
  }
  :host([state='waiting']) {
    --_tone: var(--_inbox-status-waiting);
  }
  :host([state='sent']) {
    --_tone: var(--_inbox-status-sent);
  }
  :host([state='spam']) {
    --_tone: var(--_inbox-status-spam);
  }
  :host([state='trash']) {
    --_tone: var(--_inbox-status-trash);
  }
  :host([state='blocked']) {
    --_tone: var(--_inbox-status-blocked);
  }
  :host([state='snoozed']) {
    --_tone: var(--_inbox-status-snoozed);
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    padding: var(--inbox-badge-padding, var(--_inbox-space-1) var(--_inbox-space-3));
    border-radius: var(--inbox-badge-radius, var(--_inbox-radius-pill));
    font-size: var(--inbox-badge-font-size, var(--_inbox-font-size-sm));
    font-weight: var(--_inbox-font-weight-medium);
    line-height: 1.3;
    white-space: nowrap;
    color: var(--_color);
    background: var(
      --inbox-badge-background,
      color-mix(in srgb, var(--_color) 12%, var(--_inbox-color-surface))
    );
  }

  .dot {
    flex: none;
    inline-size: var(--inbox-badge-dot-size, 0.5rem);
    block-size: var(--inbox-badge-dot-size, 0.5rem);
    border-radius: 50%;
    background: var(--inbox-badge-dot-color, var(--_color));
  }

  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
    }
    .dot {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
