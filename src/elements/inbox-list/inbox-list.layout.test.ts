import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../define.js';
import { storyStore } from '../../../stories/demo-stores.js';
import meta, * as stories from '../../../stories/inbox-list.stories.js';
import { getLocale, setLocale, type Locale } from '../../i18n/localization.js';
import { callOutcome } from '../../model/call-outcome.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { callSummary } from '../shared/call-summary.js';
import type { InboxList } from './inbox-list.js';
import { frames, listbox, mountList, rowById, rowsOf, until } from './list.testing.js';

/**
 * Issue 11 ("A product at every width"), the list's part: what a person sees
 * at 380 px and up, in English, French and Spanish.
 */

const stores: InboxStore[] = [];
const track = (store: InboxStore): InboxStore => (stores.push(store), store);
const shadow = (list: InboxList) => list.shadowRoot!;
const rect = (el: Element) => el.getBoundingClientRect();

/** A box of the list's size on a page at 380×800 under the app's 44 px bar: 380×756. */
const box = (content: TemplateResult, width = 380, height = 756) =>
  html`<div style=${`inline-size: ${width}px; block-size: ${height}px; display: flex; flex-direction: column`}>${content}</div>`;

async function mount(options: { width?: number; height?: number; locale?: Locale; store?: InboxStore } = {}) {
  if (options.locale) await setLocale(options.locale);
  const store = track(options.store ?? storyStore({}));
  return mountList(box(html`<inbox-list .store=${store}></inbox-list>`, options.width, options.height));
}

/** Rows wholly inside the listbox's box. */
const fullyVisible = (list: InboxList) => {
  const view = rect(listbox(list));
  return rowsOf(list).filter((row) => rect(row).top >= view.top - 0.5 && rect(row).bottom <= view.bottom + 0.5);
};

async function checkRows(list: InboxList, store: InboxStore, count: number) {
  store.setChecked(list.rows.slice(0, count).map((c) => c.id));
  await list.updateComplete;
  const bar = shadow(list).querySelector('bulk-bar')!;
  await until(() => bar.shadowRoot?.querySelector('[part=count]') !== null && bar.shadowRoot!.querySelectorAll('.actions > button').length > 0, 'the bulk bar');
  await frames(3); // the bar fits its line after layout
  await bar.updateComplete;
  return bar;
}

describe('<inbox-list> at every width (issue 11)', () => {
  afterEach(async () => {
    for (const store of stores.splice(0)) store.destroy();
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('at 380×756 (800 less the bar): a 36 px tab row, rows of 56-64 px, at least 8 fully visible', async () => {
    const { list } = await mount();
    expect(rect(shadow(list).querySelector('[part=header]')!).height).to.equal(36);
    const heights = rowsOf(list).map((row) => rect(row).height);
    for (const height of heights) expect(height).to.be.within(56, 64);
    // The lead's figure is 8; two-line rows of 60 px give 12.
    expect(fullyVisible(list).length).to.be.at.least(8);
    expect(fullyVisible(list).length).to.equal(Math.floor((756 - 36) / heights[0]!));
  });

  for (const locale of ['en', 'fr', 'es'] as const) {
    it(`the tab row is one line of 36 px at 380 px, nothing cut (${locale})`, async () => {
      const { list } = await mount({ locale });
      const header = shadow(list).querySelector<HTMLElement>('[part=header]')!;
      const tabs = [...header.querySelectorAll<HTMLElement>('[role=tab]')];
      expect(tabs).to.have.length(5);
      expect(rect(header).height).to.equal(36);
      for (const tab of tabs) {
        expect(rect(tab).top, tab.textContent).to.equal(rect(tabs[0]!).top);
        expect(rect(tab).right, tab.textContent).to.be.at.most(rect(header).right);
      }
      const status = header.querySelector<HTMLElement>('.tablist--status')!;
      expect(status.scrollWidth, 'no status tab scrolled out of sight').to.be.at.most(status.clientWidth);
      // The Chats / Calls tabs are glyphs here, named by their words.
      const calls = tabs.at(-1)!;
      expect(calls.querySelector('svg')).to.exist;
      expect(calls.textContent.trim()).to.equal(locale === 'en' ? 'Calls' : locale === 'fr' ? 'Appels' : 'Llamadas');
      expect(rect(calls.querySelector('.word')!).width).to.be.at.most(1);
      await expect(list).to.be.accessible();
    });

    it(`the bulk bar is one line over the tab row, and never moves the rows (${locale})`, async () => {
      const { list, store } = await mount({ locale });
      const header = shadow(list).querySelector<HTMLElement>('[part=header]')!;
      const rowsTop = rect(listbox(list)).top;
      const firstRow = rect(rowsOf(list)[0]!).top;
      const bar = await checkRows(list, store, 3);
      const toolbar = bar.shadowRoot!.querySelector<HTMLElement>('[role=toolbar]')!;
      expect(rect(toolbar).height).to.equal(36);
      expect(rect(bar).top).to.equal(rect(header).top);
      expect(rect(listbox(list)).top, 'the listbox stays where it was').to.equal(rowsTop);
      expect(rect(rowsOf(list)[0]!).top).to.equal(firstRow);
      const buttons = [...toolbar.querySelectorAll<HTMLElement>('button:not([role=menuitem])')];
      expect(buttons.length).to.be.at.least(5);
      for (const button of buttons) {
        expect(rect(button).top, button.getAttribute('aria-label') ?? button.textContent).to.be.at.least(rect(toolbar).top);
        expect(rect(button).bottom).to.be.at.most(rect(toolbar).bottom);
        expect(rect(button).right, button.getAttribute('aria-label') ?? button.textContent).to.be.at.most(rect(toolbar).right);
      }
      const count = bar.shadowRoot!.querySelector<HTMLElement>('[part=count]')!;
      expect(count.scrollWidth).to.be.at.most(count.clientWidth + 1);
      // Under the bar, the tabs are out of the way of Tab too.
      expect(header.inert).to.be.true;
      await expect(list).to.be.accessible();
    });
  }

  it('given no height, it shows five rows (and a height, it never grows past it)', async () => {
    const store = track(storyStore({}));
    const { list } = await mountList(html`<div style="inline-size: 380px"><inbox-list .store=${store}></inbox-list></div>`);
    expect(fullyVisible(list)).to.have.length(5);
  });

  describe('the page never scrolls because of the list', () => {
    const pageScrolls = () => {
      const page = document.scrollingElement!;
      return { y: page.scrollHeight - window.innerHeight, x: page.scrollWidth - window.innerWidth };
    };
    let margin = '';
    beforeEach(() => {
      margin = document.body.style.margin;
      document.body.style.margin = '0';
    });
    afterEach(() => {
      document.body.style.margin = margin;
    });

    for (const [name, height, checked] of [
      ['a box as tall as the page', 0, 0],
      ['a short box at the bottom of the page', 120, 0],
      ['rows checked (the bulk bar shows)', 0, 3],
    ] as const) {
      it(`a page holding only <inbox-list> in a sized box: ${name}`, async () => {
        const boxHeight = height || window.innerHeight;
        const store = track(storyStore({}));
        const { list } = await mountList(
          html`<div style=${`margin-block-start: ${window.innerHeight - boxHeight}px; inline-size: 380px; block-size: ${boxHeight}px; display: flex; flex-direction: column`}>
            <inbox-list .store=${store}></inbox-list>
          </div>`,
        );
        if (checked) await checkRows(list, store, checked);
        await frames(2);
        expect(pageScrolls()).to.deep.equal({ x: 0, y: 0 });
        expect(rect(list).bottom).to.be.at.most(window.innerHeight);
      });
    }

    it('nor does the empty list', async () => {
      const store = track(storyStore({ kind: 'empty' }));
      await mountList(html`<div style=${`block-size: ${window.innerHeight}px; display: flex; flex-direction: column`}><inbox-list .store=${store}></inbox-list></div>`);
      expect(pageScrolls()).to.deep.equal({ x: 0, y: 0 });
    });
  });

  describe('rows', () => {
    it('call rows say direction, outcome and duration ("Missed call", "Incoming · 4:12", "Voicemail")', async () => {
      const args = { ...meta.args, ...stories.Calls.args };
      const { list, store } = await mountList(meta.render(args));
      track(store);
      const seen = new Set<string>();
      for (const row of rowsOf(list)) {
        const c = store.state.model.conversations.get(row.dataset['id']!)!;
        const call = c.lastMessage?.call;
        if (!call) continue;
        const facts = { direction: c.lastMessage.direction, ...call };
        const text = row.querySelector('[part=preview]')!.textContent.trim();
        expect(text).to.equal(callSummary(facts, 'en'));
        expect(row.querySelector('[part=channel]')).to.exist;
        seen.add(callOutcome(facts));
        if (callOutcome(facts) === 'answered') expect(text).to.match(/^(Incoming|Outgoing) · \d+:\d\d$/);
      }
      expect([...seen]).to.include('answered');
      // Scroll through the call log for a missed call and a voicemail.
      const missed = list.rows.find((c) => c.lastMessage?.call?.state === 'missed' && !c.lastMessage.call.recording && c.lastMessage.direction === 'in');
      const voicemail = list.rows.find((c) => c.lastMessage?.call?.state === 'missed' && c.lastMessage.call.recording);
      for (const [c, words] of [
        [missed, 'Missed call'],
        [voicemail, 'Voicemail'],
      ] as const) {
        expect(c, words).to.exist;
        listbox(list).scrollTop = list.rows.indexOf(c!) * 60;
        await until(() => rowById(list, c!.id) !== null, words);
        expect(rowById(list, c!.id)!.querySelector('[part=preview]')!.textContent.trim()).to.contain(words);
      }
    });

    it('avatars and labels have colours, priority is a named glyph, counts and times use tabular figures', async () => {
      const { list, store } = await mount({ width: 720 });
      const id = list.rows[0]!.id;
      store.dispatch('setPriority', { ids: [id], priority: 'urgent' });
      store.dispatch('addLabels', { ids: [id], labels: ['vip', 'billing'] });
      store.dispatch('assign', { ids: [id], assignee: { type: 'user', id: 'u-tom' } });
      await list.updateComplete;
      const row = rowById(list, id)!;
      const colours = new Set(rowsOf(list).map((r) => getComputedStyle(r.querySelector('[part=contact-avatar]')!).backgroundColor));
      expect(colours.size, 'contacts get colours of the palette, not one grey').to.be.at.least(3);
      const assignee = row.querySelector('[part=avatar]')!;
      expect(getComputedStyle(assignee).color).to.equal('rgb(255, 255, 255)');
      const dots = [...row.querySelectorAll('[part=label]')].map((label) => getComputedStyle(label, '::before').backgroundColor);
      expect(dots).to.have.length(2);
      expect(dots[0]).to.not.equal(dots[1]);
      const priority = row.querySelector('[part=priority]')!;
      expect(priority.querySelector('svg')?.getAttribute('aria-label')).to.equal('Priority: Urgent');
      expect(getComputedStyle(row.querySelector('[part=time]')!).fontVariantNumeric).to.equal('tabular-nums');
    });

    it('labels show as chips where there is room, as colour dots in a narrow list', async () => {
      const store = track(storyStore({}));
      await store.ready;
      const id = store.selectors.list(store.state)[0]!.id;
      store.dispatch('addLabels', { ids: [id], labels: ['feature-request'] });
      const wide = await mount({ store, width: 720 });
      const chip = () => rowById(wide.list, id)!.querySelector<HTMLElement>('[part=label]')!;
      expect(rect(chip()).width).to.be.greaterThan(40);
      (wide.list.parentElement!).style.inlineSize = '380px';
      await frames(2);
      expect(rect(chip()).width).to.be.at.most(8);
      expect(chip().textContent).to.equal('feature-request'); // still read out
    });

    it('the hovered row, the keyboard row and the open conversation look different', async () => {
      const { list, store } = await mount();
      const [a, b, c] = list.rows.map((row) => row.id);
      store.openConversation(a!);
      listbox(list).focus();
      await sendKeys({ press: 'j' });
      await list.updateComplete;
      expect(list.activeId).to.equal(b);
      const look = (id: string) => {
        const style = getComputedStyle(rowById(list, id)!);
        return { background: style.backgroundColor, outline: style.outlineStyle };
      };
      const open = look(a!);
      const current = look(b!);
      const plain = look(c!);
      expect(open.background).to.not.equal(plain.background);
      expect(current.background).to.not.equal(plain.background);
      expect(open.background).to.not.equal(current.background);
      expect(current.outline).to.equal('solid');
      expect(open.outline).to.equal('none');
      expect(getComputedStyle(rowById(list, a!)!, '::after').backgroundColor, 'the open row has its accent bar').to.not.equal('rgba(0, 0, 0, 0)');
    });

    it('an empty list says so in a line and offers what helps: clear the search, show the done ones', async () => {
      const { list, store } = await mount();
      const empty = () => shadow(list).querySelector<HTMLElement>('[part=empty]');
      const action = () => shadow(list).querySelector<HTMLButtonElement>('[part=empty-action]');
      store.setSearch('zzzz no such words');
      await until(() => empty() !== null, 'the empty state');
      expect(action()!.textContent.trim()).to.equal('Clear the search');
      await expect(list).to.be.accessible();
      action()!.click();
      await until(() => rowsOf(list).length > 0, 'rows again');
      expect(store.state.ui.search).to.equal('');
      store.setQuery({ view: 'mentions', tab: 'open' });
      await list.updateComplete;
      if (list.rows.length === 0) {
        expect(action()!.textContent.trim()).to.equal('Show done');
        action()!.click();
        expect(store.state.ui.tab).to.equal('done');
      }
    });

    it('badges never repeat what the view or tab says (Done in Done, Spam in Spam)', async () => {
      const { list, store } = await mount({ width: 720 });
      for (const [view, tab, state] of [
        ['all', 'done', 'done'],
        ['spam', 'open', 'spam'],
        ['trash', 'open', 'trash'],
      ] as const) {
        store.setQuery({ view, tab });
        await list.updateComplete;
        await until(() => rowsOf(list).length > 0, `rows of ${view}`);
        const badges = [...shadow(list).querySelectorAll('status-badge')].map((badge) => badge.state);
        expect(badges, view).to.not.include(state);
      }
    });
  });
});
