import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import meta, * as stories from '../../../stories/inbox-provider.stories.js';
import { storyStore } from '../../../stories/demo-stores.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import type { InboxList } from '../inbox-list/inbox-list.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { ignoreResizeObserverLoop, listbox, rowsOf, until } from '../inbox-list/list.testing.js';
import { InboxProvider } from './inbox-provider.js';
import type { InboxSelectionChangeEvent } from '../../events/inbox-selection-change.js';

/** A destroyed store has completed its state stream. */
function destroyed(store: InboxStore): boolean {
  let done = false;
  store.state$().subscribe({ complete: () => (done = true) }).unsubscribe();
  return done;
}

async function ready(list: InboxList): Promise<void> {
  await until(() => list.activeStore !== undefined, 'a store');
  await list.activeStore!.ready;
  await until(() => rowsOf(list).length > 0, 'rows');
}

describe('<inbox-provider>', () => {
  before(ignoreResizeObserverLoop);
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('tells the host what the agent works on: a click on a row, then X on two rows, as inbox-selection-change events', async () => {
    const store = storyStore();
    const heard: string[] = [];
    const root = await fixture<HTMLElement>(
      html`<div
        @inbox-selection-change=${(e: InboxSelectionChangeEvent) =>
          heard.push(e.selection.type === 'one' ? `one:${e.selection.contact?.name}` : e.selection.type)}
      >
        <inbox-provider .store=${store}><inbox-list style="display:block;height:400px"></inbox-list></inbox-provider>
      </div>`,
    );
    const list = root.querySelector('inbox-list')!;
    await ready(list);
    rowsOf(list)[0]!.click();
    await until(() => heard.length > 0, 'the open conversation');
    const contact = store.state.model.contacts.get(store.state.model.conversations.get(store.state.ui.openId!)!.contactId)!;
    expect(new Set(heard)).to.deep.equal(new Set([`one:${contact.name}`]));
    listbox(list).focus();
    await sendKeys({ press: 'x' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'x' });
    await until(() => heard.at(-1) === 'many', 'two checked rows');
    expect(store.state.ui.checked.size).to.equal(2);
    store.destroy();
  });

  it('is registered by define.ts, before the elements that consume it', () => {
    expect(customElements.get('inbox-provider')).to.equal(InboxProvider);
  });

  it('builds a demo store from attributes and hands it to its subtree (Demo story)', async () => {
    const root = await fixture<HTMLElement>(meta.render({ ...meta.args }));
    const provider = root instanceof InboxProvider ? root : root.querySelector('inbox-provider')!;
    const list = provider.querySelector('inbox-list')!;
    await ready(list);
    expect(list.activeStore).to.equal(provider.store);
    expect(provider.store!.userId).to.equal('u-ana');
    expect(provider.store!.state.model.conversations.size).to.equal(500);
    await expect(provider).to.be.accessible();
  });

  it('takes a store as a property, and leaves it alone on disconnect', async () => {
    const store = storyStore({});
    const provider = await fixture<InboxProvider>(html`<inbox-provider .store=${store}><inbox-list></inbox-list></inbox-provider>`);
    const list = provider.querySelector('inbox-list')!;
    await ready(list);
    expect(list.activeStore).to.equal(store);
    provider.remove();
    expect(destroyed(store)).to.be.false;
    store.destroy();
  });

  it('destroys the store it built on disconnect, and builds a new one for another user', async () => {
    const provider = await fixture<InboxProvider>(html`<inbox-provider demo user="u-tom" conversations="300"><inbox-list></inbox-list></inbox-provider>`);
    const list = provider.querySelector('inbox-list')!;
    await ready(list);
    const first = provider.store!;
    expect(first.userId).to.equal('u-tom');
    provider.user = 'u-sam';
    await provider.updateComplete;
    expect(provider.store).to.not.equal(first);
    expect(provider.store!.userId).to.equal('u-sam');
    expect(destroyed(first)).to.be.true;
    await until(() => list.activeStore === provider.store, 'the list on the new store');
    const second = provider.store!;
    provider.remove();
    expect(destroyed(second)).to.be.true;
    expect(provider.store).to.be.undefined;
  });

  it('sets the locale from `locale` or `lang`', async () => {
    const provider = await fixture<InboxProvider>(html`<inbox-provider locale="fr"></inbox-provider>`);
    await until(() => getLocale() === 'fr', 'French');
    provider.removeAttribute('locale');
    provider.setAttribute('lang', 'es-MX');
    await until(() => getLocale() === 'es', 'Spanish');
  });

  it('builds a store on HttpTransport for `endpoint`', async () => {
    const provider = await fixture<InboxProvider>(
      html`<inbox-provider endpoint="http://127.0.0.1:9/api" token="t" user="u-ana"></inbox-provider>`,
    );
    expect(provider.store).to.exist;
    expect(provider.store!.state.ready).to.be.false;
    provider.remove();
  });

  it('two providers on one page: two stores, and a key press reaches only the focused inbox (TwoInboxes)', async () => {
    const root = await fixture<HTMLElement>(stories.TwoInboxes.render!({ ...meta.args }, {} as never));
    const [a, b] = [...root.querySelectorAll('inbox-provider')];
    const listA = a!.querySelector('inbox-list')!;
    const listB = b!.querySelector('inbox-list')!;
    await ready(listA);
    await ready(listB);
    expect(a!.store).to.not.equal(b!.store);
    listbox(listB).focus();
    listbox(listA).focus();
    const idA = listA.rows.find((c) => c.assignee?.type !== 'bot')!.id;
    listA.activeId = idA;
    await listA.updateComplete;
    const modelB = b!.store!.state.model;
    await sendKeys({ press: 'u' });
    await sendKeys({ press: 'x' });
    expect(a!.store!.state.model.conversations.get(idA)?.unread).to.be.true;
    expect(a!.store!.state.ui.checked.has(idA)).to.be.true;
    expect(b!.store!.state.model).to.equal(modelB);
    expect(b!.store!.state.ui.checked.size).to.equal(0);
  });
});
