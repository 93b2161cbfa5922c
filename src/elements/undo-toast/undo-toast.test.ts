import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import meta, * as stories from '../../../stories/undo-toast.stories.js';
import type { Story } from '../../../stories/undo-toast.stories.js';
import { storyStore } from '../../../stories/demo-stores.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { until } from '../inbox-list/list.testing.js';
import { UndoToast } from './undo-toast.js';

const stores: InboxStore[] = [];

async function renderStory(story: Story): Promise<UndoToast> {
  const args = { ...meta.args, ...story.args };
  if (story.globals?.locale) await setLocale(story.globals.locale);
  const root = await fixture<HTMLElement>((story.render ?? meta.render)(args, {} as never));
  const toast = root.querySelector('undo-toast')!;
  await until(() => toast.shadowRoot!.querySelector('[part=toast]') !== null, 'the toast');
  return toast;
}

const message = (toast: UndoToast) => toast.shadowRoot!.querySelector('[part=message]')?.textContent ?? null;

describe('<undo-toast>', () => {
  afterEach(async () => {
    for (const store of stores.splice(0)) store.destroy();
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('undo-toast')).to.equal(UndoToast);
  });

  it('says what changed and on how many (Default, One)', async () => {
    expect(message(await renderStory(stories.Default))).to.equal('Marked done · 3 conversations');
    expect(message(await renderStory(stories.One))).to.equal('Moved to trash · 1 conversation');
  });

  for (const name of ['Default', 'One', 'Dark', 'French', 'Spanish'] as const) {
    it(`is accessible: ${name}`, async () => {
      const toast = await renderStory(stories[name]);
      expect(toast.shadowRoot!.querySelector('[role=status]')).to.exist;
      await expect(toast).to.be.accessible();
    });
  }

  async function mount(duration = 0) {
    const store = storyStore({});
    stores.push(store);
    await store.ready;
    const toast = await fixture<UndoToast>(html`<undo-toast .store=${store} duration=${duration}></undo-toast>`);
    const ids = store.selectors.list(store.state).filter((c) => c.assignee?.type !== 'bot').slice(0, 2).map((c) => c.id);
    return { store, toast, ids };
  }

  it('Undo reverses the change and hides the toast', async () => {
    const { store, toast, ids } = await mount();
    expect(toast.shadowRoot!.querySelector('[part=toast]')).to.be.null;
    store.dispatch('markDone', { ids });
    await toast.updateComplete;
    expect(message(toast)).to.equal('Marked done · 2 conversations');
    toast.shadowRoot!.querySelector<HTMLButtonElement>('[part=undo]')!.click();
    for (const id of ids) expect(store.state.model.conversations.get(id)?.status).to.equal('open');
    await toast.updateComplete;
    expect(toast.shadowRoot!.querySelector('[part=toast]')).to.be.null;
  });

  it('R8 names a blocked sender without counting conversations, and Undo unblocks', async () => {
    const { store, toast, ids } = await mount();
    const contactId = store.state.model.conversations.get(ids[0]!)!.contactId;
    store.dispatch('blockContact', { contactId });
    await toast.updateComplete;
    expect(message(toast)).to.equal('Sender blocked');
    toast.shadowRoot!.querySelector<HTMLButtonElement>('[part=undo]')!.click();
    expect(store.state.model.contacts.get(contactId)?.blocked).to.equal(false);
  });

  it('Z undoes too, when the key is pressed in the inbox', async () => {
    const { store, toast, ids } = await mount();
    store.dispatch('trash', { ids });
    await toast.updateComplete;
    toast.shadowRoot!.querySelector<HTMLButtonElement>('[part=close]')!.focus();
    await sendKeys({ press: 'z' });
    for (const id of ids) expect(store.state.model.conversations.get(id)?.trashedAt).to.equal(null);
  });

  it('dismisses itself after `duration`, without undoing', async () => {
    const { store, toast, ids } = await mount(150);
    store.dispatch('markDone', { ids });
    await toast.updateComplete;
    expect(message(toast)).to.contain('Marked done');
    await until(() => store.state.lastUndoable === null, 'auto-dismiss');
    await toast.updateComplete;
    expect(toast.shadowRoot!.querySelector('[part=toast]')).to.be.null;
    expect(store.state.model.conversations.get(ids[0]!)?.status).to.equal('done');
  });

  it('× dismisses it', async () => {
    const { store, toast, ids } = await mount();
    store.dispatch('markUnread', { ids });
    await toast.updateComplete;
    toast.shadowRoot!.querySelector<HTMLButtonElement>('[part=close]')!.click();
    expect(store.state.lastUndoable).to.be.null;
  });
});
