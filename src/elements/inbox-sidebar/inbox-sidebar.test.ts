import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { InboxSidebar } from './inbox-sidebar.js';
import type { ViewSelectEvent } from '../../events/view-select.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import { dotViewFor } from '../../model/indicators.js';
import type { Id } from '../../model/types.js';
import type { ViewId } from '../../model/views.js';
import type { InboxStore } from '../../store/inbox-store.js';
import meta, * as stories from '../../../stories/inbox-sidebar.stories.js';
import { demoBackend, injectInbound, storyStore } from '../../../stories/demo-stores.js';
import { deepActive, ready, renderStory, settle } from '../../../test/navigation-fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const items = (el: InboxSidebar) => [...shadow(el).querySelectorAll<HTMLButtonElement>('.item')];
const viewsShown = (el: InboxSidebar) => items(el).map((i) => i.dataset['view']);
const item = (el: InboxSidebar, view: string) => shadow(el).querySelector<HTMLButtonElement>(`.item[data-view="${view}"]`);
const nameOf = (button: Element) => button.querySelector('.name')!.textContent.trim();
/** The number of conversations a view's dot stands for, as its accessible name says it; null without a dot. */
const dotOf = (el: InboxSidebar, view: string) => {
  const button = item(el, view);
  if (!button?.querySelector('[part=dot]')) return null;
  return /New messages in ([\d,]+) conversations?/.exec(button.getAttribute('aria-label') ?? '')?.[1] ?? '?';
};
const countOf = (el: InboxSidebar, view: string) => item(el, view)?.querySelector('[part=count]')?.textContent.trim() ?? null;
const en = (n: number) => new Intl.NumberFormat('en').format(n);
const headings = (el: InboxSidebar) => [...shadow(el).querySelectorAll('.section-toggle')].map((h) => h.textContent.trim().replace('▾', ''));

async function sidebar(story: stories.Story = stories.Owner): Promise<InboxSidebar & { store?: InboxStore | undefined }> {
  const root = await renderStory(meta, story);
  const el = await ready(root, 'inbox-sidebar', story !== stories.Loading);
  if (!el.store) {
    // In a provider: wait for the provided store.
    const provider = root.querySelector('inbox-provider') as HTMLElement & { store: InboxStore };
    await provider.store.ready;
    await settle(el);
  }
  return el;
}

/** Open conversations of a view, as the list would show them. */
function openIn(store: InboxStore, view: ViewId): readonly Id[] {
  const { view: before } = store.state.ui;
  store.setView(view);
  const ids = store.selectors.list(store.state).map((c) => c.id);
  store.setView(before);
  return ids;
}

describe('<inbox-sidebar>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('inbox-sidebar')).to.equal(InboxSidebar);
  });

  it('lists the views of section 4 in sections, in the store’s order, as a navigation landmark', async () => {
    const el = await sidebar();
    const store = el.store!;
    expect(shadow(el).querySelector('nav')!.getAttribute('aria-label')).to.equal('Views');
    expect(headings(el)).to.deep.equal(['Inboxes', 'Teams', 'Channels', 'Saved views', 'Folders']);
    expect(viewsShown(el)).to.deep.equal(store.selectors.views(store.state).map((v) => v.id));
    expect(items(el).slice(0, 7).map(nameOf)).to.deep.equal(['All', 'Mine', 'Unassigned', 'Mentions', 'New', 'Waiting', 'Bots']);
    expect(nameOf(item(el, 'team:t-sales')!)).to.equal('Sales');
    expect(nameOf(item(el, 'channel:email')!)).to.equal('E-mail');
    expect(nameOf(item(el, 'saved:v-ana-refunds')!)).to.equal('Refunds');
    expect(item(el, 'all')!.getAttribute('aria-current')).to.equal('page');
  });

  it('shows each inbox, team and channel view’s open count (R15)', async () => {
    const el = await sidebar();
    const store = el.store!;
    const counts = store.selectors.counts(store.state);
    expect(counts.size).to.be.greaterThan(10);
    for (const [view, count] of counts) expect(countOf(el, view), view).to.equal(en(count));
    expect(countOf(el, 'all')).to.equal(en(openIn(store, 'all').length));
    expect(countOf(el, 'mine')).to.equal(en(openIn(store, 'mine').length));
    expect(countOf(el, 'done'), 'folders have no count').to.be.null;
    const mine = openIn(store, 'mine').length;
    expect(item(el, 'mine')!.getAttribute('aria-label')).to.equal(`Mine, ${en(mine)} open conversation${mine === 1 ? '' : 's'}`);
    expect(item(el, 'mine')!.querySelector('[part=count]')!.getAttribute('title')).to.equal(`${en(mine)} open conversation${mine === 1 ? '' : 's'}`);
  });

  describe('shows only the views R14 allows', () => {
    it('to an owner: every standard view, every team, Unassigned and Blocked', async () => {
      const el = await sidebar(stories.Owner);
      expect(viewsShown(el)).to.include.members(['all', 'mine', 'unassigned', 'bots', 'team:t-sales', 'team:t-support', 'team:t-latam', 'blocked', 'trash']);
    });

    it('to an agent with visibility all: their teams only', async () => {
      const el = await sidebar(stories.AgentAll);
      const views = viewsShown(el);
      expect(views).to.include.members(['all', 'mine', 'unassigned', 'team:t-support']);
      expect(views).not.to.include('team:t-sales');
      expect(views, 'a view shared with Support').to.include('saved:v-lea-urgent');
      expect(views, 'another user’s private view').not.to.include('saved:v-ana-refunds');
    });

    it('to an agent with visibility team: no Unassigned', async () => {
      const el = await sidebar(stories.AgentTeam);
      const views = viewsShown(el);
      expect(views).to.include.members(['all', 'mine', 'team:t-sales']);
      expect(views).not.to.include('unassigned');
      expect(views).not.to.include('team:t-support');
      expect(views).not.to.include('blocked');
    });

    it('to an agent with visibility self: Mine only', async () => {
      const el = await sidebar(stories.AgentSelf);
      expect(viewsShown(el)).to.deep.equal(['mine']);
      expect(headings(el)).to.deep.equal(['Inboxes']);
    });
  });

  it('opens every view with the keyboard alone: Tab in, ArrowDown, Enter or Space', async () => {
    const el = await sidebar();
    const store = el.store!;
    const before = document.createElement('button');
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive(), 'the tab stop is on the current view').to.equal(item(el, 'all'));
    const views = viewsShown(el);
    const selected: string[] = [];
    el.addEventListener('view-select', (e) => selected.push(e.view));
    for (const [index, view] of views.entries()) {
      if (index > 0) {
        await sendKeys({ press: 'ArrowDown' });
        // Section headings are on the way: skip them.
        while ((deepActive() as HTMLElement).classList.contains('section-toggle')) await sendKeys({ press: 'ArrowDown' });
      }
      expect((deepActive() as HTMLElement).dataset['view']).to.equal(view);
      await sendKeys({ press: index % 2 ? 'Space' : 'Enter' });
      await el.updateComplete;
      expect(store.state.ui.view).to.equal(view);
      expect(item(el, view!)!.getAttribute('aria-current')).to.equal('page');
      expect(shadow(el).querySelectorAll('[aria-current]')).to.have.length(1);
    }
    expect(selected).to.deep.equal(views);
    before.remove();
  });

  it('moves with Home, End and ArrowUp, wrapping, with one tab stop', async () => {
    const el = await sidebar();
    item(el, 'all')!.focus();
    await sendKeys({ press: 'End' });
    expect(deepActive()).to.equal(items(el).at(-1));
    await sendKeys({ press: 'Home' });
    expect((deepActive() as HTMLElement).dataset['key']).to.equal('section:inbox');
    await sendKeys({ press: 'ArrowUp' });
    expect(deepActive()).to.equal(items(el).at(-1));
    const stops = [...shadow(el).querySelectorAll<HTMLElement>('.item, .section-toggle')].filter((b) => b.tabIndex === 0);
    expect(stops).to.have.length(1);
  });

  it('opens a view with the pointer', async () => {
    const el = await sidebar();
    const event = new Promise<ViewSelectEvent>((resolve) => el.addEventListener('view-select', resolve, { once: true }));
    item(el, 'team:t-support')!.click();
    expect((await event).view).to.equal('team:t-support');
    expect(el.store!.state.ui.view).to.equal('team:t-support');
  });

  it('folds and unfolds a section from its heading (Enter, ArrowLeft, ArrowRight)', async () => {
    const el = await sidebar();
    const toggle = shadow(el).querySelector<HTMLButtonElement>('[data-kind=channel]')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(item(el, 'channel:email')).to.be.null;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(item(el, 'channel:email')).to.exist;
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  describe('new-message dots (R15)', () => {
    it('lights only the highest-priority view, counts conversations not messages, and clears on opening', async () => {
      const backend = demoBackend();
      const store = storyStore({ userId: 'u-ana', backend });
      await store.ready;
      const mine = openIn(store, 'mine');
      const all = openIn(store, 'all');
      expect(mine.length).to.be.greaterThan(2);
      const el = (await renderStory(meta, stories.Owner)).querySelector('inbox-sidebar')!;
      el.store = store;
      await el.updateComplete;
      const allCount = Number(countOf(el, 'all'));
      // The view on screen lights no dot: look at New, which never does.
      store.setView('new');

      injectInbound(backend, mine[0]!);
      injectInbound(backend, mine[0]!, 'and again');
      injectInbound(backend, mine[1]!);
      await settle(el);
      expect(dotOf(el, 'mine'), 'two conversations, three messages').to.equal('2');
      for (const view of ['all', 'unassigned', 'new', 'team:t-sales', 'team:t-support']) expect(dotOf(el, view), view).to.be.null;
      expect(item(el, 'mine')!.getAttribute('aria-label')).to.contain('New messages in 2 conversations');
      // A dot, not a second number.
      const dot = item(el, 'mine')!.querySelector<HTMLElement>('[part=dot]')!;
      expect(dot.textContent.trim()).to.equal('');
      expect(dot.title).to.equal('New messages in 2 conversations');
      expect(dot.getBoundingClientRect().width).to.equal(8);
      expect(item(el, 'mine')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(`Mine ${countOf(el, 'mine')!}`);

      // One that only All holds, among the owner's views: lights All alone.
      const other = all.find((id) => {
        const c = store.state.model.conversations.get(id)!;
        return dotViewFor(store.state.model, c, store.state.model.users.get('u-ana')!) === 'all';
      });
      if (other) {
        injectInbound(backend, other);
        await settle(el);
        expect(dotOf(el, 'all')).to.equal('1');
      }

      item(el, 'mine')!.click();
      await el.updateComplete;
      expect(dotOf(el, 'mine'), 'opening a view clears its dot').to.be.null;
      expect(store.state.ui.dots.has('mine')).to.be.false;
      expect(Number(countOf(el, 'all'))).to.equal(allCount);
      store.destroy();
    });

    it('a reopened done conversation raises the open count live (R1, R17)', async () => {
      const backend = demoBackend();
      const store = storyStore({ userId: 'u-ana', backend });
      await store.ready;
      const done = openIn(store, 'done');
      const el = (await renderStory(meta, stories.Owner)).querySelector('inbox-sidebar')!;
      el.store = store;
      await el.updateComplete;
      const before = Number(countOf(el, 'all'));
      injectInbound(backend, done[0]!);
      await settle(el);
      expect(Number(countOf(el, 'all'))).to.equal(before + 1);
      store.destroy();
    });

    it('shows the dots of the WithDots story', async () => {
      const el = await sidebar(stories.WithDots);
      await settle(el);
      const dots = items(el)
        .filter((button) => button.querySelector('[part=dot]'))
        .map((button) => Number(dotOf(el, button.dataset['view']!)));
      expect(dots.reduce((a, b) => a + b, 0)).to.equal(4);
    });
  });

  it('gets its store from an <inbox-provider> (InProvider story)', async () => {
    const el = await sidebar(stories.InProvider);
    expect(viewsShown(el)).to.include.members(['all', 'mine']);
    item(el, 'mine')!.click();
    const provider = el.closest('inbox-provider') as HTMLElement & { store: InboxStore };
    expect(provider.store.state.ui.view).to.equal('mine');
  });

  it('says it is loading before the first snapshot (Loading story)', async () => {
    const el = await sidebar(stories.Loading);
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.contain('Loading');
    expect(el.matches(':state(loading)')).to.be.true;
  });

  it('shows zero counts in an empty workspace (Empty story)', async () => {
    const el = await sidebar(stories.Empty);
    expect(countOf(el, 'all')).to.equal('0');
    expect(el.matches(':state(loading)')).to.be.false;
  });

  it('follows a view switched elsewhere (the list, a URL)', async () => {
    const store = storyStore();
    await store.ready;
    const el = (await renderStory(meta, stories.Owner)).querySelector('inbox-sidebar')!;
    el.store = store;
    await el.updateComplete;
    store.setView('snoozed');
    await el.updateComplete;
    expect(item(el, 'snoozed')!.getAttribute('aria-current')).to.equal('page');
    store.destroy();
  });

  for (const [name, expected] of [
    ['French', ['Boîtes de réception', 'Équipes', 'Canaux', 'Vues enregistrées', 'Dossiers']],
    ['Spanish', ['Bandejas de entrada', 'Equipos', 'Canales', 'Vistas guardadas', 'Carpetas']],
  ] as const) {
    it(`is localized (${name} story)`, async () => {
      const el = await sidebar(stories[name]);
      expect(headings(el)).to.deep.equal(expected);
      expect(nameOf(item(el, 'mine')!)).to.equal(name === 'French' ? 'Les miennes' : 'Mías');
    });
  }

  it('is one tab stop: Tab enters on the current view and the next Tab leaves the views', async () => {
    const el = await sidebar();
    const before = document.createElement('button');
    before.textContent = 'before';
    const after = document.createElement('button');
    after.textContent = 'after';
    el.before(before);
    el.after(after);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(item(el, 'all'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(after);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive(), 'back on the view focused last').to.equal(item(el, 'mine'));
    before.remove();
    after.remove();
  });

  it('numbers and plurals in the locale (French: 0 is singular, thousands grouped)', async () => {
    const el = await sidebar(stories.French);
    const store = el.store!;
    const counts = store.selectors.counts(store.state);
    const fr = (n: number) => new Intl.NumberFormat('fr').format(n);
    for (const [view, count] of counts) expect(countOf(el, view), view).to.equal(fr(count));
    const mentions = counts.get('mentions')!;
    const label = item(el, 'mentions')!.getAttribute('aria-label')!;
    expect(label).to.equal(`Mentions, ${fr(mentions)} ${mentions < 2 ? 'conversation ouverte' : 'conversations ouvertes'}`);
    expect(label).to.not.contain('(s)');
  });

  it('is a compact list in a 200 px column: one line of 32 px per view, nothing wider than the column', async () => {
    const el = await sidebar(stories.NarrowColumn);
    await settle(el);
    const width = el.getBoundingClientRect().width;
    expect(width).to.equal(200);
    for (const button of items(el)) {
      expect(button.getBoundingClientRect().height, button.dataset['view']).to.equal(32);
      expect(button.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
      const name = button.querySelector<HTMLElement>('.name')!;
      expect(getComputedStyle(name).textOverflow).to.equal('ellipsis');
    }
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
  });

  it('a page holding only the sidebar in a sized box does not scroll (nothing of it sits below its box)', async () => {
    const margin = document.body.style.margin;
    document.body.style.margin = '0';
    try {
      const store = storyStore();
      await store.ready;
      const root = await fixture<HTMLElement>(html`<div style=${`inline-size: 240px; block-size: ${String(Math.round(window.innerHeight / 2))}px; display: grid`}>
        <inbox-sidebar .store=${store}></inbox-sidebar>
      </div>`);
      const el = root.querySelector('inbox-sidebar')!;
      await settle(el);
      expect(el.scrollHeight, 'the views are taller than the box: the sidebar scrolls').to.be.greaterThan(el.clientHeight);
      const page = document.scrollingElement!;
      expect(page.scrollHeight).to.be.at.most(window.innerHeight);
      store.destroy();
    } finally {
      document.body.style.margin = margin;
    }
  });

  describe('is accessible', () => {
    for (const name of ['Owner', 'Manager', 'AgentAll', 'AgentTeam', 'AgentSelf', 'WithDots', 'NarrowColumn', 'Drawer', 'InProvider', 'Loading', 'Empty', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const el = await sidebar(stories[name]);
        await settle(el);
        await expect(el).to.be.accessible();
      });
    }
  });
});
