import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container: calls / inline-size;
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size);
    /* White icons on them: the same dark shades in light and dark mode. */
    --_calls-answer: var(--inbox-calls-answer-background, #116329);
    --_calls-decline: var(--inbox-calls-decline-background, #b3202a);
    --_calls-ring: var(--inbox-calls-ring-color, var(--_inbox-color-accent));
  }

  /* The calls, and the filter beside the first one: no row of its own. */
  .base {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
    column-gap: var(--_inbox-space-2);
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
  }
  .list,
  .empty,
  .status {
    grid-column: 1;
  }
  /* A compact strip's "+2" tab, on its top edge: it takes no room in the strip. */
  .more {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: var(--_inbox-space-3);
    translate: 0 -60%;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 1.75rem;
    block-size: 1.25rem;
    padding: 0 var(--_inbox-space-2);
    border: 1px solid var(--_inbox-color-border);
    border-radius: 999px;
    background: var(--_inbox-color-surface);
    color: var(--_inbox-color-text);
    font: inherit;
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-bold);
    font-variant-numeric: tabular-nums;
    cursor: pointer;
    z-index: 1;
  }
  .more:hover {
    background: var(--_inbox-color-surface-raised);
  }
  .more:focus-visible {
    outline: 2px solid var(--_inbox-focus-ring-color);
    outline-offset: 1px;
  }
  .filter-anchor {
    grid-column: 2;
    grid-row: 1;
    display: inline-flex;
    anchor-name: --inbox-calls-filter;
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-1);
    max-block-size: var(--inbox-calls-max-height, 10rem);
    /* Room for the ringing avatars' halo, which the scrolling box would clip. */
    padding: 0.25rem;
    margin: -0.25rem;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .call {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: var(--_inbox-space-3);
    min-inline-size: 0;
    min-block-size: 2.25rem;
  }
  .ring {
    flex: none;
    display: inline-flex;
    border-radius: 50%;
    animation: ring 1.2s ease-in-out infinite;
  }
  @keyframes ring {
    0%,
    100% {
      box-shadow: 0 0 0 2px var(--_calls-ring);
    }
    50% {
      box-shadow: 0 0 0 4px color-mix(in srgb, var(--_calls-ring) 35%, transparent);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .ring {
      animation: none;
      box-shadow: 0 0 0 2px var(--_calls-ring);
    }
  }
  .who {
    flex: 1 1 auto;
    display: flex;
    align-items: baseline;
    gap: var(--_inbox-space-3);
    min-inline-size: 0;
    overflow: hidden;
    white-space: nowrap;
  }
  .name {
    flex: 0 1 auto;
    min-inline-size: 3rem;
    overflow: hidden;
    text-overflow: ellipsis;
    font-weight: var(--_inbox-font-weight-medium);
  }
  .details,
  .owner {
    flex: 0 100 auto;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .waiting {
    flex: none;
    font-variant-numeric: tabular-nums;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }
  .answer,
  .decline {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: 50%;
    color: #fff;
    cursor: pointer;
  }
  .answer {
    background: var(--_calls-answer);
  }
  .decline {
    background: var(--_calls-decline);
  }
  .answer:hover,
  .decline:hover {
    filter: brightness(1.15);
  }

  .filter {
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    block-size: 2rem;
    padding: 0 var(--_inbox-space-3);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
    color: var(--_inbox-color-text-muted);
    font: inherit;
    font-size: var(--_inbox-font-size-sm);
    white-space: nowrap;
    cursor: pointer;
  }
  .filter:hover,
  .filter[aria-expanded='true'] {
    background: var(--_inbox-color-surface-raised);
    color: var(--_inbox-color-text);
  }
  .filter-menu {
    min-inline-size: 13rem;
  }
  @supports (anchor-name: --a) {
    .filter-menu[popover] {
      position-anchor: --inbox-calls-filter;
      inset: auto;
      top: anchor(bottom);
      right: anchor(right);
      margin-block-start: var(--_inbox-space-2);
      position-try-fallbacks: flip-block, flip-inline;
    }
  }
  .filter-item {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    inline-size: 100%;
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border: 0;
    border-radius: var(--_inbox-radius-sm);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    white-space: nowrap;
    cursor: pointer;
  }
  .filter-item:hover,
  .filter-item:focus {
    background: color-mix(in srgb, var(--_inbox-color-accent) 12%, var(--_inbox-color-surface));
  }
  .check {
    display: inline-grid;
    inline-size: 1rem;
    color: var(--_inbox-color-accent);
  }
  .filter-name {
    flex: 1;
  }
  .count {
    min-inline-size: 1.5em;
    padding: 0 var(--_inbox-space-2);
    border-radius: var(--_inbox-radius-pill);
    background: var(--_inbox-color-surface-raised);
    font-size: var(--_inbox-font-size-sm);
    font-variant-numeric: tabular-nums;
    text-align: center;
  }

  .empty {
    margin: 0;
    align-self: center;
    color: var(--_inbox-color-text-muted);
  }
  .status {
    margin: 0;
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
  }

  /* Narrow: the essentials of each line. */
  @container calls (width < 30rem) {
    .owner,
    .filter-label {
      display: none;
    }
  }
  @container calls (width < 16rem) {
    .details {
      display: none;
    }
  }

  @media (forced-colors: active) {
    .answer,
    .decline {
      border-color: ButtonText;
    }
    .ring {
      forced-color-adjust: none;
    }
  }
`;
