import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../define.js';
import { InboxFilters, activeFilterCount } from './inbox-filters.js';
import type { ViewSaveEvent } from '../../events/view-save.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import { normalize } from '../../model/search.js';
import type { Conversation } from '../../model/types.js';
import type { InboxSidebar } from '../inbox-sidebar/inbox-sidebar.js';
import type { InboxStore } from '../../store/inbox-store.js';
import meta, * as stories from '../../../stories/inbox-filters.stories.js';
import { demoBackend, injectInbound, storyStore } from '../../../stories/demo-stores.js';
import { deepActive, ready, renderStory, settle } from '../../../test/navigation-fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the element type they expect
const part = <T extends HTMLElement = HTMLElement>(el: Element, name: string) => shadow(el).querySelector<T>(`[part~=${name}]`)!;
const box = (el: Element, field: string, value: string) =>
  shadow(el).querySelector<HTMLInputElement>(`input[name=${field}][value="${value}"]`) ??
  [...shadow(el).querySelectorAll<HTMLInputElement>(`input[name=${field}]`)].find((i) => i.value === value)!;
const list = (store: InboxStore) => store.selectors.list(store.state);

async function filters(story: stories.Story = stories.Default, store?: InboxStore): Promise<InboxFilters & { store?: InboxStore | undefined }> {
  const root = await renderStory(meta, story);
  const el = await ready(root, 'inbox-filters', story !== stories.Loading);
  if (store) {
    el.store = store;
    await store.ready;
    await el.updateComplete;
  }
  return el;
}

/** Space on a focused checkbox or radio: a real key press. */
async function press(input: HTMLInputElement, key = 'Space'): Promise<void> {
  input.focus();
  await sendKeys({ press: key });
}

describe('<inbox-filters>', () => {
  it('§4 filters by the contact’s company, combined with the rest', async () => {
    const el = await filters();
    const store = el.store!;
    part(el, 'filters-toggle').click();
    await el.updateComplete;
    const companies = [...shadow(el).querySelectorAll<HTMLInputElement>('input[name=companies]')].map((i) => i.value);
    expect(companies.length).to.be.greaterThan(1);
    expect(companies).to.deep.equal([...companies].sort((a, b) => a.localeCompare(b)));
    const company = companies[0]!;
    const all = list(store).length;
    await press(box(el, 'companies', company));
    await el.updateComplete;
    const rows = list(store);
    expect(store.state.ui.filters.companies).to.deep.equal([company]);
    expect(rows.length).to.be.greaterThan(0);
    expect(rows.length).to.be.lessThan(all);
    expect(rows.every((c) => store.state.model.contacts.get(c.contactId)?.company === company)).to.be.true;
    expect(activeFilterCount(store.state.ui.filters)).to.equal(1);
  });

  it('§4 filters by a custom field with the keyboard, and back to any value', async () => {
    const el = await filters();
    const store = el.store!;
    part(el, 'filters-toggle').click();
    await el.updateComplete;
    const select = shadow(el).querySelector<HTMLSelectElement>('select[name=custom-plan]')!;
    const values = [...select.options].map((o) => o.textContent.trim());
    expect(values[0]).to.equal('Any');
    expect(values).to.include('Pro');
    const all = list(store).length;
    select.focus();
    while (select.value !== 'Pro') await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(store.state.ui.filters.custom).to.deep.equal({ plan: 'Pro' });
    const rows = list(store);
    expect(rows.length).to.be.greaterThan(0);
    expect(rows.length).to.be.lessThan(all);
    expect(rows.every((c) => c.custom['plan'] === 'Pro')).to.be.true;
    expect(activeFilterCount(store.state.ui.filters)).to.equal(1);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(store.state.ui.filters.custom).to.equal(undefined);
    expect(list(store).length).to.equal(all);
  });

  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('inbox-filters')).to.equal(InboxFilters);
  });

  describe('search', () => {
    it('focusSearch() focuses the box; typing searches after the debounce, accents ignored', async () => {
      const el = await filters();
      const store = el.store!;
      const total = list(store).length;
      el.focusSearch();
      expect(deepActive()).to.equal(part(el, 'search'));
      await sendKeys({ type: 'zoé' });
      expect(store.state.ui.search, 'not before the debounce').to.equal('');
      await waitUntil(() => store.state.ui.search === 'zoé', 'search applied', { timeout: 2000 });
      const found = list(store);
      expect(found.length).to.be.greaterThan(0).and.lessThan(total);
      store.setSearch('ZOE');
      expect(list(store).map((c) => c.id)).to.deep.equal(found.map((c) => c.id));
    });

    it('applies at once on Enter, clears on Esc, and follows a search set elsewhere', async () => {
      const el = await filters();
      const store = el.store!;
      el.debounce = 10_000;
      el.focusSearch();
      await sendKeys({ type: 'refund' });
      await sendKeys({ press: 'Enter' });
      expect(store.state.ui.search).to.equal('refund');
      await sendKeys({ press: 'Escape' });
      expect(store.state.ui.search).to.equal('');
      store.setSearch('invoice');
      await el.updateComplete;
      expect(part<HTMLInputElement>(el, 'search').value).to.equal('invoice');
    });
  });

  it('sorts by each order from the select', async () => {
    const el = await filters(stories.Open);
    const store = el.store!;
    const select = part<HTMLSelectElement>(el, 'sort');
    expect([...select.options].map((o) => o.text.trim())).to.deep.equal(['Newest first', 'Oldest first', 'Waiting longest', 'Priority']);
    for (const order of ['oldest', 'waiting-longest', 'priority', 'newest'] as const) {
      select.value = order;
      select.dispatchEvent(new Event('change'));
      expect(store.state.ui.sort).to.equal(order);
    }
  });

  it('combines status, priority, label, channel, team and search; the list follows each change', async () => {
    const el = await filters();
    const store = el.store!;
    const toggle = part(el, 'filters-toggle');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const sizes = [list(store).length];

    await press(box(el, 'priorities', 'high'));
    await press(box(el, 'priorities', 'urgent'));
    await el.updateComplete;
    sizes.push(list(store).length);
    expect(list(store).every((c) => ['high', 'urgent'].includes(c.priority))).to.be.true;

    store.setView('done');
    await press(box(el, 'statuses', 'done'));
    await el.updateComplete;
    expect(list(store).every((c: Conversation) => c.status === 'done' && ['high', 'urgent'].includes(c.priority))).to.be.true;
    store.setView('all');
    await press(box(el, 'statuses', 'done'));
    await press(box(el, 'statuses', 'open'));

    await press(box(el, 'channelKinds', 'email'));
    await el.updateComplete;
    const emailIds = new Set([...store.state.model.channels.values()].filter((c) => c.kind === 'email').map((c) => c.id));
    expect(list(store).every((c) => emailIds.has(c.channelId))).to.be.true;
    sizes.push(list(store).length);
    await press(box(el, 'channelKinds', 'email'));

    await press(box(el, 'labels', 'billing'));
    await el.updateComplete;
    expect(list(store).every((c) => c.labels.includes('billing') && ['high', 'urgent'].includes(c.priority))).to.be.true;
    sizes.push(list(store).length);

    expect(store.state.ui.filters).to.deep.equal({ priorities: ['high', 'urgent'], statuses: ['open'], labels: ['billing'] });
    expect(part(el, 'filters-toggle').textContent).to.contain('3');
    expect(sizes[1]).to.be.lessThan(sizes[0]!);

    store.setSearch('a');
    expect(list(store).every((c) => c.labels.includes('billing'))).to.be.true;

    await press(box(el, 'teamIds', 't-sales'));
    expect(store.state.ui.filters.teamIds).to.deep.equal(['t-sales']);

    part(el, 'clear').click();
    await el.updateComplete;
    expect(store.state.ui.filters).to.deep.equal({});
    expect(store.state.ui.search).to.equal('');
    expect(list(store).length).to.equal(sizes[0]);
    expect(box(el, 'priorities', 'high').checked).to.be.false;
  });

  it('filters by assignee: unassigned, a user, a bot; deactivated users on request', async () => {
    const el = await filters(stories.Open);
    const store = el.store!;
    const search = async (text: string) => {
      const field = shadow(el).querySelector<HTMLInputElement>('fieldset:has(input[name=assignees]) [part=facet-search]')!;
      field.focus();
      field.select();
      await sendKeys({ type: text });
      await el.updateComplete;
    };
    await press(box(el, 'assignees', 'unassigned'));
    expect(list(store).every((c) => c.assignee === null)).to.be.true;
    // A long facet: its first options, a search box and "N more".
    expect(shadow(el).querySelector('fieldset:has(input[name=assignees]) [part=more]')!.textContent).to.match(/\d+ more/);
    await search('lea');
    await press(box(el, 'assignees', 'user:u-lea'));
    expect(list(store).every((c) => c.assignee === null || c.assignee.id === 'u-lea')).to.be.true;
    await search('welcome');
    await press(box(el, 'assignees', 'bot:b-welcome'));
    expect(store.state.ui.filters.assignees).to.deep.equal(['unassigned', 'user:u-lea', 'bot:b-welcome']);
    await search('claire');
    expect(box(el, 'assignees', 'user:u-claire')).to.equal(undefined);
    const showDeactivated = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find((i) =>
      i.parentElement!.textContent.includes('Show deactivated users'),
    )!;
    await press(showDeactivated);
    await el.updateComplete;
    expect(box(el, 'assignees', 'user:u-claire').value).to.equal('user:u-claire');
    expect(store.state.ui.filters.includeDeactivated).to.be.true;
  });

  it('opens over the list and closes on Esc and on a click outside, giving the focus back to its button', async () => {
    const el = await filters();
    const toggle = part(el, 'filters-toggle');
    const before = el.getBoundingClientRect().height;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const panel = part(el, 'panel');
    expect(panel.matches(':popover-open')).to.equal(true);
    expect(el.getBoundingClientRect().height, 'nothing in the layout moves').to.equal(before);
    expect(panel.contains(deepActive()), 'the focus moved in').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(panel.matches(':popover-open')).to.equal(false);
    expect(deepActive()).to.equal(toggle);
    toggle.click();
    await el.updateComplete;
    expect(panel.matches(':popover-open')).to.equal(true);
    const outside = el.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(outside.left) + 2, Math.round(outside.bottom) + 300] });
    await el.updateComplete;
    expect(panel.matches(':popover-open')).to.equal(false);
    expect(el.filtersOpen).to.equal(false);
  });

  it('lets spam and trash in, and narrows to a date range', async () => {
    const el = await filters(stories.Open);
    const store = el.store!;
    const before = list(store).length;
    await press(shadow(el).querySelector<HTMLInputElement>('input[name=hideSpam]')!);
    await press(shadow(el).querySelector<HTMLInputElement>('input[name=hideTrash]')!);
    expect(store.state.ui.filters).to.deep.equal({ hideSpam: false, hideTrash: false });
    expect(list(store).length).to.be.greaterThan(before);
    expect(list(store).some((c) => c.spam)).to.be.true;

    // Typed in the inbox's language (en: mm/dd/yyyy), in a text field, not the browser's date picker.
    const from = shadow(el).querySelector<HTMLInputElement>('input[name=from]')!;
    expect(from.placeholder).to.equal('mm/dd/yyyy');
    const today = new Date();
    from.focus();
    await sendKeys({ type: `${today.getMonth() + 1}/${today.getDate()}/${today.getFullYear()}` });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
    expect(store.state.ui.filters.from).to.equal(midnight);
    expect(list(store).every((c) => (c.lastMessage?.at ?? c.createdAt) >= midnight)).to.be.true;
    expect(activeFilterCount(store.state.ui.filters)).to.equal(3);
  });

  describe('save as view', () => {
    async function saveView(el: InboxFilters, name: string, share: 'me' | 'team' | 'everyone', team?: string): Promise<ViewSaveEvent> {
      const saved = new Promise<ViewSaveEvent>((resolve) => el.addEventListener('view-save', resolve, { once: true }));
      if (!el.filtersOpen) {
        part(el, 'filters-toggle').click();
        await el.updateComplete;
      }
      part(el, 'save-toggle').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActive()?.id).to.equal('view-name');
      await sendKeys({ type: name });
      const radio = shadow(el).querySelector<HTMLInputElement>(`input[name=share][value=${share}]`) ??
        [...shadow(el).querySelectorAll<HTMLInputElement>('input[name=share]')].find((r) => r.value === share)!;
      radio.click();
      await el.updateComplete;
      if (team) {
        const select = shadow(el).querySelector<HTMLSelectElement>('select[name=team]')!;
        select.value = team;
        select.dispatchEvent(new Event('change'));
      }
      shadow(el).querySelector<HTMLInputElement>('#view-name')!.focus();
      await sendKeys({ press: 'Enter' });
      return saved;
    }

    it('saves the current filters and search, owned by the user, and opens the view', async () => {
      const el = await filters();
      const store = el.store!;
      store.setQuery({ filters: { labels: ['vip'] }, search: 'order' });
      await el.updateComplete;
      const { view } = await saveView(el, 'VIP orders', 'me');
      expect(view).to.deep.include({ name: 'VIP orders', ownerId: 'u-ana', search: 'order' });
      expect(view.filters).to.deep.equal({ labels: ['vip'] });
      expect(view.sharedWith).to.deep.equal({ everyone: false, userIds: [], teamIds: [] });
      expect(view.id).to.match(/^view/);
      expect(store.state.model.views.get(view.id)).to.deep.equal(view);
      expect(store.state.ui.view).to.equal(`saved:${view.id}`);
    });

    it('a view shared with a team shows in a member’s sidebar, not in another agent’s; everyone reaches all', async () => {
      const backend = demoBackend();
      const ana = storyStore({ userId: 'u-ana', backend });
      const lea = storyStore({ userId: 'u-lea', backend }); // Support
      const tom = storyStore({ userId: 'u-tom', backend }); // Sales
      await Promise.all([ana.ready, lea.ready, tom.ready]);
      const el = await filters(stories.Default, ana);
      const root = await fixture<HTMLElement>(html`<div>
        <inbox-sidebar .store=${lea}></inbox-sidebar><inbox-sidebar .store=${tom}></inbox-sidebar>
      </div>`);
      const [leaBar, tomBar] = [...root.querySelectorAll('inbox-sidebar')] as [InboxSidebar, InboxSidebar];
      const shows = (bar: InboxSidebar, id: string) => bar.shadowRoot!.querySelector(`[data-view="saved:${id}"]`) !== null;

      ana.setQuery({ filters: { priorities: ['urgent'] }, search: '' });
      const { view: supportView } = await saveView(el, 'Urgent for Support', 'team', 't-support');
      expect(supportView.sharedWith.teamIds).to.deep.equal(['t-support']);
      await waitUntil(() => shows(leaBar, supportView.id), 'Léa sees the Support view', { timeout: 3000 });
      await settle(tomBar);
      expect(shows(tomBar, supportView.id)).to.be.false;

      const { view: everyoneView } = await saveView(el, 'Urgent for all', 'everyone');
      await waitUntil(() => shows(tomBar, everyoneView.id) && shows(leaBar, everyoneView.id), 'everyone sees it', { timeout: 3000 });
      expect(tomBar.shadowRoot!.querySelector(`[data-view="saved:${everyoneView.id}"] .name`)!.textContent).to.equal('Urgent for all');
      for (const store of [ana, lea, tom]) store.destroy();
    });

    it('a saved view updates live as events arrive, for its owner and those it is shared with (R17)', async () => {
      const backend = demoBackend();
      const ana = storyStore({ userId: 'u-ana', backend });
      const lea = storyStore({ userId: 'u-lea', backend });
      await Promise.all([ana.ready, lea.ready]);
      const el = await filters(stories.Default, ana);
      ana.setQuery({ filters: {}, search: 'kumquat' });
      const { view } = await saveView(el, 'Kumquats', 'everyone');
      await waitUntil(() => lea.state.model.views.has(view.id), 'shared', { timeout: 3000 });
      lea.setView(`saved:${view.id}`);
      ana.setQuery({ search: '' }); // the view holds its own search
      expect(list(ana)).to.have.length(0);
      expect(list(lea)).to.have.length(0);

      const target = [...backend.state.conversations.values()].find(
        (c) => c.status === 'open' && !c.spam && c.trashedAt === null && c.snoozedUntil === null && !c.sent && c.assignee?.type === 'user',
      )!;
      injectInbound(backend, target.id, 'Do you sell kumquat jam?');
      await waitUntil(() => list(ana).length === 1 && list(lea).length === 1, 'both lists show it', { timeout: 3000 });
      expect(list(ana)[0]!.id).to.equal(target.id);
      expect(normalize(list(lea)[0]!.lastMessage!.preview)).to.contain('kumquat');
      ana.destroy();
      lea.destroy();
    });

    it('needs a name, and Esc folds the form back to its button', async () => {
      const el = await filters(stories.Open);
      part(el, 'save-toggle').click();
      await el.updateComplete;
      const submit = shadow(el).querySelector<HTMLButtonElement>('form button[type=submit]')!;
      expect(submit.disabled).to.be.true;
      shadow(el).querySelector<HTMLInputElement>('#view-name')!.focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(shadow(el).querySelector('form')).to.be.null;
      expect(deepActive()).to.equal(part(el, 'save-toggle'));
    });
  });

  for (const [name, text] of [
    ['French', 'Rechercher des conversations'],
    ['Spanish', 'Buscar conversaciones'],
  ] as const) {
    it(`is localized (${name} story)`, async () => {
      const el = await filters(stories[name]);
      expect(part<HTMLInputElement>(el, 'search').getAttribute('aria-label')).to.equal(text);
    });
  }

  it('shows the Filtered story’s state in its controls', async () => {
    const el = await filters(stories.Filtered);
    expect(part<HTMLInputElement>(el, 'search').value).to.equal('refund');
    expect(box(el, 'priorities', 'urgent').checked).to.be.true;
    expect(box(el, 'priorities', 'low').checked).to.be.false;
    expect(shadow(el).querySelector<HTMLInputElement>('input[name=hideSpam]')!.checked).to.be.false;
  });

  describe('is accessible', () => {
    for (const name of ['Default', 'Open', 'Filtered', 'AgentSelf', 'Loading', 'Empty', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const el = await filters(stories[name]);
        await expect(el).to.be.accessible();
      });
    }
  });
});
