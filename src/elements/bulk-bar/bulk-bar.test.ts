import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { InboxNoticeEvent } from '../../events/inbox-notice.js';
import '../../define.js';
import meta, * as stories from '../../../stories/bulk-bar.stories.js';
import type { Story } from '../../../stories/bulk-bar.stories.js';
import { demoBackend, injectInbound, storyStore } from '../../../stories/demo-stores.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { until } from '../inbox-list/list.testing.js';
import { BulkBar } from './bulk-bar.js';

const stores: InboxStore[] = [];

async function mountBar(checked: 'all' | number = 3): Promise<{ bar: BulkBar; store: InboxStore; ids: string[] }> {
  const store = storyStore({ conversations: 2000 });
  stores.push(store);
  await store.ready;
  const matching = store.selectors.list(store.state).map((c) => c.id);
  if (checked === 'all') store.checkAllMatching();
  else store.setChecked(matching.slice(0, checked));
  const bar = await fixture<BulkBar>(html`<bulk-bar .store=${store}></bulk-bar>`);
  return { bar, store, ids: checked === 'all' ? matching : matching.slice(0, checked) };
}

async function renderStory(story: Story): Promise<BulkBar> {
  const args = { ...meta.args, ...story.args };
  if (story.globals?.locale) await setLocale(story.globals.locale);
  const root = await fixture<HTMLElement>((story.render ?? meta.render)(args, {} as never));
  const bar = root.querySelector('bulk-bar')!;
  await until(() => bar.hidden === (args.checked === 0) && (args.checked === 0 || bar.shadowRoot!.querySelector('[part=count]') !== null), 'the bar');
  return bar;
}

const button = (bar: BulkBar, selector: string) => bar.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;

describe('<bulk-bar>', () => {
  afterEach(async () => {
    for (const store of stores.splice(0)) store.destroy();
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('bulk-bar')).to.equal(BulkBar);
  });

  it('hides while nothing is checked (Nothing story)', async () => {
    const bar = await renderStory(stories.Nothing);
    expect(bar.hidden).to.be.true;
    expect(bar.shadowRoot!.querySelector('[role=toolbar]')).to.be.null;
  });

  for (const name of ['Default', 'AgentTeam', 'DoneChecked', 'Narrow', 'Dark', 'French', 'Spanish', 'FrenchNarrow'] as const) {
    it(`is accessible: ${name}`, async () => {
      const bar = await renderStory(stories[name]);
      expect(bar.hidden).to.be.false;
      await expect(bar).to.be.accessible();
    });
  }

  it('is a toolbar with one tab stop, moved by the arrow keys, Home and End', async () => {
    const { bar } = await mountBar();
    const buttons = [...bar.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=button]')];
    expect(bar.shadowRoot!.querySelector('[role=toolbar]')?.getAttribute('aria-label')).to.equal('Bulk actions');
    expect(buttons.filter((b) => b.tabIndex === 0)).to.have.length(1);
    buttons[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(bar.shadowRoot!.activeElement === buttons[1]).to.be.true;
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(bar.shadowRoot!.activeElement === buttons.at(-1)).to.be.true;
    await sendKeys({ press: 'Home' });
    expect(bar.shadowRoot!.activeElement === buttons[0]).to.be.true;
    expect(buttons.map((b) => b.tabIndex).filter((t) => t === 0)).to.have.length(1);
  });

  it('says how many are checked and selects every matching conversation', async () => {
    const { bar, store } = await mountBar(3);
    expect(bar.shadowRoot!.querySelector('[part=count]')?.textContent).to.equal('3 selected');
    const total = store.selectors.list(store.state).length;
    button(bar, '[part~=select-all]').click();
    expect(store.state.ui.checked.size).to.equal(total);
    await bar.updateComplete;
    expect(bar.shadowRoot!.querySelector('[part~=select-all]')).to.be.null;
    expect(bar.shadowRoot!.querySelector('[part=count]')?.textContent).to.equal(`${new Intl.NumberFormat('en').format(total)} selected`);
    button(bar, '.clear').click();
    expect(store.state.ui.checked.size).to.equal(0);
    await bar.updateComplete;
    expect(bar.hidden).to.be.true;
  });

  const commands = [
    ['markUnread', (c: { unread: boolean }) => c.unread],
    ['markRead', (c: { unread: boolean }) => !c.unread],
    ['trash', (c: { trashedAt: number | null }) => c.trashedAt !== null],
    ['markSpam', (c: { spam: boolean }) => c.spam],
  ] as const;
  for (const [command, holds] of commands) {
    it(`${command} applies to every matching conversation, then clears the selection`, async () => {
      const { bar, store, ids } = await mountBar('all');
      button(bar, `[data-command=${command}]`).click();
      for (const id of ids) expect((holds as (c: unknown) => boolean)(store.state.model.conversations.get(id)), id).to.be.true;
      expect(store.state.ui.checked.size).to.equal(0);
      expect(store.state.lastUndoable).to.deep.include({ type: command, count: ids.length });
    });
  }

  it('done then reopen on every matching conversation', async () => {
    const { bar, store, ids } = await mountBar('all');
    button(bar, '[data-command=markDone]').click();
    const refused = new Set(store.state.ui.checked); // R12: young bot conversations
    const done = ids.filter((id) => !refused.has(id));
    for (const id of done) expect(store.state.model.conversations.get(id)?.status).to.equal('done');
    store.setChecked(done);
    await bar.updateComplete;
    button(bar, '[data-command=reopen]').click();
    for (const id of done) expect(store.state.model.conversations.get(id)?.status).to.equal('open');
  });

  it('Priority, Assign and Label open the pickers for every checked conversation', async () => {
    const { bar, store, ids } = await mountBar('all');
    const conversations = () => ids.map((id) => store.state.model.conversations.get(id)!);

    button(bar, '[data-picker=priority]').click();
    const priority = bar.shadowRoot!.querySelector('priority-picker')!;
    expect(priority.ids).to.deep.equal(ids);
    await until(() => priority.open && priority.shadowRoot!.activeElement !== null, 'the priority picker focused');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    expect(conversations().every((c) => c.priority === 'urgent')).to.be.true;
    await bar.updateComplete;
    expect(store.state.ui.checked.size).to.equal(0);

    store.setChecked(ids);
    await bar.updateComplete;
    button(bar, '[data-picker=assign]').click();
    const assign = bar.shadowRoot!.querySelector('assignee-picker')!;
    await until(() => assign.open && assign.shadowRoot!.activeElement !== null, 'the assign picker focused');
    await sendKeys({ type: 'Tom Harris' });
    await assign.updateComplete;
    await sendKeys({ press: 'Enter' });
    expect(conversations().every((c) => c.assignee?.type === 'user' && c.assignee.id === 'u-tom')).to.be.true;

    store.setChecked(ids);
    await bar.updateComplete;
    button(bar, '[data-picker=label]').click();
    const label = bar.shadowRoot!.querySelector('label-picker')!;
    await until(() => label.open && label.shadowRoot!.activeElement !== null, 'the label picker focused');
    await sendKeys({ type: 'bulk-test' });
    await label.updateComplete;
    await sendKeys({ press: 'Enter' });
    expect(conversations().every((c) => c.labels.includes('bulk-test'))).to.be.true;
    await sendKeys({ press: 'Escape' });
    await until(() => bar.shadowRoot!.querySelector('label-picker') === null, 'the label picker closed');
  });

  it('fires a cancelable inbox-request-picker; a host that cancels it opens its own', async () => {
    const { bar, ids } = await mountBar(2);
    const seen: string[] = [];
    bar.addEventListener('inbox-request-picker', (event) => {
      seen.push(`${event.kind}:${event.ids.join(',')}`);
      event.preventDefault();
    });
    button(bar, '[data-picker=label]').click();
    expect(seen).to.deep.equal([`label:${ids.join(',')}`]);
    expect(bar.shadowRoot!.querySelector('label-picker')).to.be.null;
  });

  describe('only what applies, on one line (issue 11)', () => {
    const shownActions = (bar: BulkBar) =>
      [...bar.shadowRoot!.querySelectorAll<HTMLElement>('.actions > [data-command], .actions > [data-picker]')].map((b) => b.dataset['command'] ?? b.dataset['picker']);
    const menuActions = (bar: BulkBar) => [...bar.shadowRoot!.querySelectorAll<HTMLElement>('[role=menuitem]')].map((b) => b.dataset['item']);
    const offered = (bar: BulkBar) => [...shownActions(bar), ...menuActions(bar)];

    async function mountWith(pick: (store: InboxStore) => string[], width = 900, conversations = 200) {
      const store = storyStore({ conversations });
      stores.push(store);
      await store.ready;
      const ids = pick(store);
      store.setChecked(ids);
      const bar = await fixture<BulkBar>(html`<div style=${`inline-size: ${String(width)}px`}><bulk-bar .store=${store}></bulk-bar></div>`).then((box) => box.querySelector('bulk-bar')!);
      await until(() => bar.shadowRoot!.querySelector('[part=count]') !== null, 'the bar');
      await nextFrames();
      return { bar, store, ids };
    }
    const nextFrames = async () => {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    };
    const open = (store: InboxStore) => store.selectors.list(store.state);

    it('open, read rows: Mark done, Mark unread, Snooze, no Reopen and no Mark read', async () => {
      const { bar } = await mountWith((store) => open(store).filter((c) => !c.unread).slice(0, 3).map((c) => c.id));
      const actions = offered(bar);
      expect(actions).to.include.members(['markDone', 'markUnread', 'snooze', 'assign', 'label', 'priority']);
      expect(actions).to.not.include('reopen');
      expect(actions).to.not.include('markRead');
      expect(actions).to.not.include('restore');
      expect(actions).to.not.include('unmarkSpam');
    });

    it('an unread row adds Mark read; done rows offer Reopen and neither Mark done nor Snooze', async () => {
      const unread = await mountWith((store) => [open(store).find((c) => c.unread)!.id, open(store).find((c) => !c.unread)!.id]);
      expect(offered(unread.bar)).to.include.members(['markRead', 'markUnread']);
      const done = await mountWith((store) => {
        store.setTab('done');
        const ids = store.selectors.list(store.state).slice(0, 3).map((c) => c.id);
        store.setTab('open');
        return ids;
      });
      expect(offered(done.bar)).to.include('reopen');
      expect(offered(done.bar)).to.not.include('markDone');
      expect(offered(done.bar)).to.not.include('snooze');
    });

    it('Snooze asks for the snooze picker for every checked conversation', async () => {
      const { bar, ids } = await mountWith((store) => open(store).slice(0, 2).map((c) => c.id));
      const seen: string[] = [];
      bar.addEventListener('inbox-request-picker', (event) => seen.push(`${event.kind}:${event.ids.join(',')}`));
      button(bar, '[data-picker=snooze]').click();
      expect(seen).to.deep.equal([`snooze:${ids.join(',')}`]);
      const picker = bar.shadowRoot!.querySelector('snooze-picker');
      expect(picker?.ids).to.deep.equal(ids);
    });

    it('every action is an icon button named by its label, with a tooltip', async () => {
      const { bar } = await mountWith((store) => open(store).slice(0, 3).map((c) => c.id));
      const buttons = [...bar.shadowRoot!.querySelectorAll<HTMLButtonElement>('.icon-button')];
      expect(buttons.length).to.be.at.least(8);
      for (const b of buttons) {
        expect(b.querySelector('svg'), b.outerHTML).to.exist;
        expect(b.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
        expect(b.dataset['tip']).to.equal(b.getAttribute('aria-label'));
      }
      await expect(bar).to.be.accessible();
      // The keyboard shows the tooltip too.
      const before = document.createElement('button');
      bar.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'End' });
      const focused = bar.shadowRoot!.activeElement as HTMLElement;
      const tip = bar.shadowRoot!.querySelector<HTMLElement>('[part=tooltip]')!;
      expect(tip.hidden).to.be.false;
      expect(tip.textContent).to.equal(focused.getAttribute('aria-label'));
      before.remove();
    });

    it('at 380 px in French: one line, the rest in More, which the keyboard opens and runs', async () => {
      await setLocale('fr');
      const { bar, store } = await mountWith((store) => open(store).filter((c) => !c.unread && c.assignee?.type !== 'bot').slice(0, 3).map((c) => c.id), 380);
      const toolbar = bar.shadowRoot!.querySelector<HTMLElement>('[role=toolbar]')!;
      expect(toolbar.getBoundingClientRect().height).to.equal(36);
      for (const b of toolbar.querySelectorAll<HTMLElement>('button:not([role=menuitem])')) {
        expect(b.getBoundingClientRect().right, b.getAttribute('aria-label') ?? '').to.be.at.most(toolbar.getBoundingClientRect().right);
        expect(b.getBoundingClientRect().top).to.be.at.least(toolbar.getBoundingClientRect().top);
      }
      expect(bar.shadowRoot!.querySelector('[part=count]')!.textContent).to.equal('3 sélectionnées');
      const more = button(bar, '.more');
      expect(more.getAttribute('aria-label')).to.equal('Plus d’actions');
      const inMenu = menuActions(bar);
      expect(inMenu[0], '"select all" does not fit: first in the menu').to.equal('selectAll');
      expect(inMenu).to.include('trash');
      more.focus();
      await sendKeys({ press: 'ArrowDown' });
      await until(() => more.getAttribute('aria-expanded') === 'true', 'the menu open');
      const menu = bar.shadowRoot!.querySelector<HTMLElement>('[role=menu]')!;
      expect(menu.matches(':popover-open')).to.be.true;
      expect(bar.shadowRoot!.activeElement?.getAttribute('data-item')).to.equal('selectAll');
      await sendKeys({ press: 'Escape' });
      await until(() => more.getAttribute('aria-expanded') === 'false', 'the menu closed');
      expect(bar.shadowRoot!.activeElement === more).to.be.true;
      // Move to trash, from the menu, with the keyboard.
      const checked = [...store.state.ui.checked];
      await sendKeys({ press: 'ArrowUp' });
      await until(() => more.getAttribute('aria-expanded') === 'true', 'the menu open on its last item');
      expect(bar.shadowRoot!.activeElement?.getAttribute('data-item')).to.equal('trash');
      await sendKeys({ press: 'Enter' });
      for (const id of checked) expect(store.state.model.conversations.get(id)!.trashedAt).to.not.be.null;
      expect(store.state.ui.checked.size).to.equal(0);
    });

    it('numbers and plurals in the locale: "1 sélectionnée", "1 092 sélectionnées"', async () => {
      await setLocale('fr');
      const { bar, store } = await mountWith((store) => [open(store)[0]!.id], 900, 5000);
      const count = () => bar.shadowRoot!.querySelector('[part=count]')!.textContent;
      expect(count()).to.equal('1 sélectionnée');
      store.checkAllMatching();
      await bar.updateComplete;
      const total = store.state.ui.checked.size;
      expect(total).to.be.greaterThan(999);
      expect(count()).to.equal(`${new Intl.NumberFormat('fr').format(total)} sélectionnées`);
      expect(count()).to.contain('\u202f'); // French groups thousands with a narrow no-break space
      await setLocale('es');
      await bar.updateComplete;
      expect(count()).to.equal(`${new Intl.NumberFormat('es').format(total)} seleccionadas`);
    });

    it('refusals are an inbox-notice; shown in the bar only when no one took it', async () => {
      const backend = demoBackend();
      const store = storyStore({ backend });
      stores.push(store);
      await store.ready;
      // R12: a bot's conversation whose contact just wrote cannot be closed yet.
      const bots = open(store).filter((c) => c.assignee?.type === 'bot' && !c.humanOwned).slice(0, 2).map((c) => c.id);
      expect(bots).to.have.length(2);
      for (const id of bots) injectInbound(backend, id);
      await until(() => bots.every((id) => (store.state.model.conversations.get(id)!.lastInboundAt ?? 0) > Date.now() - 60_000), 'the bots written to');
      const person = open(store).find((c) => c.assignee?.type === 'user')!.id;
      store.setChecked([...bots, person]);
      const bar = await fixture<BulkBar>(html`<bulk-bar .store=${store}></bulk-bar>`);
      const notices: string[] = [];
      const take = (event: InboxNoticeEvent) => {
        notices.push(`${event.tone}:${event.message}`);
        event.preventDefault();
      };
      bar.addEventListener('inbox-notice', take);
      button(bar, '[data-command=markDone]').click();
      await bar.updateComplete;
      expect(store.state.model.conversations.get(person)!.status).to.equal('done');
      expect([...store.state.ui.checked].sort()).to.deep.equal([...bots].sort());
      expect(notices).to.deep.equal(['error:2 could not be changed']);
      expect(bar.shadowRoot!.querySelector('[part=notice]'), 'whoever took it shows it').to.be.null;
      bar.removeEventListener('inbox-notice', take);
      store.setChecked([bots[0]!]);
      await bar.updateComplete;
      button(bar, '[data-command=markDone]').click();
      await bar.updateComplete;
      expect(bar.shadowRoot!.querySelector('[part=notice]')?.textContent).to.equal('1 could not be changed');
    });
  });
});
