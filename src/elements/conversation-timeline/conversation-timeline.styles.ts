import { css } from 'lit';

export const styles = css`
  :host {
    --_in-bg: var(--inbox-timeline-inbound-background, var(--_inbox-color-surface-raised));
    --_out-bg: var(
      --inbox-timeline-outbound-background,
      color-mix(in srgb, var(--_inbox-color-accent) 12%, var(--_inbox-color-surface))
    );
    --_internal: var(--inbox-timeline-internal-color, var(--_inbox-status-waiting));
    --_internal-bg: var(
      --inbox-timeline-internal-background,
      color-mix(in srgb, var(--_internal) 12%, var(--_inbox-color-surface))
    );
    --_highlight: var(--inbox-timeline-highlight-color, var(--_inbox-color-accent));
    --_max: var(--inbox-timeline-bubble-max-width, 75%);
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    flex: 1 1 auto;
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size);
  }

  /* Another conversation is being drawn (for one frame): not the old one's items under its header. */
  .scroller[data-switching] > * {
    visibility: hidden;
  }
  .scroller {
    flex: 1 1 auto;
    min-block-size: 0;
    overflow-y: auto;
    /* Anchoring is done by hand, the same in every engine. */
    overflow-anchor: none;
    padding: var(--_inbox-space-4) var(--_inbox-space-5);
    overscroll-behavior: contain;
  }

  .edge,
  .placeholder {
    margin: var(--_inbox-space-3) 0;
    text-align: center;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .placeholder {
    margin-block-start: var(--_inbox-space-6);
    font-size: var(--_inbox-font-size);
  }

  [role='feed'] {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-2);
  }

  article {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    border-radius: var(--_inbox-radius-lg);
    padding: var(--_inbox-space-1) var(--_inbox-space-2);
    scroll-margin-block: var(--_inbox-space-5);
  }
  article:hover {
    background: color-mix(in srgb, var(--_inbox-color-surface-raised) 60%, transparent);
  }
  /* The day's heading, over the first item of each day. */
  .day {
    align-self: stretch;
    margin: var(--_inbox-space-3) 0 var(--_inbox-space-3);
    text-align: center;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-medium);
  }
  article:focus-visible {
    outline: var(--_inbox-focus-ring);
    outline-offset: 0;
  }
  article.out {
    align-items: flex-end;
  }
  article.event {
    align-items: center;
  }
  article.focused {
    outline: 2px solid var(--_highlight);
    animation: flash 3s ease-out 1;
  }
  @keyframes flash {
    from {
      background: color-mix(in srgb, var(--_highlight) 12%, var(--_inbox-color-surface));
    }
    to {
      background: transparent;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    article.focused {
      animation: none;
      background: color-mix(in srgb, var(--_highlight) 10%, transparent);
    }
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-1) var(--_inbox-space-3);
    max-inline-size: 100%;
    margin: 0 0 var(--_inbox-space-1);
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .meta .avatar {
    --avatar-size: 1.25rem;
  }
  time {
    font-variant-numeric: tabular-nums;
  }
  .sender {
    color: var(--_inbox-color-text);
    font-weight: var(--_inbox-font-weight-medium);
  }
  .channel svg {
    vertical-align: middle;
  }

  .bubble {
    max-inline-size: var(--_max);
    min-inline-size: 4rem;
    padding: var(--_inbox-space-3) var(--_inbox-space-4);
    border-radius: var(--_inbox-radius-lg);
    background: var(--_in-bg);
    overflow-wrap: anywhere;
  }
  .out .bubble {
    background: var(--_out-bg);
  }
  .email-message .bubble {
    max-inline-size: min(100%, 44rem);
    inline-size: 100%;
  }
  .internal .bubble,
  .note {
    border: 1px dashed var(--_internal);
    background: var(--_internal-bg);
  }
  .text {
    margin: 0;
    white-space: pre-wrap;
  }
  .email {
    display: block;
    /*
     * Light: the page e-mails are written for. Dark: the bubble's own
     * surface and text; the e-mail's colours are dropped (email-html.ts),
     * its layout and images kept.
     */
    color: var(--inbox-timeline-email-color, light-dark(#1f2328, var(--_inbox-color-text)));
    background: var(--inbox-timeline-email-background, light-dark(#ffffff, var(--_inbox-color-surface)));
    border-radius: var(--_inbox-radius);
    padding: var(--_inbox-space-3);
    /* The e-mail's own layout, even position: fixed, stays inside. */
    contain: content;
    overflow: auto;
    max-block-size: 40rem;
  }
  .mention {
    color: var(--_inbox-color-accent);
    font-weight: var(--_inbox-font-weight-medium);
  }

  .badge {
    display: inline-block;
    padding: 0 var(--_inbox-space-2);
    border-radius: var(--_inbox-radius-pill);
    border: 1px solid currentColor;
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-bold);
    line-height: 1.4;
  }
  .badge--internal {
    color: var(--_internal);
    background: var(--_internal-bg);
  }

  .event-line {
    margin: 0;
    max-inline-size: 90%;
    text-align: center;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }

  .call-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-1) var(--_inbox-space-3);
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  article.call {
    align-items: center;
  }
  .details {
    margin: 0;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }

  .attachments {
    margin-block-start: var(--_inbox-space-3);
  }
  .attachment {
    display: inline-flex;
    gap: var(--_inbox-space-2);
    padding: var(--_inbox-space-1) var(--_inbox-space-3);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text);
  }
  .attachment a {
    color: var(--_inbox-color-accent);
  }

  /* R29: an outbound message's delivery, under its bubble, quiet unless it failed. */
  .delivery {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_inbox-space-1) var(--_inbox-space-3);
    margin: var(--_inbox-space-1) 0 0;
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .delivery svg {
    vertical-align: -2px;
    margin-inline-end: var(--_inbox-space-1);
  }
  .delivery--failed > span {
    color: var(--_inbox-status-blocked);
  }

  .images {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-3);
    margin: var(--_inbox-space-3) 0 0;
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }

  /*
   * A message's actions float at its top corner and show only while the
   * pointer is on the message or focus is in it: the timeline is for reading.
   */
  .actions {
    position: absolute;
    inset-block-start: var(--_inbox-space-1);
    inset-inline-end: var(--_inbox-space-2);
    display: flex;
    gap: var(--_inbox-space-1);
    padding: var(--_inbox-space-1);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.12);
    visibility: hidden;
  }
  article.out > .actions {
    inset-inline-end: auto;
    inset-inline-start: var(--_inbox-space-2);
  }
  article:hover > .actions,
  article:focus-within > .actions {
    visibility: visible;
  }
  /* Touch screens have no hover: the actions stay, in the flow. */
  @media (pointer: coarse) {
    article > .actions {
      visibility: visible;
      position: static;
      box-shadow: none;
      border: 0;
      background: none;
    }
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    padding: 0;
    border: 0;
    border-radius: var(--_inbox-radius-sm);
    background: none;
    color: var(--_inbox-color-text-muted);
    cursor: pointer;
  }
  .icon-button:hover {
    background: var(--_inbox-color-surface-raised);
    color: var(--_inbox-color-text);
  }
  .text-button {
    font: inherit;
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    padding: var(--_inbox-space-1) var(--_inbox-space-3);
    cursor: pointer;
  }
  .text-button:hover {
    background: var(--_inbox-color-surface-raised);
  }
  .text-button.primary {
    color: var(--_inbox-color-surface);
    background: var(--_inbox-color-accent);
    border-color: var(--_inbox-color-accent);
  }
  .note-actions {
    display: flex;
    gap: var(--_inbox-space-2);
    margin-block-start: var(--_inbox-space-2);
  }

  .notes {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-2);
    inline-size: min(100%, 36rem);
    margin: var(--_inbox-space-3) 0 0;
    padding: 0;
    list-style: none;
  }
  .note {
    padding: var(--_inbox-space-3) var(--_inbox-space-4);
    border-radius: var(--_inbox-radius);
    color: var(--_inbox-color-text);
  }
  .note .meta {
    margin-block-end: var(--_inbox-space-1);
  }

  .note-form {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-2);
    inline-size: min(100%, 36rem);
    margin-block-start: var(--_inbox-space-3);
  }
  .note-form textarea {
    font: inherit;
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
    border: 1px solid var(--_internal);
    border-radius: var(--_inbox-radius);
    padding: var(--_inbox-space-3);
    min-block-size: 4rem;
    resize: vertical;
  }
  .note-form .row {
    display: flex;
    gap: var(--_inbox-space-2);
    justify-content: flex-end;
  }
  .error {
    margin: 0;
    color: var(--_inbox-status-blocked);
    font-size: var(--_inbox-font-size-sm);
  }

`;
