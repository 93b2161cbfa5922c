import { css } from 'lit';

/** The few rules every element's shadow root starts with, after `tokens`. */
export const hostStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--_inbox-font-family);
    line-height: var(--_inbox-line-height);
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none !important;
  }
  /*
   * border-box, not inherit: a shadow root's own rules beat the :host rules
   * of the elements inside it, so with inherit an element inside another
   * (the composer inside the conversation view inside the app) inherited the
   * page's content-box, and a 100%-wide field overflowed its padding.
   */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: var(--_inbox-focus-ring);
    outline-offset: var(--_inbox-focus-ring-offset);
  }
  /*
   * Read by screen readers, not shown. At the start corner of its containing
   * block, not where it would have flowed: left at its static position, the
   * text of a long list inside a scroller that is not its containing block
   * sat below everything and made the page itself scroll.
   */
  .visually-hidden {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
