import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import meta, * as stories from '../../../stories/bulk-bar.stories.js';
import type { Story } from '../../../stories/bulk-bar.stories.js';
import { storyStore } from '../../../stories/demo-stores.js';
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

  for (const name of ['Default', 'AgentTeam', 'Dark', 'French', 'Spanish'] as const) {
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
    button(bar, '.link').click();
    expect(store.state.ui.checked.size).to.equal(total);
    await bar.updateComplete;
    expect(bar.shadowRoot!.querySelector('.link')).to.be.null;
    expect(bar.shadowRoot!.querySelector('[part=count]')?.textContent).to.equal(`${total.toLocaleString()} selected`);
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
});
