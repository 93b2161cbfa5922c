import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }

  dialog {
    inline-size: min(40rem, calc(100% - 2rem));
    max-block-size: min(36rem, calc(100% - 2rem));
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }

  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_inbox-space-4);
    padding: var(--_inbox-space-4) var(--_inbox-space-5);
    border-block-end: 1px solid var(--_inbox-color-border);
  }
  h2 {
    margin: 0;
    font-size: 1rem;
  }

  .groups {
    min-block-size: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: var(--_inbox-space-5);
    padding: var(--_inbox-space-5);
    overflow: auto;
  }
  h3 {
    margin: 0 0 var(--_inbox-space-3);
    font-size: var(--_inbox-font-size-sm);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_inbox-color-text-muted);
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_inbox-space-2) var(--_inbox-space-4);
    align-items: center;
  }
  dt {
    margin: 0;
  }
  dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    justify-content: end;
    align-items: center;
    gap: var(--_inbox-space-2);
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  /* Wider keys, raised by a thicker bottom edge, in the reference. */
  kbd {
    min-inline-size: 1.5rem;
    border-block-end-width: 2px;
  }
`;
