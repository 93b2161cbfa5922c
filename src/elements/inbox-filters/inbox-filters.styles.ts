import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size);
    background: var(--inbox-filters-background, var(--_inbox-color-surface));
    padding: var(--inbox-filters-padding, var(--_inbox-space-3));
  }

  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-3);
  }

  .search {
    flex: 1 1 12rem;
    min-inline-size: 8rem;
  }

  /* The check boxes and radios; the text fields are controls. */
  input {
    font: inherit;
    color: inherit;
  }
  input[type='search'] {
    inline-size: 100%;
  }

  .badge {
    min-inline-size: 1.25rem;
    padding: 0 var(--_inbox-space-2);
    border-radius: var(--_inbox-radius-pill);
    background: var(--_inbox-color-accent);
    color: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size-sm);
    text-align: center;
  }

  .panel {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: var(--_inbox-space-4);
    margin-block-start: var(--_inbox-space-3);
    padding: var(--_inbox-space-4);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-lg);
    background: var(--_inbox-color-surface-raised);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-1);
    max-block-size: 12rem;
    overflow: auto;
  }
  legend {
    padding: 0;
    margin-block-end: var(--_inbox-space-2);
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-bold);
    color: var(--_inbox-color-text-muted);
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    cursor: pointer;
  }
  .check input {
    margin: 0;
    accent-color: var(--_inbox-color-accent);
  }
  .muted {
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .dates label,
  .custom label {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-1);
  }

  .save {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_inbox-space-4);
    margin-block-start: var(--_inbox-space-3);
    padding: var(--_inbox-space-4);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-lg);
  }
  .save > label {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-1);
  }
  .save fieldset {
    max-block-size: none;
  }

`;
