import { css } from 'lit';

/*
 * Controls several elements draw alike, each defined once. An element adds
 * the ones it uses after `hostStyles` and before its own rules, which may
 * refine them.
 */

/**
 * The toolbar button (`class="button"`) of the filters, the composer and the
 * pickers' triggers (refined by a primary variant, the composer's Send).
 */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
    cursor: pointer;
  }
  .button:hover {
    background: var(--_inbox-color-surface-raised);
  }
`;

/** The underlined tabs of the list's Open / Unread / Done and of the incoming calls (`class="tab"`, `aria-selected`). */
export const tabStyles = css`
  .tab {
    font: inherit;
    color: var(--_inbox-color-text-muted);
    background: none;
    border: 0;
    border-block-end: 2px solid transparent;
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    color: var(--_inbox-color-accent);
    border-block-end-color: currentColor;
    font-weight: var(--_inbox-font-weight-bold);
  }
`;

/** The loading spinner (`class="spinner"`); still when the user asks for reduced motion. */
export const spinnerStyles = css`
  .spinner {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    border: 2px solid var(--_inbox-color-border);
    border-block-start-color: var(--_inbox-color-accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
