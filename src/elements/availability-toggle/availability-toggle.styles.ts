import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size);
  }

  .wrap {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-3);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .switch {
    display: inline-flex;
    padding: 2px;
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-pill);
    background: var(--_inbox-color-surface-raised);
  }
  .option {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    border-radius: var(--_inbox-radius-pill);
    cursor: pointer;
    user-select: none;
  }
  .option input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .option:has(input:checked) {
    background: var(--_inbox-color-surface);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.15);
    font-weight: var(--_inbox-font-weight-medium);
  }
  .option:has(input:focus-visible) {
    outline: var(--_inbox-focus-ring);
    outline-offset: 1px;
  }
  .light {
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: var(--_inbox-color-text-muted);
  }
  .available .light {
    background: var(--inbox-availability-available-color, var(--_inbox-status-open));
  }
  .away .light {
    background: var(--inbox-availability-away-color, var(--_inbox-status-waiting));
  }

  /* The reason keeps its place while available: the control has one size. */
  .reason--idle {
    visibility: hidden;
  }
  .status {
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .status:empty {
    display: none;
  }

  @media (forced-colors: active) {
    .option:has(input:checked) {
      outline: 2px solid Highlight;
    }
    .light {
      forced-color-adjust: none;
    }
  }
`;
