import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { MessageComposer } from './message-composer.js';
import type { ComposerSendEvent } from '../../events/composer-send.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import { replyChannels } from '../../model/channels.js';
import { DEFAULT_QUERY, runQuery } from '../../model/query.js';
import type { CommentItem, Id, MessageItem, TimelineItem } from '../../model/types.js';
import { DRAFT_KEY_PREFIX, loadDraft } from '../../store/drafts.js';
import { InboxStore } from '../../store/inbox-store.js';
import { DEMO_LONG_TIMELINE_LENGTH, generateDemoData } from '../../backend/demo-data.js';
import { MemoryTransport } from '../../transport/memory/memory-transport.js';
import type { Transport } from '../../transport/transport.js';
import meta, * as stories from '../../../stories/message-composer.stories.js';
import { composerWorld, storySettled, storyWorld, type ComposerWorld } from '../../../stories/message-composer.stories.js';
import { injectInbound } from '../../../stories/demo-stores.js';
import { deepActive, ready, renderStory } from '../../../test/navigation-fixtures.js';

type Composer = MessageComposer & { store: InboxStore };

const STORIES: Record<string, stories.Story> = {
  Reply: stories.Reply,
  Empty: stories.Empty,
  InternalComment: stories.InternalComment,
  WithAttachments: stories.WithAttachments,
  FailedSend: stories.FailedSend,
  EmailChannelSwitch: stories.EmailChannelSwitch,
  LinkShortener: stories.LinkShortener,
  AfterCall: stories.AfterCall,
  Narrow: stories.Narrow,
  Dark: stories.Dark,
  French: stories.French,
  Spanish: stories.Spanish,
};

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const button = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const field = (el: Element) => el.shadowRoot!.querySelector('textarea')!;
const sendButton = (el: Element) => button(el, '[part=send]');
const timeline = (store: InboxStore, id: Id): readonly TimelineItem[] => store.state.model.timelines.get(id) ?? [];
const messages = (store: InboxStore, id: Id) => timeline(store, id).filter((i): i is MessageItem => i.type === 'message');
const comments = (store: InboxStore, id: Id) => timeline(store, id).filter((i): i is CommentItem => i.type === 'comment');
const confirmed = (store: InboxStore) => waitUntil(() => store.state.pending.length === 0, 'the send is confirmed');
const draftOf = (store: InboxStore, conversationId: Id, mode: 'reply' | 'comment' = 'reply') =>
  loadDraft(localStorage, { userId: store.userId, conversationId, mode });

async function story(s: stories.Story = stories.Reply): Promise<Composer> {
  const root = await renderStory(meta, s);
  const el = (await ready(root, 'message-composer')) as Composer;
  await storySettled(el);
  await el.updateComplete;
  return el;
}

/** A composer on its own, on `world`'s store, as a host page would place it. */
async function mount(world: ComposerWorld, conversationId = world.conversationId): Promise<Composer> {
  const el = await fixture<Composer>(
    html`<message-composer .store=${world.store} conversation-id=${conversationId}></message-composer>`,
  );
  await world.store.ready;
  await el.updateComplete;
  return el;
}

/** Ctrl+Enter, as a person presses it. */
async function ctrlEnter(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

async function type(el: Element, text: string): Promise<void> {
  field(el).focus();
  await sendKeys({ type: text });
}

function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(DRAFT_KEY_PREFIX)) localStorage.removeItem(key);
}

describe('<message-composer>', () => {
  beforeEach(clearDrafts);
  afterEach(async () => {
    clearDrafts();
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('message-composer')).to.equal(MessageComposer);
  });

  describe('accessibility', () => {
    for (const [name, s] of Object.entries(STORIES)) {
      it(`passes axe: ${name}`, async () => {
        const el = await story(s);
        await expect(el).to.be.accessible();
      });
    }

    it('has a labelled text field, a tab list for the mode, and a disabled Send when empty', async () => {
      const el = await story(stories.Empty);
      const contact = el.store.state.model.contacts.get(el.store.state.model.conversations.get(el.conversationId!)!.contactId)!;
      expect(field(el).getAttribute('aria-label')).to.equal(`Reply to ${contact.name}`);
      const tabs = $$(el, '[role=tab]');
      expect(tabs.map((t) => t.innerText.trim())).to.deep.equal(['Reply', 'Internal comment']);
      expect(tabs.map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['true', 'false']);
      expect($(el, '[role=tabpanel]')!.getAttribute('aria-labelledby')).to.equal('tab-reply');
      expect(sendButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect(el.matches(':state(can-send)')).to.be.false;
    });

    it('shows the internal mode with a label in words, not colour only, and a different surface', async () => {
      const el = await story(stories.Empty);
      const replyBackground = getComputedStyle($(el, '[part=base]')!).backgroundColor;
      $(el, '#tab-reply')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.mode).to.equal('comment');
      expect(deepActive()).to.equal($(el, '#tab-comment'));
      expect(el.matches(':state(internal)')).to.be.true;
      expect($(el, '[part=internal-label]')!.textContent).to.contain('Internal');
      expect(field(el).getAttribute('aria-label')).to.equal('Internal comment');
      expect(sendButton(el).textContent.trim()).to.equal('Add comment');
      expect(getComputedStyle($(el, '[part=base]')!).backgroundColor).not.to.equal(replyBackground);
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(el.mode).to.equal('reply');
      expect($(el, '[part=internal-label]')).to.equal(null);
    });

    it('French: the mode tabs and Send are translated', async () => {
      const el = await story(stories.French);
      expect($(el, '#tab-reply')!.innerText.trim()).to.equal('Répondre');
      expect(sendButton(el).textContent.trim()).to.equal('Envoyer');
    });
  });

  describe('compact', () => {
    const box = (e: Element) => e.getBoundingClientRect();
    const oneRow = (row: HTMLElement, what: string) => {
      const items = [...row.children].filter((c) => getComputedStyle(c).display !== 'none' && box(c).width > 0);
      const middle = (c: Element) => box(c).top + box(c).height / 2;
      for (const item of items) {
        expect(Math.abs(middle(item) - middle(items[0]!)), `${what}: ${item.className || item.localName} on the row`).to.be.below(4);
        expect(box(item).right, `${what}: ${item.className || item.localName} inside`).to.be.at.most(box(row).right + 0.5);
      }
    };

    for (const locale of ['en', 'fr', 'es'] as const) {
      it(`keeps one row of tools, and one of mode and channel, at 320, 480 and 800 px (${locale})`, async () => {
        for (const width of [320, 480, 800]) {
          for (const s of [stories.Empty, stories.AfterCall, stories.InternalComment]) {
            const el = await story({ ...s, args: { ...s.args, width }, globals: { locale } });
            const what = `${width} px, ${el.mode}${s === stories.AfterCall ? ' after a call' : ''}`;
            oneRow($(el, '[part=actions]')!, `${what}, tools`);
            oneRow($(el, '[part=head]')!, `${what}, head`);
            for (const tab of $$(el, '[role=tab]')) expect(box(tab).height, `${what}: a tab on one line`).to.be.below(32);
            expect(sendButton(el).getBoundingClientRect().height, `${what}: Send on one line`).to.be.below(32);
          }
        }
      });
    }

    it('is at most 120 px high while empty; the field grows with the text', async () => {
      const el = await story({ ...stories.Empty, args: { width: 640 } });
      expect(box($(el, '[part=base]')!).height).to.be.at.most(120);
      const empty = box(field(el)).height;
      field(el).focus();
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(box(field(el)).height).to.be.above(empty + 40);
    });

    it('names its icon buttons, with tooltips', async () => {
      const el = await story(stories.AfterCall);
      const attach = $(el, '[part=attach]')!;
      expect(attach.getAttribute('aria-label')).to.equal('Attach files');
      expect(attach.dataset['tip']).to.equal('Attach files');
      expect($(el, '[part=call-note]')!.getAttribute('aria-label')).to.equal('Call note');
      expect($(el, '.tooltip')).to.not.equal(null);
    });
  });

  describe('after a call', () => {
    it('R2 replies by a text channel of the contact, never by the voice line', async () => {
      const el = await story(stories.AfterCall);
      const store = el.store;
      const id = el.conversationId!;
      const model = store.state.model;
      const conversation = model.conversations.get(id)!;
      expect(model.channels.get(conversation.channelId)!.kind).to.equal('call');
      const select = $(el, 'select[part=channel]') as HTMLSelectElement | null;
      const offered = select ? [...select.options].map((o) => model.channels.get(o.value)!.kind) : [];
      expect(offered, 'the voice line is never offered').to.not.include('call');
      const chosen = model.channels.get(select!.value)!;
      expect(['sms', 'whatsapp']).to.include(chosen.kind);
      expect(chosen.id).to.equal(replyChannels(model, conversation)[0]!.id);
      expect(select!.selectedOptions[0]!.textContent).to.match(/^(SMS|WhatsApp): /);
      field(el).focus();
      await sendKeys({ type: 'Sorry we missed you, calling back at 3.' });
      await ctrlEnter();
      const sent = storyWorld(el).transport.sent.find((c) => c.type === 'reply')!;
      expect((sent.args as { channelId?: string }).channelId).to.equal(chosen.id);
      await confirmed(store);
      expect(messages(store, id).at(-1)!.channelKind).to.equal(chosen.kind);
    });

    it('offers a call note: an internal comment about the call', async () => {
      const el = await story(stories.AfterCall);
      $(el, '[part=call-note]')!.click();
      await waitUntil(() => el.mode === 'comment', 'comment mode');
      await el.updateComplete;
      expect(field(el).placeholder).to.contain('What was the call about?');
      expect(deepActive()).to.equal(field(el));
      await sendKeys({ type: 'Customer wants a refund of the second payment.' });
      await ctrlEnter();
      await waitUntil(() => comments(el.store, el.conversationId!).some((c) => c.body.startsWith('Customer wants')), 'the note');
      // Not offered in a conversation that was never a call.
      const sms = await story(stories.Empty);
      expect($(sms, '[part=call-note]')).to.equal(null);
    });
  });

  describe('reply (R2)', () => {
    it('types with real keys, keeps Enter as a new line, sends with Ctrl+Enter into the timeline', async () => {
      const el = await story(stories.Empty);
      const store = el.store;
      const id = el.conversationId!;
      await store.loadTimeline(id);
      const sent: ComposerSendEvent[] = [];
      el.addEventListener('composer-send', (e) => sent.push(e));

      await type(el, 'Hello there');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'Second line' });
      expect(field(el).value).to.equal('Hello there\nSecond line');
      expect(store.state.pending, 'Enter alone sends nothing').to.have.length(0);
      await el.updateComplete;
      expect(sendButton(el).getAttribute('aria-disabled')).to.equal('false');

      await ctrlEnter();
      const reply = messages(store, id).at(-1)!;
      expect(reply).to.deep.include({ direction: 'out', body: 'Hello there\nSecond line', senderId: store.userId });
      expect(sent).to.have.length(1);
      expect(sent[0]!.command.args.itemId).to.equal(reply.id);
      await el.updateComplete;
      expect(field(el).value, 'the composer empties for the next message').to.equal('');
      expect(deepActive()).to.equal(field(el));
      await confirmed(store);
      expect(store.state.model.conversations.get(id)!.awaiting, 'R2 awaiting the contact').to.equal('contact');
      expect(messages(store, id).filter((m) => m.body === 'Hello there\nSecond line'), 'once, confirmed').to.have.length(1);
    });

    it('sends with the Send button too; an empty or blank body cannot be sent', async () => {
      const el = await story(stories.Empty);
      const store = el.store;
      sendButton(el).click();
      await type(el, '   ');
      await ctrlEnter();
      await el.updateComplete;
      expect(store.state.pending).to.have.length(0);
      expect(sendButton(el).getAttribute('aria-disabled')).to.equal('true');
      await sendKeys({ type: 'Done' });
      await el.updateComplete;
      sendButton(el).click();
      await el.updateComplete;
      expect(messages(store, el.conversationId!).at(-1)!.body, 'sent without the spaces around it').to.equal('Done');
    });

    it('switches the channel (chat to e-mail) and sends with that channelId', async () => {
      const el = await story(stories.EmailChannelSwitch);
      const store = el.store;
      const id = el.conversationId!;
      const conversation = store.state.model.conversations.get(id)!;
      const select = el.shadowRoot!.querySelector('select')!;
      expect([...select.options].map((o) => o.value)).to.deep.equal(replyChannels(store.state.model, conversation).map((c) => c.id));
      expect(store.state.model.channels.get(conversation.channelId)!.kind).to.equal('chat');
      const email = store.state.model.channels.get(select.value)!;
      expect(email.kind).to.equal('email');
      const commands: string[] = [];
      el.addEventListener('composer-send', (e) => commands.push(e.command.type === 'reply' ? (e.command.args.channelId ?? '') : ''));

      field(el).focus();
      await ctrlEnter();
      expect(commands).to.deep.equal([email.id]);
      expect(messages(store, id).at(-1)).to.deep.include({ channelKind: 'email', body: 'I am sending the full quote by e-mail.' });
      await confirmed(store);
      expect(store.state.model.conversations.get(id)!.channelId, 'the conversation follows the switch').to.equal(email.id);
    });

    it('rewrites links through the link shortener before sending', async () => {
      const el = await story(stories.LinkShortener);
      field(el).focus();
      await ctrlEnter();
      await waitUntil(() => messages(el.store, el.conversationId!).at(-1)?.body.startsWith('The guide'), 'the reply is dispatched after shortening');
      expect(messages(el.store, el.conversationId!).at(-1)!.body).to.match(/^The guide: https:\/\/sho\.rt\/\d+$/);
    });

    it('sends the links as typed when the shortener fails, without losing text', async () => {
      const el = await story(stories.LinkShortener);
      el.linkShortener = () => Promise.reject(new Error('quota exceeded'));
      field(el).focus();
      await ctrlEnter();
      await waitUntil(() => messages(el.store, el.conversationId!).at(-1)?.body.startsWith('The guide'), 'the reply is dispatched');
      expect(messages(el.store, el.conversationId!).at(-1)!.body).to.equal(
        'The guide: https://acme.example/help/articles/returns-and-refunds?lang=en',
      );
    });
  });

  describe('attachments', () => {
    it('uploads dropped and pasted files through the transport; they travel with the reply', async () => {
      const el = await story(stories.WithAttachments);
      const chips = () => $$(el, '[part=attachment]');
      expect(chips().map((c) => c.querySelector('.name')!.textContent)).to.deep.equal(['invoice-2026-11.pdf', 'delivery-note.png']);
      expect(chips()[0]!.querySelector('.size')!.textContent).to.equal('1.2 kB');
      expect($(el, '[part=attach]'), 'the transport takes files').to.exist;

      const pasted = new DataTransfer();
      pasted.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
      field(el).dispatchEvent(new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, cancelable: true }));
      await waitUntil(() => chips().length === 3 && el.shadowRoot!.querySelectorAll('.chip.done').length === 3, 'the pasted file uploads');

      const remove = chips()[1]!.querySelector('button')!;
      expect(remove.getAttribute('aria-label')).to.equal('Remove delivery-note.png');
      remove.click();
      await el.updateComplete;
      expect(chips()).to.have.length(2);

      field(el).focus();
      await ctrlEnter();
      const reply = messages(el.store, el.conversationId!).at(-1)!;
      expect(reply.attachments.map((a) => a.name)).to.deep.equal(['invoice-2026-11.pdf', 'notes.txt']);
      expect(reply.attachments[1]).to.include({ mime: 'text/plain', size: 5 });
      await confirmed(el.store);
      expect(chips()).to.have.length(0);
    });

    it('a file alone can be sent', async () => {
      const el = await story({ args: { files: 'photo.jpg' } });
      expect(sendButton(el).getAttribute('aria-disabled')).to.equal('false');
      sendButton(el).click();
      await el.updateComplete;
      expect(messages(el.store, el.conversationId!).at(-1)!.attachments.map((a) => a.name)).to.deep.equal(['photo.jpg']);
    });

    it('shows a failed upload instead of losing it silently, and retries it', async () => {
      const world = composerWorld();
      const upload = world.transport.upload.bind(world.transport);
      let fail = true;
      world.transport.upload = (file, actor) => (fail ? Promise.reject(new Error('File too large')) : upload(file, actor));
      const el = await mount(world);
      stories.dropFiles(el, [new File(['x'], 'huge.mov')]);
      await waitUntil(() => $(el, '.chip.failed'), 'the upload fails');
      expect($(el, '.chip.failed [role=alert]')!.textContent).to.equal('Upload failed: File too large');
      expect(sendButton(el).getAttribute('aria-disabled'), 'nothing to send yet').to.equal('true');
      fail = false;
      button(el, '.chip.failed button').click();
      await waitUntil(() => $(el, '.chip.done'), 'the retry uploads');
      expect($(el, '.chip.done .name')!.textContent).to.equal('huge.mov');
    });

    it('offers no attach button when the transport takes no files', async () => {
      const world = composerWorld();
      const t = world.transport;
      const noFiles: Transport = {
        connect: (request) => t.connect(request),
        send: (command, actor) => t.send(command, actor),
        timeline: (request, actor) => t.timeline(request, actor),
      };
      const store = new InboxStore({ transport: noFiles, userId: world.store.userId });
      const el = await mount({ ...world, store });
      expect(store.canUpload).to.be.false;
      expect($(el, '[part=attach]')).to.equal(null);
      expect($(el, 'textarea')).to.exist;
    });
  });

  describe('internal comment and mentions (R20)', () => {
    it('opens the teammates list on @, moves with the arrows, picks with Enter; the comment carries the mention', async () => {
      const world = composerWorld();
      const el = await mount(world);
      const store = world.store;
      const id = world.conversationId;
      await el.focusComposer('comment');
      expect(deepActive()).to.equal(field(el));
      await sendKeys({ type: 'Please look @l' });
      await el.updateComplete;
      const list = $(el, '[role=listbox]')!;
      expect(list.matches(':popover-open')).to.be.true;
      const options = () => $$(el, '[role=option]');
      expect(options().map((o) => o.textContent.trim())).to.deep.equal(['Léa Rousseau', 'Lucía Fernández']);
      expect(field(el).getAttribute('aria-activedescendant')).to.equal(options()[0]!.id);
      expect(field(el).getAttribute('aria-controls')).to.equal('mentions');

      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(options()[1]!.getAttribute('aria-selected')).to.equal('true');
      expect(field(el).getAttribute('aria-activedescendant')).to.equal(options()[1]!.id);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(field(el).value).to.equal('Please look @Lucía Fernández ');
      expect(list.matches(':popover-open')).to.be.false;
      await sendKeys({ type: 'thanks' });
      await ctrlEnter();

      const comment = comments(store, id).at(-1)!;
      expect(comment).to.deep.include({ body: 'Please look @Lucía Fernández thanks', mentions: ['u-lucia'], authorId: store.userId });
      await confirmed(store);
      const conversation = store.state.model.conversations.get(id)!;
      expect(conversation.mentions).to.include('u-lucia');
      expect(conversation.mentionsUnread).to.include('u-lucia');

      // The mentioned user finds it in Mentions, from their own store.
      const lucia = new InboxStore({ transport: new MemoryTransport({ backend: world.backend }), userId: 'u-lucia' });
      await lucia.ready;
      const user = lucia.state.model.users.get('u-lucia')!;
      const mentions = runQuery(lucia.state.model, { ...DEFAULT_QUERY, view: 'mentions' }, user, Date.now());
      expect(mentions.map((c) => c.id)).to.include(id);
      lucia.destroy();
    });

    it('Tab picks too; Esc closes the list and keeps it closed for that @', async () => {
      const el = await mount(composerWorld());
      await el.focusComposer('comment');
      await sendKeys({ type: '@to' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(field(el).value).to.equal('@Tom Harris ');
      expect(deepActive(), 'Tab picked, focus stayed').to.equal(field(el));

      await sendKeys({ type: 'and @m' });
      await el.updateComplete;
      expect($(el, '[role=listbox]')!.matches(':popover-open')).to.be.true;
      let escaped = false;
      el.addEventListener('keydown', (e) => (escaped ||= e.key === 'Escape'));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '[role=listbox]')!.matches(':popover-open')).to.be.false;
      expect(escaped, 'Esc does not reach the conversation view').to.be.false;
      await sendKeys({ type: 'a' });
      await el.updateComplete;
      expect($(el, '[role=listbox]')!.matches(':popover-open')).to.be.false;
      expect(field(el).value).to.equal('@Tom Harris and @ma');
    });

    it('the story shows the list open', async () => {
      const el = await story(stories.InternalComment);
      expect($(el, '[role=listbox]')!.matches(':popover-open')).to.be.true;
      expect($$(el, '[role=option]').length).to.be.greaterThan(0);
    });

    it('no list in reply mode: the contact would read the @', async () => {
      const el = await story(stories.Empty);
      await type(el, 'Hi @l');
      await el.updateComplete;
      expect($(el, '[role=listbox]')).to.equal(null);
    });

    it('focusComposer() switches the mode and focuses the field (keys R and N of the view)', async () => {
      const el = await story(stories.Empty);
      await el.focusComposer('comment');
      expect(el.mode).to.equal('comment');
      expect(deepActive()).to.equal(field(el));
      await el.focusComposer('reply');
      expect(el.mode).to.equal('reply');
      expect(deepActive()).to.equal(field(el));
    });
  });

  describe('drafts', () => {
    it('survive a remount, a reload, and switching conversations; one per mode', async () => {
      const world = composerWorld();
      const el = await mount(world);
      await type(el, 'Half-written answer');
      field(el).blur();
      expect(draftOf(world.store, world.conversationId)?.body).to.equal('Half-written answer');

      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      expect(field(el).value, 'remount').to.equal('Half-written answer');

      // A reload: a new store, a new element, the same user and conversation.
      const reloaded = await mount(composerWorld({ backend: world.backend }));
      expect(field(reloaded).value, 'reload').to.equal('Half-written answer');

      const other = [...world.store.state.model.conversations.keys()].find((id) => id !== world.conversationId)!;
      el.conversationId = other;
      await el.updateComplete;
      expect(field(el).value, 'another conversation has its own draft').to.equal('');
      await type(el, 'Other one');
      el.conversationId = world.conversationId;
      await el.updateComplete;
      expect(field(el).value).to.equal('Half-written answer');
      expect(draftOf(world.store, other)?.body).to.equal('Other one');

      await el.focusComposer('comment');
      expect(field(el).value, 'the comment draft is apart').to.equal('');
      await sendKeys({ type: 'note to self' });
      await el.focusComposer('reply');
      expect(field(el).value).to.equal('Half-written answer');
      expect(draftOf(world.store, world.conversationId, 'comment')?.body).to.equal('note to self');
    });

    it('is saved while typing, after a pause, without waiting for a blur', async () => {
      const world = composerWorld();
      const el = await mount(world);
      await type(el, 'abc');
      await waitUntil(() => draftOf(world.store, world.conversationId)?.body === 'abc', 'the draft is saved');
    });

    it('stays until the backend confirms the send, then goes', async () => {
      const world = composerWorld();
      const el = await mount(world);
      world.transport.latency = 150;
      await type(el, 'Confirm me');
      await ctrlEnter();
      await el.updateComplete;
      expect(field(el).value).to.equal('');
      expect(draftOf(world.store, world.conversationId)).to.deep.include({ body: 'Confirm me' });
      expect(el.matches(':state(sending)')).to.be.true;
      expect($(el, '[part=status]')!.textContent).to.equal('Sending…');
      await confirmed(world.store);
      await el.updateComplete;
      expect(draftOf(world.store, world.conversationId)).to.equal(null);
      expect(el.matches(':state(sending)')).to.be.false;
    });
  });

  describe('failed send', () => {
    it('shows the reason, restores the text, keeps the draft, and Retry resends without retyping', async () => {
      const el = await story(stories.FailedSend);
      const store = el.store;
      const id = el.conversationId!;
      const alert = $(el, '[role=alert]')!;
      expect(alert.textContent).to.contain('Reply not sent: The channel is unavailable right now.');
      expect(field(el).value).to.equal('I have refunded the second payment.');
      expect(el.matches(':state(failed)')).to.be.true;
      expect(messages(store, id).some((m) => m.body === 'I have refunded the second payment.'), 'rolled back').to.be.false;
      expect(draftOf(store, id)?.body).to.equal('I have refunded the second payment.');
      expect(draftOf(store, id)?.sentAs).to.equal(undefined);

      button(el, '[part=retry]').click();
      await waitUntil(() => messages(store, id).some((m) => m.body === 'I have refunded the second payment.'), 'resent');
      await confirmed(store);
      await el.updateComplete;
      expect($(el, '[role=alert]')).to.equal(null);
      expect(field(el).value).to.equal('');
      expect(draftOf(store, id)).to.equal(null);
      expect(storyWorld(el).transport.sent.filter((c) => c.type === 'reply')).to.have.length(2);
    });

    it('says a refusal with an inbox-notice; when the inbox shows it, Retry waits in the row of tools, nothing inserted', async () => {
      const notices: { message: string; tone: string }[] = [];
      const listener = (event: Event) => {
        const notice = event as Event & { message: string; tone: string };
        notices.push({ message: notice.message, tone: notice.tone });
        event.preventDefault();
      };
      document.addEventListener('inbox-notice', listener);
      try {
        const el = await story(stories.FailedSend);
        expect(notices).to.deep.equal([{ message: 'Reply not sent: The channel is unavailable right now.', tone: 'error' }]);
        expect($(el, '[part=error]'), 'no alert inserted').to.equal(null);
        expect($(el, '[part=status]')!.textContent).to.contain('Reply not sent');
        expect(field(el).value).to.equal('I have refunded the second payment.');
        button(el, '[part=retry]').click();
        await waitUntil(() => messages(el.store, el.conversationId!).some((m) => m.body === 'I have refunded the second payment.'), 'resent');
      } finally {
        document.removeEventListener('inbox-notice', listener);
      }
    });

    it('leaves what was typed meanwhile alone; Retry sends the failed text as it was', async () => {
      const world = composerWorld({ refuse: 1 });
      world.transport.delay = 300;
      const el = await mount(world);
      await type(el, 'First answer');
      await ctrlEnter();
      await sendKeys({ type: 'Something new' });
      await waitUntil(() => $(el, '[role=alert]'), 'the refusal arrives');
      expect(field(el).value).to.equal('Something new');
      button(el, '[part=retry]').click();
      await el.updateComplete;
      expect(messages(world.store, world.conversationId).at(-1)!.body).to.equal('First answer');
      expect(field(el).value).to.equal('Something new');
      await confirmed(world.store);
      await el.updateComplete;
      expect($(el, '[role=alert]')).to.equal(null);
    });

    it('a refusal from the model itself (dispatch answers no) leaves the text in place and says why', async () => {
      const world = composerWorld();
      const store = world.store;
      const dispatch = store.dispatch.bind(store);
      store.dispatch = ((type, args, options) =>
        type === 'reply'
          ? { ok: false, refusal: { code: 'invalid', reason: 'Too long for one SMS.' } }
          : dispatch(type, args, options));
      const el = await mount(world);
      await type(el, 'A very long answer');
      await ctrlEnter();
      await el.updateComplete;
      expect($(el, '[role=alert]')!.textContent).to.contain('Reply not sent: Too long for one SMS.');
      expect(field(el).value).to.equal('A very long answer');
      expect(world.transport.sent, 'nothing went to the backend').to.have.length(0);
      field(el).blur();
      expect(draftOf(world.store, world.conversationId)?.body).to.equal('A very long answer');
    });

    it('a draft channel that no longer reaches the contact falls back to the conversation channel', async () => {
      const world = composerWorld();
      localStorage.setItem(
        `${DRAFT_KEY_PREFIX}${world.store.userId}:${world.conversationId}:reply`,
        JSON.stringify({ body: 'Old draft', attachments: [], channelId: 'ch-gone' }),
      );
      const el = await mount(world);
      expect(field(el).value).to.equal('Old draft');
      const conversation = world.store.state.model.conversations.get(world.conversationId)!;
      expect(el.shadowRoot!.querySelector('select')!.value).to.equal(conversation.channelId);
      field(el).focus();
      await ctrlEnter();
      expect(messages(world.store, world.conversationId).at(-1)).to.deep.include({ body: 'Old draft', channelKind: 'sms' });
    });

    it('keeps the text through a reload after a refusal', async () => {
      const el = await story(stories.FailedSend);
      const world = storyWorld(el);
      const reloaded = await mount(composerWorld({ backend: world.backend }));
      expect(field(reloaded).value).to.equal('I have refunded the second payment.');
    });

    it('an offline send waits (the draft kept) and goes when the connection returns', async () => {
      const world = composerWorld();
      const el = await mount(world);
      world.transport.offline = true;
      await waitUntil(() => world.store.state.connection === 'offline');
      await type(el, 'Sent later');
      await ctrlEnter();
      await el.updateComplete;
      expect($(el, '[part=status]')!.textContent).to.contain('Offline');
      expect(draftOf(world.store, world.conversationId)?.body).to.equal('Sent later');
      world.transport.offline = false;
      world.store.connect();
      // The memory stream resumes silently (no onOpen): the next event on it brings the store live and resends.
      const other = [...world.backend.state.conversations.keys()].find((id) => id !== world.conversationId)!;
      injectInbound(world.backend, other);
      await waitUntil(() => world.store.state.connection === 'live' && world.store.state.pending.length === 0, 'sent', {
        timeout: 5000,
      });
      await el.updateComplete;
      expect(draftOf(world.store, world.conversationId)).to.equal(null);
      expect(world.backend.state.conversations.get(world.conversationId)!.lastMessage!.preview).to.equal('Sent later');
    });
  });

  describe('presence (R17) and performance', () => {
    it('says typing while typing (throttled) and stops on send and on blur', async () => {
      const world = composerWorld();
      const calls: [Id | null, boolean][] = [];
      const presence = world.transport.presence.bind(world.transport);
      world.transport.presence = (conversationId, typing, actor) => {
        calls.push([conversationId, typing]);
        return presence(conversationId, typing, actor);
      };
      const el = await mount(world);
      await type(el, 'typing fast');
      expect(calls).to.deep.equal([[world.conversationId, true]]);
      await ctrlEnter();
      expect(calls).to.deep.equal([
        [world.conversationId, true],
        [world.conversationId, false],
      ]);
      await sendKeys({ type: 'x' });
      field(el).blur();
      expect(calls.slice(2)).to.deep.equal([
        [world.conversationId, true],
        [world.conversationId, false],
      ]);
    });

    it('inside <inbox-provider> follows the open conversation', async () => {
      const world = composerWorld();
      const root = await fixture(html`<inbox-provider .store=${world.store}><message-composer></message-composer></inbox-provider>`);
      const el = root.querySelector('message-composer')!;
      await world.store.ready;
      await el.updateComplete;
      expect($(el, '[part=empty]')).to.exist;
      world.store.openConversation(world.conversationId);
      await el.updateComplete;
      await type(el, 'Via the provider');
      await ctrlEnter();
      expect(messages(world.store, world.conversationId).at(-1)!.body).to.equal('Via the provider');
    });

    it('with 5,000 timeline items loaded, a keystroke neither renders nor touches the store, within one frame', async () => {
      const { longTimelineIds } = generateDemoData({ conversations: 200, seed: 42 });
      const world = composerWorld();
      const id = longTimelineIds[0]!;
      await world.store.loadTimeline(id, { limit: 1000 });
      while (timeline(world.store, id).length < DEMO_LONG_TIMELINE_LENGTH && world.store.state.paging.get(id)?.hasMore) {
        await world.store.loadTimeline(id, { older: true, limit: 1000 });
      }
      expect(timeline(world.store, id)).to.have.length(DEMO_LONG_TIMELINE_LENGTH);
      const el = await mount(world, id);
      await type(el, 'a');
      await el.updateComplete;

      let renders = 0;
      const host = el as unknown as { render(): unknown };
      const render = host.render.bind(el);
      host.render = () => {
        renders++;
        return render();
      };
      let states = 0;
      const subscription = world.store.state$().subscribe(() => states++);
      states = 0;
      const durations: number[] = [];
      let start = 0;
      const area = field(el);
      const onKey = () => (start = performance.now());
      const onInput = () => {
        void el.updateComplete.then(() => durations.push(performance.now() - start));
      };
      area.addEventListener('keydown', onKey, { capture: true });
      area.addEventListener('input', onInput);
      await sendKeys({ type: 'quick brown fox' });
      await el.updateComplete;
      subscription.unsubscribe();
      host.render = render;

      expect(durations).to.have.length('quick brown fox'.length);
      expect(renders, 'no render per keystroke').to.equal(0);
      expect(states, 'no store change per keystroke').to.equal(0);
      const sorted = [...durations].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      const worst = sorted.at(-1)!;
      expect(median, `median ${median.toFixed(2)} ms`).to.be.below(16);
      expect(worst, `worst ${worst.toFixed(2)} ms`).to.be.below(16);
    });
  });
});
