import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    min-inline-size: 0;
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size);
  }

  .wrap {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    min-inline-size: 0;
  }

  /* One select, one size: the light sits inside its start. */
  .status {
    position: relative;
    flex: 1;
    min-inline-size: 0;
    display: flex;
    align-items: center;
  }
  .light {
    position: absolute;
    inset-inline-start: var(--_inbox-space-4);
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: var(--inbox-availability-available-color, var(--_inbox-status-open));
    pointer-events: none;
  }
  .away .light {
    background: var(--inbox-availability-away-color, var(--_inbox-status-waiting));
  }
  select.control {
    inline-size: 100%;
    min-inline-size: 0;
    padding-inline-start: calc(var(--_inbox-space-4) + 0.5rem + var(--_inbox-space-3));
    text-overflow: ellipsis;
    cursor: pointer;
  }

  .status-line {
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .status-line:empty {
    display: none;
  }

  @media (forced-colors: active) {
    .light {
      forced-color-adjust: none;
    }
  }
`;
