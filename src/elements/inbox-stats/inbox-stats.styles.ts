import { css } from 'lit';

/**
 * `<inbox-stats>`, laid out by its own width: at a CRM sidebar's width
 * (about 380 px) the figures two by two and the charts one under another;
 * from about 640 px the figures in one row where they fit; from about
 * 760 px the channels' and agents' charts side by side under the days'.
 */
export const statsStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size);
    font-variant-numeric: tabular-nums;
    --_bar: var(--inbox-stats-bar-color, var(--_inbox-color-accent));
    --_bar-current: var(--inbox-stats-bar-current-color, var(--_inbox-color-text));
    --_tile: var(--inbox-stats-tile-background, var(--_inbox-color-surface-raised));
  }
  .stats {
    display: grid;
    gap: var(--_inbox-space-5);
    padding: var(--_inbox-space-5);
  }
  header {
    display: grid;
    gap: var(--_inbox-space-3);
  }
  .title {
    margin: 0;
    font-size: var(--_inbox-font-size-lg);
    font-weight: var(--_inbox-font-weight-bold);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_inbox-space-3) var(--_inbox-space-4);
  }
  .dates {
    display: contents;
  }
  .field {
    display: grid;
    gap: var(--_inbox-space-1);
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .field .control {
    font-size: var(--_inbox-font-size);
    color: var(--_inbox-color-text);
    min-block-size: 2.25rem;
  }
  .button[aria-pressed='true'] {
    border-color: var(--_inbox-color-accent);
    color: var(--_inbox-color-accent);
    font-weight: var(--_inbox-font-weight-medium);
  }
  .button {
    min-block-size: 2.25rem;
  }
  .scope {
    margin: 0;
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--_inbox-space-3);
  }
  .tile {
    display: grid;
    align-content: start;
    gap: var(--_inbox-space-1);
    padding: var(--_inbox-space-4);
    border-radius: var(--_inbox-radius-lg);
    background: var(--_tile);
    min-inline-size: 0;
  }
  .name {
    font-size: var(--_inbox-font-size-md);
    color: var(--_inbox-color-text-muted);
  }
  .value {
    font-size: var(--_inbox-font-size-xl);
    font-weight: var(--_inbox-font-weight-bold);
    line-height: 1.2;
  }
  .detail {
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .charts {
    display: grid;
    gap: var(--_inbox-space-5);
  }
  .chart {
    margin: 0;
    display: grid;
    gap: var(--_inbox-space-2);
    align-content: start;
    min-inline-size: 0;
  }
  .chart-title {
    font-weight: var(--_inbox-font-weight-bold);
    font-size: var(--_inbox-font-size-md);
  }
  .plot {
    border-radius: var(--_inbox-radius);
    padding: var(--_inbox-space-2);
  }
  .plot:focus-visible {
    outline: var(--_inbox-focus-ring);
    outline-offset: var(--_inbox-focus-ring-offset);
  }
  .columns {
    display: grid;
    gap: var(--_inbox-space-1);
  }
  .max,
  .axis {
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .axis {
    display: flex;
    justify-content: space-between;
    gap: var(--_inbox-space-3);
  }
  .day-svg {
    display: block;
    inline-size: 100%;
    block-size: var(--inbox-stats-chart-height, 10rem);
    border-block-end: 1px solid var(--_inbox-color-border);
  }
  .rows {
    display: grid;
    grid-template-columns: minmax(4rem, max-content) minmax(3rem, 1fr) auto;
    align-items: center;
    gap: var(--_inbox-space-2) var(--_inbox-space-3);
  }
  .label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-inline-size: 12rem;
  }
  .label.current {
    font-weight: var(--_inbox-font-weight-bold);
  }
  .count {
    text-align: end;
    color: var(--_inbox-color-text-muted);
  }
  .row-svg {
    display: block;
    inline-size: 100%;
    block-size: 0.875rem;
  }
  .bar {
    fill: var(--_bar);
  }
  .bar.current {
    fill: var(--_bar-current);
  }
  .readout {
    margin: 0;
    min-block-size: 1.4em;
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .none {
    margin: 0;
    color: var(--_inbox-color-text-muted);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border-block-end: 1px solid var(--_inbox-color-border);
    font-weight: normal;
  }
  thead th {
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .num {
    text-align: end;
  }
  .state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-3);
    margin: 0;
    padding: var(--_inbox-space-6) 0;
    color: var(--_inbox-color-text-muted);
  }
  @container (min-inline-size: 640px) {
    .tiles {
      grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
    }
  }
  @container (min-inline-size: 760px) {
    .charts {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      column-gap: var(--_inbox-space-6);
    }
    .chart-day {
      grid-column: 1 / -1;
    }
  }
`;
