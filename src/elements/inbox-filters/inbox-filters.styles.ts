import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    min-inline-size: 0;
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size);
  }

  .bar {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    min-inline-size: 0;
  }
  .search {
    position: relative;
    flex: 1;
    min-inline-size: 0;
    display: flex;
    align-items: center;
  }
  .search-icon {
    position: absolute;
    inset-inline-start: var(--_inbox-space-3);
    color: var(--_inbox-color-text-muted);
    pointer-events: none;
  }
  input[type='search'][part='search'] {
    inline-size: 100%;
    min-inline-size: 0;
    block-size: 2rem;
    padding-inline-start: 2rem;
    background: var(--_inbox-color-surface-raised);
    border-color: transparent;
  }
  input[type='search'][part='search']:focus {
    background: var(--_inbox-color-surface);
    border-color: var(--_inbox-color-border);
  }
  .toggle {
    position: relative;
    anchor-name: --inbox-filters-toggle;
  }
  .badge {
    position: absolute;
    inset-block-start: -0.2rem;
    inset-inline-end: -0.2rem;
    min-inline-size: 1rem;
    padding: 0 0.2rem;
    border-radius: var(--_inbox-radius-pill);
    background: var(--_inbox-color-accent);
    color: var(--_inbox-color-surface);
    font-size: 0.6875rem;
    line-height: 1rem;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }

  /* The panel: a popover anchored under the Filters button, over the list. */
  .panel {
    inline-size: min(var(--inbox-filters-panel-width, 22rem), calc(100vw - 1rem));
    max-block-size: min(36rem, calc(100vh - 4rem));
    padding: 0;
    display: flex;
    flex-direction: column;
    background: var(--inbox-filters-background, var(--_inbox-color-surface));
  }
  .panel:not(:popover-open) {
    display: none;
  }
  @supports (anchor-name: --a) {
    .panel[popover] {
      position-anchor: --inbox-filters-toggle;
      inset: auto;
      top: anchor(bottom);
      right: anchor(right);
      margin-block-start: var(--_inbox-space-2);
      position-try-fallbacks: flip-inline, flip-block;
    }
  }
  /* The panel's contents (<filter-panel>, light DOM): its children lay out in the panel. */
  filter-panel {
    display: contents;
  }
  .panel-head,
  .panel-foot {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_inbox-space-3);
    padding: var(--_inbox-space-3) var(--_inbox-space-4);
  }
  .panel-head {
    border-block-end: 1px solid var(--_inbox-color-border);
  }
  .panel-foot {
    border-block-start: 1px solid var(--_inbox-color-border);
  }
  h3 {
    margin: 0;
    font-size: var(--_inbox-font-size);
    font-weight: var(--_inbox-font-weight-bold);
  }
  .panel-body {
    flex: 1;
    min-block-size: 0;
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-5);
    padding: var(--_inbox-space-4);
  }

  input {
    font: inherit;
    color: inherit;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-2);
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
  .facet-group {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-2);
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-3);
    min-inline-size: 0;
    cursor: pointer;
  }
  .check input {
    flex: none;
    margin: 0;
    accent-color: var(--_inbox-color-accent);
  }
  .check-label {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .muted {
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .more {
    align-self: flex-start;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_inbox-color-accent);
    font: inherit;
    cursor: pointer;
  }
  .more:hover {
    text-decoration: underline;
  }
  .facet-search {
    inline-size: 100%;
  }
  .sort,
  .dates label,
  .custom label,
  .save > label {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-1);
  }
  .dates {
    display: grid;
    grid-template-columns: 1fr 1fr;
    column-gap: var(--_inbox-space-3);
  }
  .dates legend {
    grid-column: 1 / -1;
  }
  .dates input {
    inline-size: 100%;
  }
  .hint {
    grid-column: 1 / -1;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .hint.error {
    color: var(--_inbox-status-blocked);
  }
  input[aria-invalid='true'] {
    border-color: var(--_inbox-status-blocked);
  }

  .save {
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-3);
    inline-size: 100%;
  }
  .save .button.primary {
    align-self: flex-start;
  }
`;
