import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../define.js';
import { ConversationView } from './conversation-view.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import { displayState } from '../../model/display.js';
import type { Id } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import type { ConversationBackEvent } from '../../events/conversation-back.js';
import type { ConversationForwardEvent } from '../../events/conversation-forward.js';
import type { ConversationTranscriptEvent } from '../../events/conversation-transcript.js';
import type { InboxNoticeEvent } from '../../events/inbox-notice.js';
import { TOOLS } from './conversation-view.js';
import meta, * as stories from '../../../stories/conversation-view.stories.js';
import { demoBackend, injectInbound, storyStore } from '../../../stories/demo-stores.js';
import { deepActive, renderStory } from '../../../test/navigation-fixtures.js';
import { frames, ignoreResizeObserverLoop, until } from '../inbox-list/list.testing.js';

type PickerLike = HTMLElement & { open: boolean; ids: readonly Id[] };

const $ = (el: ConversationView, selector: string): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const menuItems = (el: ConversationView) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=menuitem]')];

/** Renders a story and waits for the view to show its conversation (or its empty state). */
async function mount(story: stories.Story = stories.Open, extra: Partial<stories.ConversationViewArgs> = {}): Promise<{ el: ConversationView; store: InboxStore; id: Id | null }> {
  ignoreResizeObserverLoop();
  const root = await renderStory(meta, story, extra);
  const el = root.querySelector('conversation-view')!;
  await until(() => el.activeStore !== undefined, 'a store');
  const store = el.activeStore!;
  await store.ready;
  await el.updateComplete;
  await frames(2);
  return { el, store, id: el.shownId };
}

function conversationOf(store: InboxStore, id: Id) {
  return store.state.model.conversations.get(id)!;
}

/** Focuses something inside the view that is not a text field, so that single keys are shortcuts. */
async function focusHeader(el: ConversationView): Promise<void> {
  $(el, '[data-action=waiting]')?.removeAttribute('disabled');
  $(el, '.menu-button')!.focus();
  await el.updateComplete;
}

async function press(key: string, el: ConversationView): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
  await frames(1);
}

/** Every story, for axe. */
const STORIES = [
  'Open', 'Email', 'Done', 'Unread', 'Snoozed', 'AfterCall', 'Narrow', 'Empty', 'Loading', 'SomeoneViewing', 'SomeoneTyping', 'Alone', 'WithBack',
  'Manager', 'AgentAll', 'AgentTeam', 'AgentSelf', 'Dark', 'French', 'Spanish',
] as const satisfies readonly (keyof typeof stories)[];

describe('<conversation-view>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('conversation-view')).to.equal(ConversationView);
  });

  it('shows the contact, the channel (icon and name), the status badge, assignee, priority and labels', async () => {
    const { el, store, id } = await mount();
    const c = conversationOf(store, id!);
    const model = store.state.model;
    expect(text($(el, '[part=contact]'))).to.equal(model.contacts.get(c.contactId)!.name);
    const channel = model.channels.get(c.channelId)!;
    expect(text($(el, '[part=channel]'))).to.contain(channel.name);
    expect($(el, '[part=channel] svg')!.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
    expect($(el, 'status-badge')!.getAttribute('state')).to.equal(displayState(model, c, store.userId));
    expect(text($(el, '[part=assignee]'))).to.match(/^(Assigned to|Unassigned)/);
    expect(text($(el, '[part=priority]'))).to.contain('Priority');
    expect([...el.shadowRoot!.querySelectorAll('[part=label]')].map(text)).to.deep.equal([...c.labels]);
  });

  it('renders the timeline and the composer for the shown conversation', async () => {
    const { el, id } = await mount();
    const timeline = $(el, 'conversation-timeline')!;
    const composer = $(el, 'message-composer')!;
    expect(timeline.getAttribute('conversation-id')).to.equal(id);
    expect(composer.getAttribute('conversation-id')).to.equal(id);
    expect((timeline as HTMLElement & { store?: InboxStore }).store).to.equal(el.activeStore);
    expect((composer as HTMLElement & { store?: InboxStore }).store).to.equal(el.activeStore);
    expect((timeline as HTMLElement & { linkBuilder?: unknown }).linkBuilder).to.equal(stories.storyLink);
    expect(composer.getAttribute('mode')).to.equal('reply');
  });

  it('shows each story\'s state: done, unread, snoozed, and an e-mail\'s subject', async () => {
    for (const [story, state] of [[stories.Done, 'done'], [stories.Unread, 'unread'], [stories.Snoozed, 'snoozed']] as const) {
      const { el } = await mount(story);
      expect($(el, 'status-badge')!.getAttribute('state'), state).to.equal(state);
    }
    expect($((await mount(stories.Done)).el, '.toolbar [data-action]')!.getAttribute('aria-label')).to.equal('Reopen');
    const email = await mount(stories.Email);
    expect(text($(email.el, '[part=subject]'))).to.equal(conversationOf(email.store, email.id!).subject);
  });

  it('R3 marks done and reopens with clicks, each undoable', async () => {
    const { el, store, id } = await mount();
    const button = () => $(el, '[data-action=done], [data-action=reopen]')!;
    expect(button().getAttribute('aria-label')).to.equal('Mark done');
    button().click();
    await el.updateComplete;
    expect(conversationOf(store, id!).status).to.equal('done');
    expect(button().getAttribute('aria-label')).to.equal('Reopen');
    expect($(el, 'status-badge')!.getAttribute('state')).to.equal('done');
    expect(store.state.lastUndoable?.type).to.equal('markDone');
    button().click();
    await el.updateComplete;
    expect(conversationOf(store, id!).status).to.equal('open');
    expect(store.state.lastUndoable?.type).to.equal('reopen');
    expect(store.undo()).to.equal(true);
    expect(conversationOf(store, id!).status).to.equal('done');
  });

  it('R3 E marks done, E again reopens, Z undoes', async () => {
    const { el, store, id } = await mount();
    await focusHeader(el);
    await press('e', el);
    expect(conversationOf(store, id!).status).to.equal('done');
    await press('e', el);
    expect(conversationOf(store, id!).status).to.equal('open');
    await press('z', el);
    expect(conversationOf(store, id!).status).to.equal('done');
  });

  it('R4 U marks unread and the button turns into Mark read; Waiting moves it to Waiting (R5), then says it is there', async () => {
    const { el, store, id } = await mount();
    await focusHeader(el);
    await press('u', el);
    expect(conversationOf(store, id!).unread).to.equal(true);
    expect($(el, '[data-action=unread]')).to.equal(null);
    $(el, '[data-action=read]')!.click();
    await el.updateComplete;
    expect(conversationOf(store, id!).unread).to.equal(false);
    $(el, '[data-action=unread]')!.click();
    expect(conversationOf(store, id!).unread).to.equal(true);
    store.dispatch('markNew', { ids: [id!] });
    await el.updateComplete;
    expect($(el, '[data-action=waiting]')!.hasAttribute('aria-disabled')).to.equal(false);
    $(el, '[data-action=waiting]')!.click();
    expect(conversationOf(store, id!).awaiting).to.equal('contact');
    expect(store.state.lastUndoable?.type).to.equal('markWaiting');
    await el.updateComplete;
    // A control that does nothing now is not offered as if it did.
    expect($(el, '[data-action=waiting]')!.getAttribute('aria-disabled')).to.equal('true');
  });

  for (const [key, tag] of [
    ['s', 'snooze-picker'],
    ['a', 'assignee-picker'],
    ['l', 'label-picker'],
    ['p', 'priority-picker'],
  ] as const) {
    it(`${key.toUpperCase()} opens the <${tag}> for the shown conversation; Esc closes it, not the conversation`, async () => {
      const { el, id } = await mount();
      const backs: Event[] = [];
      el.addEventListener('conversation-back', (e) => backs.push(e));
      await focusHeader(el);
      await press(key, el);
      const picker = ($(el, tag) as PickerLike | null)!;
      expect(picker.open).to.equal(true);
      expect(picker.ids).to.deep.equal([id]);
      const others = (['snooze-picker', 'assignee-picker', 'label-picker', 'priority-picker'] as const).filter((t) => t !== tag);
      // The others are closed, or not drawn at all: a picker is drawn the first time it opens.
      for (const other of others) expect(($(el, other) as PickerLike | null)?.open ?? false, other).to.equal(false);
      await press('Escape', el);
      expect(picker.open).to.equal(false);
      expect(backs).to.have.length(0);
    });
  }

  it('R18 snoozes through the snooze picker, undoably', async () => {
    const { el, store, id } = await mount();
    await focusHeader(el);
    await press('s', el);
    await press('Enter', el);
    expect(conversationOf(store, id!).snoozedUntil).to.not.equal(null);
    expect(store.state.lastUndoable?.type).to.equal('snooze');
    await until(() => $(el, 'status-badge')!.getAttribute('state') === 'snoozed', 'the snoozed badge');
  });

  it('R and N focus the composer in reply and internal-comment mode', async () => {
    const { el } = await mount();
    const composer = el.shadowRoot!.querySelector('message-composer')!;
    const modes: (string | undefined)[] = [];
    composer.focusComposer = (mode) => {
      modes.push(mode);
      return Promise.resolve();
    };
    await focusHeader(el);
    await press('r', el);
    await press('n', el);
    expect(modes).to.deep.equal(['reply', 'comment']);
  });

  it('R from elsewhere in the inbox reaches the composer; E from elsewhere does not act on the conversation', async () => {
    const store = storyStore();
    await store.ready;
    const id = stories.pickConversation(demoBackend(), store.userId, 'open').id;
    store.openConversation(id);
    const root = await fixture<HTMLElement>(html`<inbox-provider .store=${store}>
      <button id="outside">Elsewhere</button>
      <conversation-view style="height: 500px"></conversation-view>
    </inbox-provider>`);
    const el = root.querySelector('conversation-view')!;
    await el.updateComplete;
    const modes: (string | undefined)[] = [];
    el.shadowRoot!.querySelector('message-composer')!.focusComposer = (mode) => {
      modes.push(mode);
      return Promise.resolve();
    };
    root.querySelector<HTMLElement>('#outside')!.focus();
    await press('r', el);
    await press('e', el);
    expect(modes).to.deep.equal(['reply']);
    expect(conversationOf(store, id).status).to.equal('open');
    store.destroy();
  });

  it('Esc and the Back button fire conversation-back', async () => {
    const { el, id } = await mount(stories.WithBack);
    const backs: ConversationBackEvent[] = [];
    el.addEventListener('conversation-back', (e) => backs.push(e));
    await focusHeader(el);
    await press('Escape', el);
    expect(backs.map((e) => e.conversationId)).to.deep.equal([id]);
    $(el, '[part=back]')!.click();
    expect(backs).to.have.length(2);
  });

  describe('More menu', () => {
    async function openMenu(el: ConversationView): Promise<void> {
      $(el, '.menu-button')!.focus();
      await press('Enter', el);
      await until(() => menuItems(el).includes(deepActive() as HTMLElement), 'focus in the menu');
    }

    it('follows the menu button pattern: Enter opens on the first item, arrows wrap, Home/End, a letter, Esc returns focus', async () => {
      const { el } = await mount(stories.Email);
      const button = $(el, '.menu-button')!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      await openMenu(el);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      const items = menuItems(el);
      expect(items.map((i) => i.dataset['item'])).to.deep.equal(['copy-link', 'transcript', 'forward', 'trash', 'spam', 'block']);
      expect(deepActive()).to.equal(items[0]);
      await press('ArrowDown', el);
      expect(deepActive()).to.equal(items[1]);
      await press('ArrowUp', el);
      await press('ArrowUp', el);
      expect(deepActive()).to.equal(items.at(-1));
      await press('Home', el);
      expect(deepActive()).to.equal(items[0]);
      await press('End', el);
      expect(deepActive()).to.equal(items.at(-1));
      await press('t', el);
      expect(deepActive()).to.equal(items[3]);
      // A letter that is also a shortcut (E) changed nothing: keys in the menu are the menu's.
      expect(conversationOf(el.activeStore!, el.shownId!).status).to.equal('open');
      await press('Escape', el);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(deepActive()).to.equal(button);
      await press('ArrowUp', el);
      await until(() => deepActive() === menuItems(el).at(-1), 'focus on the last item');
      await press('Escape', el);
    });

    it('Copy link calls the link builder with the conversation and writes the clipboard', async () => {
      const { el, id } = await mount();
      const built: unknown[][] = [];
      el.linkBuilder = (...args) => {
        built.push(args);
        return stories.storyLink(...args);
      };
      const written: string[] = [];
      const clipboard = navigator.clipboard as Clipboard & { writeText: (t: string) => Promise<void> };
      const original = Object.getOwnPropertyDescriptor(clipboard, 'writeText');
      clipboard.writeText = (value: string) => {
        written.push(value);
        return Promise.resolve();
      };
      try {
        await openMenu(el);
        await press('Enter', el);
        expect(built).to.deep.equal([[id]]);
        expect(written).to.deep.equal([stories.storyLink(id!)]);
        await until(() => text($(el, '[part=notice]')) === 'Link copied', 'the notice');
        expect(deepActive()).to.equal($(el, '.menu-button'));
      } finally {
        if (original) Object.defineProperty(clipboard, 'writeText', original);
        else delete (clipboard as { writeText?: unknown }).writeText;
      }
    });

    it('has no Copy link without a link builder, and no Forward on a conversation that is not an e-mail', async () => {
      const { el, store, id } = await mount();
      el.linkBuilder = undefined;
      await el.updateComplete;
      expect(store.state.model.channels.get(conversationOf(store, id!).channelId)!.kind).to.not.equal('email');
      expect(menuItems(el), 'rendered while open only').to.have.length(0);
      await openMenu(el);
      expect(menuItems(el).map((i) => i.dataset['item'])).to.deep.equal(['transcript', 'trash', 'spam', 'block']);
    });

    it('Send transcript and Forward fire their events with the conversation id', async () => {
      const { el, id } = await mount(stories.Email);
      const transcripts: ConversationTranscriptEvent[] = [];
      const forwards: ConversationForwardEvent[] = [];
      el.addEventListener('conversation-transcript', (e) => transcripts.push(e));
      el.addEventListener('conversation-forward', (e) => forwards.push(e));
      await openMenu(el);
      await press('ArrowDown', el);
      await press('Enter', el);
      expect(transcripts.map((e) => e.conversationId)).to.deep.equal([id]);
      await openMenu(el);
      await press('f', el);
      await press(' ', el);
      expect(forwards.map((e) => e.conversationId)).to.deep.equal([id]);
    });

    it('R6 R7 R8 Trash, Mark spam and Block sender dispatch, each undoable, and turn into their reverse', async () => {
      const { el, store, id } = await mount();
      const contactId = conversationOf(store, id!).contactId;
      const choose = async (item: string) => {
        await openMenu(el);
        const index = menuItems(el).findIndex((i) => i.dataset['item'] === item);
        for (let i = 0; i < index; i++) await press('ArrowDown', el);
        await press('Enter', el);
      };
      await choose('trash');
      expect(conversationOf(store, id!).trashedAt).to.not.equal(null);
      expect(store.state.lastUndoable?.type).to.equal('trash');
      await openMenu(el);
      expect(menuItems(el).map((i) => i.dataset['item'])).to.include('restore');
      await press('Escape', el);
      await press('z', el);
      expect(conversationOf(store, id!).trashedAt).to.equal(null);

      await choose('spam');
      expect(conversationOf(store, id!).spam).to.equal(true);
      expect(store.state.lastUndoable?.type).to.equal('markSpam');
      await choose('not-spam');
      expect(conversationOf(store, id!).spam).to.equal(false);

      await choose('block');
      expect(store.state.model.contacts.get(contactId)!.blocked).to.equal(true);
      expect($(el, 'status-badge')!.getAttribute('state')).to.equal('blocked');
      expect(store.state.lastUndoable?.type).to.equal('blockContact');
      expect(store.undo()).to.equal(true);
      expect(store.state.model.contacts.get(contactId)!.blocked).to.equal(false);
    });
  });

  it('R17 shows who else is viewing, then typing, as text in a polite live region, and announces itself', async () => {
    const backend = demoBackend();
    const store = storyStore({ backend });
    const lea = storyStore({ backend, userId: stories.OTHER_AGENTS.viewing });
    await Promise.all([store.ready, lea.ready]);
    const id = stories.pickConversation(backend, store.userId, 'open').id;
    const el = await fixture<ConversationView>(html`<conversation-view .store=${store} conversation-id=${id}></conversation-view>`);
    const presence = () => text($(el, '.presence-text'));
    expect($(el, '.presence-text')!.getAttribute('role')).to.equal('status');
    expect($(el, '.presence-text')!.getAttribute('aria-live')).to.equal('polite');
    expect(presence()).to.equal('');
    // The view told the others (R17).
    await until(() => (lea.state.presence.get(id) ?? []).some((p) => p.userId === store.userId), 'our presence at Léa');
    lea.setPresence(id, false);
    await until(() => presence() === 'Léa Rousseau is viewing', 'viewing');
    // Léa's avatar shows, her sentence as its tooltip.
    expect($(el, '.presence-person')!.getAttribute('title')).to.equal('Léa Rousseau is viewing');
    lea.setPresence(id, true);
    await until(() => presence() === 'Léa Rousseau is typing…', 'typing');
    lea.setPresence(null);
    await until(() => presence() === '', 'gone');
    el.remove();
    await until(() => (lea.state.presence.get(id) ?? []).length === 0, 'our presence gone at Léa');
    store.destroy();
    lea.destroy();
  });

  it('works alone with conversation-id (a CRM page), and follows the selection inside <inbox-provider>', async () => {
    const { el, store, id } = await mount(stories.Alone);
    expect(el.getAttribute('conversation-id')).to.equal(id);
    expect(el.shownId).to.equal(id);
    // Alone, the store's selection changes nothing.
    store.openConversation(null);
    await el.updateComplete;
    expect(el.shownId).to.equal(id);
    const next = stories.pickConversation(demoBackend(), store.userId, 'email').id;
    el.setAttribute('conversation-id', next);
    expect(el.shownId).to.equal(next);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('message-composer')!.getAttribute('conversation-id')).to.equal(next);

    const inside = await mount(stories.Open);
    const other = stories.pickConversation(demoBackend(), inside.store.userId, 'done').id;
    expect(other).to.not.equal(inside.id);
    inside.store.openConversation(other);
    await inside.el.updateComplete;
    expect(inside.el.shownId).to.equal(other);
    expect($(inside.el, 'message-composer')!.getAttribute('conversation-id')).to.equal(other);
    expect($(inside.el, '[data-action=reopen]')!.getAttribute('aria-label')).to.equal('Reopen');
    inside.store.openConversation(null);
    await inside.el.updateComplete;
    expect(text($(inside.el, '[part=empty]'))).to.contain('No conversation open');
    expect($(inside.el, 'message-composer')).to.equal(null);
  });

  it('shows the loading state before the snapshot and the empty state with nothing open', async () => {
    const root = await renderStory(meta, stories.Loading);
    const loading = root.querySelector('conversation-view')!;
    await loading.updateComplete;
    expect(text($(loading, '[part=loading]'))).to.contain('Loading conversation');
    const empty = await mount(stories.Empty);
    expect(text($(empty.el, '[part=empty]'))).to.contain('No conversation open');
  });

  it('R12 shows the rules\' refusal when an action cannot be done', async () => {
    const backend = demoBackend();
    const bot = [...backend.state.conversations.values()].find((c) => c.assignee?.type === 'bot' && !c.humanOwned && c.status === 'open')!;
    expect(bot, 'a bot conversation no person owned').to.not.equal(undefined);
    injectInbound(backend, bot.id, 'Still there?');
    const store = storyStore({ backend });
    await store.ready;
    const el = await fixture<ConversationView>(html`<conversation-view .store=${store} conversation-id=${bot.id}></conversation-view>`);
    $(el, '[data-action=done]')!.click();
    await el.updateComplete;
    expect(conversationOf(store, bot.id).status).to.equal('open');
    expect(text($(el, '[part=notice]'))).to.contain('That could not be done').and.contain('30 minutes');
    store.destroy();
  });

  it('integration: R and N focus the real composer in reply and comment mode; keys typed there are text, not shortcuts', async () => {
    const { el, store, id } = await mount();
    const composer = el.shadowRoot!.querySelector('message-composer')!;
    await focusHeader(el);
    await press('n', el);
    await until(() => deepActive()?.localName === 'textarea', 'focus in the composer');
    await composer.updateComplete;
    expect(composer.mode).to.equal('comment');
    await sendKeys({ type: 'eu' });
    await el.updateComplete;
    expect(conversationOf(store, id!).status).to.equal('open');
    expect(conversationOf(store, id!).unread).to.equal(false);
    await focusHeader(el);
    await press('r', el);
    await until(() => deepActive()?.localName === 'textarea', 'focus in the composer');
    await composer.updateComplete;
    expect(composer.mode).to.equal('reply');
  });

  it('integration: the timeline shows the items of the shown conversation', async () => {
    const { el, store, id } = await mount();
    const timeline = el.shadowRoot!.querySelector('conversation-timeline')!;
    await until(() => (store.state.model.timelines.get(id!)?.length ?? 0) > 0, 'the timeline loaded');
    await until(() => (timeline.shadowRoot?.querySelectorAll('[part~=item]').length ?? 0) > 0, 'items in the timeline');
  });

  it('is localized (French story)', async () => {
    const { el } = await mount(stories.French);
    expect($(el, '.menu-button')!.getAttribute('aria-label')).to.equal('Autres actions');
  });

  describe('the compact header', () => {
    const box = (e: Element) => e.getBoundingClientRect();
    const toolsShown = (el: ConversationView) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.toolbar .tool-wrap > .tool')];

    for (const locale of ['en', 'fr', 'es'] as const) {
      it(`is two rows that never wrap at 320, 480 and 800 px, the icon buttons on one (${locale})`, async () => {
        for (const width of [320, 480, 800]) {
          const { el } = await mount({ ...stories.Narrow, globals: { locale } }, { width });
          await frames(2);
          const header = $(el, '[part=header]')!;
          const toolbar = $(el, '.toolbar')!;
          const toggle = el.querySelector<HTMLElement>('[slot=actions]')!;
          const row = [...toolsShown(el), toggle, $(el, '.menu-button')!];
          const top = box(row[0]!).top;
          for (const item of row) {
            expect(Math.abs(box(item).top - top), `${width} px: ${item.dataset['action'] ?? item.textContent.trim()} on the first line`).to.be.below(1);
            expect(box(item).right, `${width} px: ${item.dataset['action'] ?? 'item'} inside the row`).to.be.at.most(box(toolbar).right + 0.5);
          }
          expect(box(header).height, `${width} px: the header's height`).to.be.at.most(88);
          expect(box($(el, '.top')!).height, `${width} px: the first row`).to.be.at.most(40);
          expect(box($(el, '[part=contact]')!).height, `${width} px: the name on one line`).to.be.below(30);
          // What does not fit is in the More menu: every tool is somewhere.
          $(el, '.menu-button')!.click();
          await el.updateComplete;
          const inMenu = menuItems(el).filter((item) => (TOOLS as readonly string[]).includes(item.dataset['item'] ?? '') || item.dataset['item'] === 'reopen' || item.dataset['item'] === 'read');
          expect(toolsShown(el).length + inMenu.length, `${width} px: every tool`).to.equal(TOOLS.length);
          if (width >= 480) expect(toolsShown(el).length, `${width} px: all the tools fit`).to.equal(TOOLS.length);
          await press('Escape', el);
        }
      });
    }

    it('puts the tools that do not fit into More, Done always stays, and they work from there', async () => {
      const { el } = await mount(stories.Narrow, { width: 280 });
      await frames(2);
      const shown = toolsShown(el).map((b) => b.dataset['action']);
      expect(shown[0]).to.equal('done');
      expect(shown.length).to.be.below(TOOLS.length);
      expect(shown, 'Waiting is the first to go').to.not.include('waiting');
      $(el, '.menu-button')!.focus();
      await press('Enter', el);
      await until(() => menuItems(el).includes(deepActive() as HTMLElement), 'focus in the menu');
      const items = menuItems(el).map((i) => i.dataset['item']);
      expect(items[0]).to.equal('waiting');
      const label = items.includes('label') ? 'label' : 'priority';
      const index = items.indexOf(label);
      for (let i = 0; i < index; i++) await press('ArrowDown', el);
      await press('Enter', el);
      const picker = ($(el, `${label}-picker`) as PickerLike | null)!;
      await until(() => picker.open, `the ${label} picker`);
      await press('Escape', el);
      expect(picker.open).to.equal(false);
    });

    it('names each icon button, and its tooltip shows the key, on hover and on keyboard focus', async () => {
      const { el } = await mount();
      const done = $(el, '[data-action=done]')!;
      expect(done.getAttribute('aria-label')).to.equal('Mark done');
      expect(done.getAttribute('aria-keyshortcuts')).to.equal('E');
      const tooltip = $(el, '.tooltip')!;
      expect(tooltip.hidden).to.equal(true);
      const at = box(done);
      await sendMouse({ type: 'move', position: [Math.round(at.x + at.width / 2), Math.round(at.y + at.height / 2)] });
      await until(() => !tooltip.hidden, 'the tooltip on hover', 2000);
      expect(tooltip.textContent).to.equal('Mark done (E)');
      expect(tooltip.getAttribute('aria-hidden')).to.equal('true');
      await sendMouse({ type: 'move', position: [0, 0] });
      await until(() => tooltip.hidden, 'the tooltip gone');
      // The toolbar is one tab stop; the arrows move along it, and the tooltip follows focus.
      done.focus();
      await press('ArrowRight', el);
      const unread = $(el, '[data-action=unread]')!;
      expect(deepActive()).to.equal(unread);
      expect(unread.tabIndex).to.equal(0);
      expect(done.tabIndex).to.equal(-1);
      await until(() => tooltip.textContent === 'Mark unread (U)' && !tooltip.hidden, 'the tooltip on focus');
      await press('End', el);
      expect(deepActive()).to.equal($(el, '.menu-button'));
      await press('Escape', el);
      expect(tooltip.hidden).to.equal(true);
    });

    it('shows the channel once, with the contact, the state badge and the priority glyph on the first row', async () => {
      const { el, store, id } = await mount();
      const c = conversationOf(store, id!);
      const channel = store.state.model.channels.get(c.channelId)!;
      const top = $(el, '.top')!;
      expect(top.querySelector('[part=channel]')!.textContent).to.contain(channel.name);
      expect(top.querySelector('[part=badge]')).to.not.equal(null);
      expect(top.querySelector('[part=priority] svg')!.getAttribute('aria-label')).to.match(/^Priority: /);
      // The assignee: the Assign button shows their avatar, and says who it is.
      const assign = $(el, '[data-action=assign]')!;
      expect(assign.querySelector('.tool-avatar')).to.not.equal(null);
      expect(assign.getAttribute('aria-describedby')).to.equal('assignee');
    });

    it('gives the timeline most of the height: a compact header and composer, the composer growing to 40 % at most', async () => {
      // A conversation pane of the app at 1280×720, under its one-line bar.
      const { el } = await mount(stories.Open, { width: 640, height: 672, contactToggle: true });
      await frames(2);
      const composer = el.shadowRoot!.querySelector('message-composer')!;
      const timeline = el.shadowRoot!.querySelector('conversation-timeline')!;
      expect(box($(el, '[part=header]')!).height).to.be.at.most(88);
      expect(box(composer).height, 'the empty composer').to.be.at.most(120);
      expect(box(timeline).height, 'the timeline').to.be.at.least(0.45 * 720);
      const field = composer.shadowRoot!.querySelector('textarea')!;
      field.focus();
      await sendKeys({ type: 'Line one' });
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Enter' });
      await composer.updateComplete;
      await frames(1);
      const grown = box(composer).height;
      expect(grown, 'it grows with its text').to.be.above(120);
      for (let i = 0; i < 25; i++) await sendKeys({ press: 'Enter' });
      await frames(2);
      expect(box(composer).height, 'up to 40 % of the view').to.be.at.most(0.4 * box(el).height + 1);
      expect(field.scrollHeight, 'then its field scrolls').to.be.above(field.clientHeight);
      expect(box(timeline).height).to.be.at.least(0.45 * box(el).height);
    });

    it('says a refusal with an inbox-notice; shows it itself only when nobody took it', async () => {
      const backend = demoBackend();
      const bot = [...backend.state.conversations.values()].find((c) => c.assignee?.type === 'bot' && !c.humanOwned && c.status === 'open')!;
      injectInbound(backend, bot.id, 'Still there?');
      const store = storyStore({ backend });
      await store.ready;
      const notices: InboxNoticeEvent[] = [];
      const wrapper = await fixture<HTMLElement>(html`<div @inbox-notice=${(e: InboxNoticeEvent) => {
        notices.push(e);
        e.preventDefault();
      }}><conversation-view .store=${store} conversation-id=${bot.id}></conversation-view></div>`);
      const el = wrapper.querySelector('conversation-view')!;
      await el.updateComplete;
      $(el, '[data-action=done]')!.click();
      await el.updateComplete;
      expect(notices.map((n) => [n.tone, n.message.includes('30 minutes')])).to.deep.equal([['error', true]]);
      expect($(el, '[part=notice]'), 'the inbox showed it: nothing inserted here').to.equal(null);
      store.destroy();
    });
  });

  describe('is accessible', () => {
    for (const name of STORIES) {
      const story: stories.Story = stories[name];
      it(`in the ${name} story`, async () => {
        const root = await renderStory(meta, story);
        const el = root.querySelector('conversation-view')!;
        await el.updateComplete;
        await frames(3);
        await expect(el).to.be.accessible();
      });
    }
  });
});
