import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size);
    --_card-background: var(--inbox-call-card-background, var(--_inbox-color-surface-raised));
    /* White text on it: the same dark red in light and dark mode. */
    --_card-end: var(--inbox-call-card-end-background, #b3202a);
    --_card-recording: var(--inbox-call-card-recording-color, var(--_inbox-status-blocked));
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-3);
    padding: var(--_inbox-space-3) var(--_inbox-space-4);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-lg);
    background: var(--_card-background);
  }
  .base--empty {
    padding: var(--_inbox-space-3) var(--_inbox-space-4);
  }

  .top {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-3);
    min-inline-size: 0;
  }
  .top .avatar {
    --avatar-size: 2rem;
  }
  .who {
    flex: 1 1 auto;
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .name,
  .details {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .details {
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .name {
    font-weight: var(--_inbox-font-weight-bold);
  }

  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-3);
  }
  .state,
  .outcome {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-3);
  }
  .recorded {
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .recording {
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    color: var(--_card-recording);
  }
  .dot {
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: currentColor;
  }
  .time {
    flex: none;
  }
  .timer {
    font-size: 1.25rem;
    font-variant-numeric: tabular-nums;
    font-weight: var(--_inbox-font-weight-medium);
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_inbox-space-2);
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    font: inherit;
    font-weight: var(--_inbox-font-weight-medium);
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-pill);
    color: inherit;
    background: var(--_inbox-color-surface);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .rec {
    display: inline-flex;
    color: var(--_card-recording);
  }
  .record[aria-pressed='true'] {
    border-color: var(--_card-recording);
    box-shadow: inset 0 0 0 1px var(--_card-recording);
  }
  .end {
    border-color: transparent;
    background: var(--_card-end);
    color: #fff;
  }

  .outcome,
  .empty {
    margin: 0;
  }
  .empty {
    color: var(--_inbox-color-text-muted);
  }

  @media (forced-colors: active) {
    .record[aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
    .end {
      border-color: ButtonText;
    }
    .dot {
      forced-color-adjust: none;
    }
  }
`;
