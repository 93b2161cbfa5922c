import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size);
    /* White text on them: the same dark shades in light and dark mode. */
    --_calls-answer: var(--inbox-calls-answer-background, #116329);
    --_calls-decline: var(--inbox-calls-decline-background, #b3202a);
    --_calls-ring: var(--inbox-calls-ring-color, var(--_inbox-color-accent));
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-3);
    padding: var(--_inbox-space-4);
  }
  .title {
    font-weight: var(--_inbox-font-weight-bold);
  }

  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_inbox-space-2);
    border-block-end: 1px solid var(--_inbox-color-border);
  }
  .count {
    display: inline-block;
    min-inline-size: 1.5em;
    padding: 0 var(--_inbox-space-2);
    border-radius: var(--_inbox-radius-pill);
    background: var(--_inbox-color-surface-raised);
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size-sm);
    text-align: center;
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-3);
  }
  .call {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-3) var(--_inbox-space-4);
    padding: var(--_inbox-space-3) var(--_inbox-space-4);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-lg);
    background: var(--_inbox-color-surface-raised);
  }
  .ring {
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: 50%;
    background: var(--_calls-ring);
    animation: ring 1.2s ease-in-out infinite;
  }
  @keyframes ring {
    50% {
      box-shadow: 0 0 0 0.35rem color-mix(in srgb, var(--_calls-ring) 25%, transparent);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .ring {
      animation: none;
    }
  }
  .who {
    flex: 1 1 12rem;
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .name {
    font-weight: var(--_inbox-font-weight-medium);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .details,
  .owner {
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .waiting {
    font-variant-numeric: tabular-nums;
    color: var(--_inbox-color-text-muted);
  }
  .actions {
    display: flex;
    gap: var(--_inbox-space-2);
  }
  button.answer,
  button.decline {
    font: inherit;
    font-weight: var(--_inbox-font-weight-medium);
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    border: 1px solid transparent;
    border-radius: var(--_inbox-radius-pill);
    color: #fff;
    cursor: pointer;
  }
  button.answer {
    background: var(--_calls-answer);
  }
  button.decline {
    background: var(--_calls-decline);
  }

  .empty {
    margin: 0;
    padding: var(--_inbox-space-4) 0;
    color: var(--_inbox-color-text-muted);
  }
  .status {
    margin: 0;
    min-block-size: 1lh;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }

  @media (forced-colors: active) {
    button.answer,
    button.decline {
      border-color: ButtonText;
    }
    .ring {
      forced-color-adjust: none;
    }
  }
`;
