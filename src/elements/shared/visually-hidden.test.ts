import { expect, fixture, html } from '@open-wc/testing';
import { hostStyles } from '../../styles/host-styles.js';
import { tokens } from '../../styles/tokens.js';

/**
 * The root of issue 11's page scroll: text for screen readers only is
 * absolutely positioned, and was left at its static position; inside a
 * long list whose scroller is not its containing block (a scrolling host
 * that is not positioned), that position lay far below everything and made
 * the page itself scroll.
 */
describe('.visually-hidden (hostStyles)', () => {
  it('never makes the page scroll, whatever scroller it is inside', async () => {
    const margin = document.body.style.margin;
    document.body.style.margin = '0';
    try {
      const root = await fixture<HTMLElement>(html`<div></div>`);
      const shadow = root.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = [tokens.styleSheet!, hostStyles.styleSheet!];
      // A scroller that is not positioned, holding far more than it shows.
      shadow.innerHTML = `<div style="overflow: auto; block-size: 100px">${Array.from(
        { length: 200 },
        (_, i) => `<p style="margin: 0; block-size: 24px">View ${String(i)}<span class="visually-hidden">, ${String(i)} open</span></p>`,
      ).join('')}</div>`;
      const hidden = [...shadow.querySelectorAll('.visually-hidden')];
      expect(hidden).to.have.length(200);
      for (const span of hidden) {
        expect(span.getBoundingClientRect().bottom).to.be.at.most(window.innerHeight);
        expect(getComputedStyle(span).position).to.equal('absolute');
      }
      expect(document.scrollingElement!.scrollHeight).to.be.at.most(window.innerHeight);
    } finally {
      document.body.style.margin = margin;
    }
  });
});
