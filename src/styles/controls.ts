import { css } from 'lit';

/**
 * The toolbar button (`class="button"`) of the filters, the composer and the
 * pickers' triggers: one look, defined once. Elements add it after
 * `hostStyles` and before their own rules, which may refine it (a primary
 * variant, the composer's Send).
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
