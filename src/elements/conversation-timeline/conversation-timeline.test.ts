import { expect, fixture, html } from '@open-wc/testing';
import { EMPTY } from 'rxjs';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../define.js';
import meta, * as stories from '../../../stories/conversation-timeline.stories.js';
import {
  EMAIL,
  EMAIL_ID,
  OLD_MESSAGE_ID,
  REMOTE_IMAGE,
  SHOWCASE,
  SHOWCASE_ID,
  SHORT_ID,
  demoLinkBuilder,
  timelineBackend,
} from '../../../stories/conversation-timeline.stories.js';
import { deepActive, ready, renderStory } from '../../../test/navigation-fixtures.js';
import type { MessageLinkCopyEvent } from '../../events/timeline-message-link-copy.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import type { Command } from '../../model/commands.js';
import type { TimelineItem } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { generateDemoData } from '../../backend/demo-data.js';
import { MemoryTransport } from '../../transport/memory/memory-transport.js';
import type { Transport } from '../../transport/transport.js';
import { InboxStore as Store } from '../../store/inbox-store.js';
import { frames, ignoreResizeObserverLoop, until } from '../inbox-list/list.testing.js';
import { ConversationTimeline, TIMELINE_WINDOW } from './conversation-timeline.js';
import { domId } from './timeline-arrange.js';
import { eventSentence, formatClock, formatDay, formatTime, type People } from './timeline-format.js';

type Timeline = ConversationTimeline & { store?: InboxStore | undefined };

const stores: InboxStore[] = [];
const root = (el: Element) => el.shadowRoot!;
const scroller = (el: Element) => root(el).querySelector<HTMLElement>('.scroller')!;
const articles = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('.feed > article')];
const article = (el: Element, id: string) => root(el).querySelector<HTMLElement>(`#${domId(id)}`);
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the element type they expect
const inArticle = <T extends HTMLElement = HTMLElement>(el: Element, id: string, selector: string) =>
  article(el, id)?.querySelector<T>(selector) ?? null;
/** The text a person sees (no SVG titles, no hidden nodes), spaces collapsed. */
const text = (node: Element | null | undefined) => (node as HTMLElement | null | undefined)?.innerText.replace(/\s+/g, ' ').trim() ?? '';
/** Assertions take booleans, not elements: a failing one would serialize the element (and its store). */
const exists = (node: Element | null | undefined): boolean => node !== null && node !== undefined;

async function mount(story: stories.Story = stories.LongThread, extra: Partial<stories.TimelineArgs> = {}): Promise<Timeline> {
  ignoreResizeObserverLoop();
  const rootNode = await renderStory(meta, story, extra);
  const el = await ready(rootNode, 'conversation-timeline', !(story.args?.loading ?? false));
  if (el.store) stores.push(el.store);
  if (!(story.args?.loading ?? false)) {
    await until(() => articles(el).length > 0 || root(el).querySelector('[part=placeholder]')?.textContent.includes('No messages') === true, 'items');
  }
  await frames(2);
  return el;
}

/** Mounts the element on a store made here (the stories' data), for tests that need the store first. */
async function mountOn(store: InboxStore, attributes: { conversation?: string; links?: boolean } = {}): Promise<Timeline> {
  ignoreResizeObserverLoop();
  stores.push(store);
  const wrapper = await fixture<HTMLElement>(html`<div style="block-size: 560px; inline-size: 720px; display: flex; flex-direction: column">
    <conversation-timeline
      .store=${store}
      conversation-id=${attributes.conversation ?? SHOWCASE_ID}
      .linkBuilder=${attributes.links === false ? undefined : demoLinkBuilder}
    ></conversation-timeline>
  </div>`);
  const el = wrapper.querySelector('conversation-timeline')! as Timeline;
  await store.ready;
  await until(() => articles(el).length > 0, 'items');
  await frames(2);
  return el;
}

/** A key pressed with a modifier held. */
async function chord(modifier: string, key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

/** A real click in the middle of `target`, scrolled into view first. */
async function click(target: HTMLElement): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  await frames(1);
  const rect = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

const timelineOf = (store: InboxStore, id = SHOWCASE_ID): readonly TimelineItem[] => store.state.model.timelines.get(id) ?? [];

describe('<conversation-timeline>', () => {
  afterEach(async () => {
    for (const store of stores.splice(0)) store.destroy();
    await resetMouse();
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('conversation-timeline')).to.equal(ConversationTimeline);
  });

  describe('items', () => {
    it('renders messages, calls, comments and events in time order, notes under their message', async () => {
      const el = await mount();
      const store = el.store!;
      const shown = articles(el).map((a) => a.dataset['id']);
      const expected = timelineOf(store)
        .filter((item) => item.type !== 'note')
        .map((item) => item.id);
      expect(shown).to.deep.equal(expected.slice(-shown.length));
      expect(shown.at(-1)).to.equal(SHOWCASE.last);
      const times = timelineOf(store).filter((item) => shown.includes(item.id)).map((item) => item.at);
      expect(times).to.deep.equal([...times].sort((a, b) => a - b));
      for (const type of ['message', 'call', 'comment', 'event']) {
        expect(exists(root(el).querySelector(`.feed > article.${type}`)), type).to.be.true;
      }
      expect(inArticle(el, SHOWCASE.reply, '[part=note] [part=note-body]')!.textContent).to.equal('Customer confirmed by phone.');
      expect(inArticle(el, SHOWCASE.inbound, '[part=note] [part=note-body]')!.textContent).to.equal('VIP: handle with care.');
      expect(exists(article(el, SHOWCASE.myNote)), 'a note is not an item of its own').to.be.false;
    });

    it('shows each message with its sender (the contact, an agent or a bot); its channel only when it came another way', async () => {
      const el = await mount();
      const inbound = inArticle(el, SHOWCASE.inbound, '.meta')!;
      expect(text(inbound.querySelector('[part=sender]'))).to.equal('Emily Carter');
      expect(exists(inbound.querySelector('.avatar')), 'the sender’s avatar').to.be.true;
      // The conversation is on WhatsApp: its WhatsApp messages do not repeat it; the header says it once.
      for (const id of [SHOWCASE.inbound, SHOWCASE.reply, SHOWCASE.bot, SHOWCASE.last]) {
        expect(exists(inArticle(el, id, '[part=channel-kind]')), id).to.be.false;
      }
      expect(root(el).textContent.includes('WhatsApp Business'), 'the channel’s name nowhere in the timeline').to.be.false;
      expect(article(el, SHOWCASE.inbound)!.classList.contains('in')).to.be.true;
      expect(text(inArticle(el, SHOWCASE.reply, '[part=sender]'))).to.equal('Léa Rousseau');
      expect(article(el, SHOWCASE.reply)!.classList.contains('out')).to.be.true;
      expect(text(inArticle(el, SHOWCASE.bot, '[part=sender]'))).to.equal('Welcome bot');
      expect(text(inArticle(el, SHOWCASE.bot, '[part=bot]'))).to.equal('Bot');
      expect(text(inArticle(el, SHOWCASE.sms, '[part=channel-kind]')), 'a message that came another way says so').to.equal('via SMS');
      expect(text(inArticle(el, SHOWCASE.reply, '[part=body]'))).to.contain('It left our warehouse on Monday.');
      const file = inArticle<HTMLAnchorElement>(el, SHOWCASE.attachment, '[part=attachment] a')!;
      expect(file.href).to.equal('https://files.example.com/invoice-4821.pdf');
      expect(file.rel).to.equal('noopener noreferrer');
      expect(text(inArticle(el, SHOWCASE.attachment, '[part=attachment]'))).to.match(/^invoice-4821\.pdf 48\.2 kB$/);
    });

    it('shows calls as one line: how they went (direction, outcome, duration) as a badge, then agent and recording', async () => {
      const el = await mount();
      const missed = inArticle(el, SHOWCASE.missedCall, '[part=call-summary]')!;
      expect(text(missed)).to.equal('Missed call');
      expect(missed.classList.contains('call-badge--danger'), 'a missed call stands out').to.be.true;
      expect(article(el, SHOWCASE.missedCall)!.classList.contains('missed')).to.be.true;
      const call = inArticle(el, SHOWCASE.call, '[part=call-summary]')!;
      expect(text(call)).to.equal('Outgoing · 4:05');
      expect(call.classList.contains('call-badge--success')).to.be.true;
      expect(text(inArticle(el, SHOWCASE.call, '[part=call-details]'))).to.equal('Placed by Léa Rousseau · Recorded');
      // One line: the badge, the details and the time side by side.
      const line = inArticle(el, SHOWCASE.call, '.call-line')!;
      expect(line.getBoundingClientRect().height).to.be.below(32);
    });

    it('says a voicemail and an answered call’s length; no empty lines', async () => {
      const el = await mount();
      const store = el.store!;
      const now = Date.now();
      const calls: TimelineItem[] = [
        { type: 'call', id: 'vm', conversationId: SHOWCASE_ID, at: now, direction: 'in', state: 'missed', duration: 32, agentId: null, recording: true },
        { type: 'call', id: 'in', conversationId: SHOWCASE_ID, at: now + 1, direction: 'in', state: 'ended', duration: 252, agentId: 'u-lea', recording: false },
        { type: 'call', id: 'na', conversationId: SHOWCASE_ID, at: now + 2, direction: 'out', state: 'missed', duration: 0, agentId: 'u-lea', recording: false },
      ];
      calls.forEach((item, i) => store.receive({ kind: 'event', seq: 1_000_000 + i, event: { type: 'timeline.upserted', item } }));
      await until(() => exists(article(el, 'na')), 'the calls');
      expect(text(inArticle(el, 'vm', '[part=call-summary]'))).to.equal('Voicemail · 0:32');
      expect(text(inArticle(el, 'in', '[part=call-summary]'))).to.equal('Incoming · 4:12');
      expect(text(inArticle(el, 'in', '[part=call-details]'))).to.equal('Answered by Léa Rousseau');
      expect(text(inArticle(el, 'na', '[part=call-summary]'))).to.equal('Outgoing · No answer');
      expect(exists(inArticle(el, 'vm', '[part=call-details]')), 'nothing to add: no empty line').to.be.false;
    });

    it('marks comments and notes "Internal" in text, with the @mentions of a comment', async () => {
      const el = await mount();
      const comment = article(el, SHOWCASE.comment)!;
      expect(text(comment.querySelector('[part=internal]'))).to.equal('Internal');
      expect(text(comment.querySelector('[part=mention]'))).to.equal('@Ana Martín');
      expect(text(comment.querySelector('[part=body]'))).to.equal('@Ana Martín could you approve a refund for this one?');
      for (const note of root(el).querySelectorAll('[part=note]')) {
        expect(text(note.querySelector('[part=internal]'))).to.equal('Internal note');
      }
      expect(text(inArticle(el, SHOWCASE.inbound, '[part=note] [part=note-author]'))).to.equal('Léa Rousseau');
      expect(exists(inArticle(el, SHOWCASE.reply, ':scope > .meta [part=internal]')), 'messages are not internal').to.be.false;
    });

    it('tells history events as one grey line in natural language, first names, "you" for the reader', async () => {
      const el = await mount();
      const event = (id: string) => text(inArticle(el, id, '[part=event]')).split(' · ')[0];
      expect(event(SHOWCASE.assigned)).to.equal('Assigned to Léa');
      expect(event(SHOWCASE.priority)).to.equal('Léa set the priority to high');
      expect(event(SHOWCASE.labels)).to.equal('Léa added the labels vip and refund');
      expect(event(SHOWCASE.snoozed)).to.match(/^Léa snoozed it until .+/);
      expect(event(SHOWCASE.woke)).to.equal('The snooze ended');
      expect(event(SHOWCASE.done)).to.equal('Léa marked it done');
      expect(event(SHOWCASE.reopened)).to.equal('Reopened');
      const line = inArticle(el, SHOWCASE.done, '[part=event]')!;
      expect(getComputedStyle(line).color).to.equal(getComputedStyle(root(el).querySelector('.edge, time')!).color);
      // Léa reads her own history: "you".
      const asLea = await mount(stories.LongThread, { userId: 'u-lea' });
      const mine = (id: string) => text(inArticle(asLea, id, '[part=event]')).split(' · ')[0];
      expect(mine(SHOWCASE.assigned)).to.equal('Assigned to you');
      expect(mine(SHOWCASE.priority)).to.equal('You set the priority to high');
      expect(mine(SHOWCASE.done)).to.equal('You marked it done');
    });

    it('never names one person twice: taking a conversation, assigning it to someone, to you', () => {
      const users = new Map([
        ['u-lea', { id: 'u-lea', name: 'Léa Rousseau' }],
        ['u-diego', { id: 'u-diego', name: 'Diego Torres' }],
        ['u-marc', { id: 'u-marc', name: 'Marc Dubois' }],
        ['u-marc2', { id: 'u-marc2', name: 'Marc Lefèvre' }],
      ]) as unknown as People['users'];
      const people: People = { users, bots: new Map([['b-1', { id: 'b-1', name: 'Welcome bot' }]]), teams: new Map() };
      const assigned = (actorId: string | null, detail: string) =>
        eventSentence({ type: 'event', id: 'e', conversationId: 'c', at: 0, kind: 'assigned', actorId, detail }, people, 'en', 'u-lea');
      expect(assigned('u-diego', 'user:u-diego')).to.equal('Diego took the conversation');
      expect(assigned('u-lea', 'user:u-lea')).to.equal('You took the conversation');
      expect(assigned('u-lea', 'user:u-diego')).to.equal('You assigned it to Diego');
      expect(assigned('u-diego', 'user:u-lea')).to.equal('Diego assigned it to you');
      // Two Marcs: their whole names.
      expect(assigned('u-marc', 'user:u-marc2')).to.equal('Marc Dubois assigned it to Marc Lefèvre');
      expect(assigned('u-diego', 'bot:b-1')).to.equal('Diego assigned it to Welcome bot');
      expect(assigned(null, 'unassigned')).to.equal('The inbox unassigned it');
      const done = eventSentence({ type: 'event', id: 'e', conversationId: 'c', at: 0, kind: 'done', actorId: 'u-marc2' }, people, 'en', 'u-lea');
      expect(done).to.equal('Marc Lefèvre marked it done');
      const label = eventSentence({ type: 'event', id: 'e', conversationId: 'c', at: 0, kind: 'labels', actorId: 'u-diego', detail: 'removed: vip' }, people, 'en', 'u-lea');
      expect(label).to.equal('Diego removed the label vip');
    });

    it('shows the time of day under a heading per day, the full date as its tooltip, in the reader’s locale', async () => {
      const el = await mount();
      const item = timelineOf(el.store!).find((i) => i.id === SHOWCASE.last)!;
      const time = inArticle(el, SHOWCASE.last, 'time')!;
      expect(time.textContent).to.equal(formatClock(item.at, 'en'));
      expect(time.getAttribute('title')).to.equal(formatTime(item.at, 'en'));
      expect(time.getAttribute('datetime')).to.equal(new Date(item.at).toISOString());
      const days = [...root(el).querySelectorAll('[part=day]')].map(text);
      expect(days.length).to.be.above(0);
      expect(new Set(days).size, 'one heading per day').to.equal(days.length);
      expect(days[0]).to.equal(formatDay(articles(el)[0]!.dataset['id'] ? timelineOf(el.store!).find((i) => i.id === articles(el)[0]!.dataset['id'])!.at : 0, 'en'));
    });

    it('shows a message’s actions only while the pointer is on it or focus is in it', async () => {
      const el = await mount();
      const actions = inArticle(el, SHOWCASE.inbound, '[part=actions]')!;
      const shown = () => getComputedStyle(actions).visibility === 'visible';
      await resetMouse();
      expect(shown(), 'hidden at rest').to.be.false;
      for (const id of [SHOWCASE.reply, SHOWCASE.attachment, SHOWCASE.last]) {
        expect(getComputedStyle(inArticle(el, id, '[part=actions]')!).visibility, id).to.equal('hidden');
      }
      const bubble = inArticle(el, SHOWCASE.inbound, '[part=bubble]')!;
      bubble.scrollIntoView({ block: 'center' });
      await frames(1);
      const box = bubble.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + 10), Math.round(box.y + box.height / 2)] });
      await until(shown, 'shown on hover');
      expect(getComputedStyle(inArticle(el, SHOWCASE.last, '[part=actions]')!).visibility, 'not the others').to.equal('hidden');
      await resetMouse();
      await until(() => !shown(), 'hidden again');
      // Focus: the item, then Tab to its first action.
      article(el, SHOWCASE.inbound)!.focus();
      await until(shown, 'shown on focus');
      const copy = inArticle(el, SHOWCASE.inbound, '[part=copy-link]')!;
      expect(copy.getAttribute('aria-label')).to.equal('Copy link');
      expect(copy.dataset['tip']).to.equal('Copy link');
      // Actions float over the item: showing them moves nothing.
      expect(getComputedStyle(actions).position).to.equal('absolute');
    });

    it('says so when a conversation is empty, or none is open', async () => {
      const el = await mount(stories.Empty);
      expect(text(root(el).querySelector('[part=placeholder]'))).to.equal('No messages yet.');
      expect(exists(root(el).querySelector('[role=feed]'))).to.be.false;
      el.conversationId = undefined;
      await el.updateComplete;
      expect(text(root(el).querySelector('[part=placeholder]'))).to.equal('No conversation is open.');
    });

    it('follows the open conversation of an <inbox-provider>', async () => {
      ignoreResizeObserverLoop();
      const store = new Store({ transport: new MemoryTransport({ backend: timelineBackend() }), userId: 'u-ana' });
      stores.push(store);
      const provider = await fixture<HTMLElement>(html`<inbox-provider .store=${store} style="display: flex; flex-direction: column; block-size: 480px">
        <conversation-timeline></conversation-timeline>
      </inbox-provider>`);
      const el = provider.querySelector('conversation-timeline')!;
      await store.ready;
      await el.updateComplete;
      expect(text(root(el).querySelector('[part=placeholder]'))).to.equal('No conversation is open.');
      store.openConversation(SHORT_ID);
      await until(() => articles(el).length === 3, 'the short thread');
      store.openConversation(EMAIL_ID);
      await until(() => exists(article(el, EMAIL.reply)), 'the e-mails');
      expect(exists(article(el, `${SHORT_ID}.1`))).to.be.false;
    });

    it('R29: an outbound message says how its delivery fares; a failed one says why, and its button sends it again', async () => {
      const store = new Store({ transport: new MemoryTransport({ backend: timelineBackend() }), userId: 'u-ana' });
      const el = await mountOn(store);
      const line = (id: string) => inArticle(el, id, '[part~=delivery]');
      expect(text(line(SHOWCASE.reply))).to.equal('Delivered');
      expect(exists(line(SHOWCASE.inbound)), 'an inbound message has none').to.be.false;
      expect(exists(line(SHOWCASE.bot)), 'nor a message sent without an edge').to.be.false;
      expect(text(line(SHOWCASE.last))).to.equal('Not delivered: The provider answered 400: this number is not on WhatsApp. Send again');
      const button = inArticle(el, SHOWCASE.last, '[part=retry-delivery]')!;
      expect(button.localName).to.equal('button');
      await click(button);
      await until(() => text(line(SHOWCASE.last)) === 'Sending…', 'queued again');
      const item = timelineOf(store).find((i) => i.id === SHOWCASE.last);
      expect(item?.type === 'message' && item.delivery?.status).to.equal('queued');
      await setLocale('fr');
      await until(() => text(line(SHOWCASE.reply)) === 'Remis' && text(line(SHOWCASE.last)) === 'Envoi…', 'in French');
    });

    it('is a busy feed while loading', async () => {
      const el = await mount(stories.Loading);
      const feed = root(el).querySelector('[role=feed]')!;
      expect(feed.getAttribute('aria-busy')).to.equal('true');
      expect(text(root(el).querySelector('[part=placeholder]'))).to.equal('Loading the conversation…');
    });
  });

  describe('scrolling and paging', () => {
    it('opens at the bottom with only the newest items rendered', async () => {
      const el = await mount();
      const box = scroller(el);
      expect(box.scrollHeight - box.scrollTop - box.clientHeight).to.be.below(2);
      expect(articles(el).length).to.be.at.most(TIMELINE_WINDOW);
    });

    it('loads older pages when scrolled to the top, keeping the first visible item where it was', async () => {
      const el = await mount();
      const store = el.store!;
      const box = scroller(el);
      const loaded = timelineOf(store).length;
      // The first steps up render what is loaded; the next ones load older pages.
      for (let step = 0; step < 4; step++) {
        const before = articles(el).length;
        box.scrollTop = 0;
        await frames(1);
        const first = articles(el).find((a) => a.getBoundingClientRect().bottom > box.getBoundingClientRect().top + 1)!;
        const firstId = first.dataset['id']!;
        const offset = first.getBoundingClientRect().top - box.getBoundingClientRect().top;
        await until(() => articles(el).length > before, 'older items rendered');
        await frames(3);
        const moved = article(el, firstId)!.getBoundingClientRect().top - box.getBoundingClientRect().top - offset;
        expect(Math.abs(moved), `step ${step}: moved by ${moved}px`).to.be.below(3);
        expect(box.scrollTop).to.be.above(0);
      }
      expect(timelineOf(store).length, 'older pages came through the store').to.be.above(loaded);
    });

    it('keeps loading older pages to the start of the conversation, which it then says', async () => {
      const el = await mount();
      const store = el.store!;
      const box = scroller(el);
      for (let i = 0; i < 30 && store.state.paging.get(SHOWCASE_ID)?.hasMore !== false; i++) {
        box.scrollTop = 0;
        await frames(3);
      }
      for (let i = 0; i < 10; i++) {
        box.scrollTop = 0;
        await frames(3);
      }
      expect(store.state.paging.get(SHOWCASE_ID)?.hasMore).to.be.false;
      expect(text(root(el).querySelector('[part=history-status]'))).to.equal('Start of the conversation');
      const total = timelineOf(store).filter((item) => item.type !== 'note').length;
      expect(articles(el).length).to.equal(total);
      expect(articles(el)[0]!.getAttribute('aria-setsize')).to.equal(String(total));
      expect(articles(el)[0]!.getAttribute('aria-posinset')).to.equal('1');
    });

    it('follows new items while at the bottom, and stays put when scrolled up', async () => {
      const el = await mount();
      const store = el.store!;
      const box = scroller(el);
      store.dispatch('reply', { conversationId: SHOWCASE_ID, itemId: 'reply-1', body: 'One more thing.' });
      await until(() => article(el, 'reply-1') !== null, 'the reply');
      await frames(2);
      expect(box.scrollHeight - box.scrollTop - box.clientHeight).to.be.below(2);

      box.scrollTop = box.scrollTop - 300;
      await frames(2);
      const top = box.scrollTop;
      store.dispatch('reply', { conversationId: SHOWCASE_ID, itemId: 'reply-2', body: 'And another.' });
      await until(() => article(el, 'reply-2') !== null, 'the second reply');
      await frames(2);
      expect(Math.abs(box.scrollTop - top)).to.be.below(2);
    });
  });

  describe('deep links', () => {
    it('loads pages until the message is there, scrolls to it and highlights it', async () => {
      const el = await mount(stories.DeepLink);
      const store = el.store!;
      await until(() => article(el, OLD_MESSAGE_ID)?.getAttribute('aria-current') === 'true', 'the linked message', 8000);
      await frames(3);
      const target = article(el, OLD_MESSAGE_ID)!;
      expect(target.classList.contains('focused')).to.be.true;
      expect(target.getAttribute('part')).to.contain('focused');
      expect(target.tabIndex, 'the feed’s tab stop').to.equal(0);
      const box = scroller(el).getBoundingClientRect();
      const rect = target.getBoundingClientRect();
      expect(rect.top).to.be.at.least(box.top - 1);
      expect(rect.bottom).to.be.at.most(box.bottom + 1);
      expect(store.state.paging.get(SHOWCASE_ID)?.hasMore, 'the oldest page').to.be.false;

      // The next deep link moves the highlight.
      store.openConversation(SHOWCASE_ID, SHOWCASE.reply);
      await until(() => article(el, SHOWCASE.reply)?.getAttribute('aria-current') === 'true', 'the next link');
      expect(target.hasAttribute('aria-current')).to.be.false;
      expect(target.classList.contains('focused')).to.be.false;
    });

    it('copies a message link from the host’s builder to the clipboard, with an event', async () => {
      const el = await mount();
      const written: string[] = [];
      const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: (value: string) => (written.push(value), Promise.resolve()) },
      });
      try {
        const events: MessageLinkCopyEvent[] = [];
        el.addEventListener('message-link-copy', (e) => events.push(e));
        await click(inArticle(el, SHOWCASE.reply, '[part=copy-link]')!);
        await until(() => events.length > 0, 'the event');
        const url = demoLinkBuilder(SHOWCASE_ID, SHOWCASE.reply);
        expect(written).to.deep.equal([url]);
        expect(events[0]).to.include({ url, conversationId: SHOWCASE_ID, messageId: SHOWCASE.reply, copied: true });
        await el.updateComplete;
        expect(inArticle(el, SHOWCASE.reply, '[part=copy-link]')!.getAttribute('aria-label')).to.equal('Link copied');
        // Alone (nobody took the notice), it says so itself.
        expect(root(el).querySelector('.visually-hidden[role=status]')!.textContent).to.equal('Link copied.');

        // No clipboard (an insecure page): the event still tells the host.
        Object.defineProperty(navigator, 'clipboard', {
          configurable: true,
          value: { writeText: () => Promise.reject(new Error('denied')) },
        });
        await click(inArticle(el, SHOWCASE.inbound, '[part=copy-link]')!);
        await until(() => events.length > 1, 'the second event');
        expect(events[1]!.url).to.equal(demoLinkBuilder(SHOWCASE_ID, SHOWCASE.inbound));
      } finally {
        delete (navigator as { clipboard?: unknown }).clipboard;
        if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
      }
    });

    it('has no "Copy link" without a link builder', async () => {
      const el = await mount(stories.AsAgent);
      expect(exists(root(el).querySelector('[part=copy-link]'))).to.be.false;
      expect(exists(root(el).querySelector('[part=add-note]'))).to.be.true;
    });
  });

  describe('keyboard', () => {
    it('is one tab stop; Page Up / Page Down and the arrows move between items; Tab reaches the item’s actions', async () => {
      const el = await mount();
      const tabbable = articles(el).filter((a) => a.tabIndex === 0);
      expect(tabbable.map((a) => a.dataset['id'])).to.deep.equal([SHOWCASE.last]);
      const before = document.createElement('button');
      before.textContent = 'before';
      el.parentElement!.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(article(el, SHOWCASE.last));
      await sendKeys({ press: 'PageUp' });
      await el.updateComplete;
      const previous = articles(el).at(-2)!;
      expect(deepActive()).to.equal(previous);
      expect(previous.tabIndex).to.equal(0);
      expect(article(el, SHOWCASE.last)!.tabIndex).to.equal(-1);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(deepActive()).to.equal(articles(el).at(-3));
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'PageDown' });
      await el.updateComplete;
      expect(deepActive()).to.equal(article(el, SHOWCASE.last));
      // The last message's delivery failed (R29): its "Send again" comes first, then the actions.
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(inArticle(el, SHOWCASE.last, '[part=retry-delivery]'));
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(inArticle(el, SHOWCASE.last, '[part=copy-link]'));
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(inArticle(el, SHOWCASE.last, '[part=add-note]'));
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement, 'Tab leaves the feed after the item’s actions').to.equal(null);
      before.remove();
    });

    it('Page Up from the oldest rendered item reaches older history', async () => {
      const el = await mount();
      const first = articles(el)[0]!;
      const firstId = first.dataset['id']!;
      first.focus();
      await sendKeys({ press: 'PageUp' });
      await until(() => {
        const active = deepActive() as HTMLElement | null;
        return active?.localName === 'article' && active.dataset['id'] !== firstId;
      }, 'an older item focused');
      const items = timelineOf(el.store!).filter((item) => item.type !== 'note').map((item) => item.id);
      const active = (deepActive() as HTMLElement).dataset['id']!;
      expect(items.indexOf(active)).to.equal(items.indexOf(firstId) - 1);
    });
  });

  describe('notes (R20)', () => {
    const notesOf = (store: InboxStore, messageId: string) =>
      timelineOf(store).filter((item): item is Extract<TimelineItem, { type: 'note' }> => item.type === 'note' && item.messageId === messageId);

    it('adds, edits and deletes a note with real keys and clicks', async () => {
      const el = await mount();
      const store = el.store!;
      await click(inArticle(el, SHOWCASE.last, '[part=add-note]')!);
      await el.updateComplete;
      const field = inArticle<HTMLTextAreaElement>(el, SHOWCASE.last, '[part=note-field]')!;
      expect(deepActive()).to.equal(field);
      await sendKeys({ type: 'Called the customer back.' });
      await chord('Control', 'Enter');
      await el.updateComplete;
      const [added] = notesOf(store, SHOWCASE.last);
      expect(added).to.deep.include({ body: 'Called the customer back.', authorId: 'u-ana', editedAt: null });
      const note = () => inArticle(el, SHOWCASE.last, '[part=note]');
      expect(text(note()!.querySelector('[part=note-body]'))).to.equal('Called the customer back.');
      expect(text(note()!.querySelector('[part=note-author]'))).to.equal('Ana Martín');
      expect(text(note()!.querySelector('[part=internal]'))).to.equal('Internal note');
      expect(exists(inArticle(el, SHOWCASE.last, '[part=note-field]')), 'the form closed').to.be.false;
      expect(deepActive()).to.equal(inArticle(el, SHOWCASE.last, '[part=add-note]'));

      await click(note()!.querySelector<HTMLElement>('[part=edit-note]')!);
      await el.updateComplete;
      const edit = note()!.querySelector<HTMLTextAreaElement>('[part=note-field]')!;
      expect(edit.value).to.equal('Called the customer back.');
      expect(deepActive()).to.equal(edit);
      await chord('Control', 'a');
      await sendKeys({ type: 'Called back twice.' });
      await click(note()!.querySelector<HTMLElement>('[part=save-note]')!);
      await el.updateComplete;
      expect(text(note()!.querySelector('[part=note-body]'))).to.equal('Called back twice.');
      expect(text(note()!.querySelector('[part=edited]'))).to.equal('(edited)');
      expect(notesOf(store, SHOWCASE.last)[0]!.body).to.equal('Called back twice.');

      await click(note()!.querySelector<HTMLElement>('[part=delete-note]')!);
      await el.updateComplete;
      expect(exists(note())).to.be.false;
      expect(notesOf(store, SHOWCASE.last)).to.deep.equal([]);
      expect(deepActive()).to.equal(article(el, SHOWCASE.last));
    });

    it('Escape cancels a note; an empty one is refused with a message and the form stays', async () => {
      const el = await mount();
      await click(inArticle(el, SHOWCASE.last, '[part=add-note]')!);
      await el.updateComplete;
      await chord('Control', 'Enter');
      await el.updateComplete;
      expect(text(inArticle(el, SHOWCASE.last, '.note-form [role=alert]'))).to.equal('A note cannot be empty.');
      expect(deepActive()).to.equal(inArticle(el, SHOWCASE.last, '[part=note-field]'));
      await sendKeys({ type: 'never mind' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(exists(inArticle(el, SHOWCASE.last, '[part=note-form]'))).to.be.false;
      expect(deepActive()).to.equal(inArticle(el, SHOWCASE.last, '[part=add-note]'));
      expect(notesOf(el.store!, SHOWCASE.last)).to.deep.equal([]);
    });

    it('shows Edit and Delete only on the notes of their author', async () => {
      const owner = await mount();
      const buttons = (el: Element, id: string) =>
        [...(inArticle(el, id, '[part=note]')?.querySelectorAll('button') ?? [])].map((b) => b.getAttribute('part'));
      expect(buttons(owner, SHOWCASE.reply), 'Ana’s own note').to.deep.equal(['edit-note', 'delete-note']);
      expect(buttons(owner, SHOWCASE.inbound), 'Léa’s note, seen by Ana').to.deep.equal([]);
      const agent = await mount(stories.AsAgent);
      expect(buttons(agent, SHOWCASE.reply), 'Ana’s note, seen by Léa').to.deep.equal([]);
      expect(buttons(agent, SHOWCASE.inbound), 'Léa’s own note').to.deep.equal(['edit-note', 'delete-note']);
    });

    it('a note the backend refuses is rolled back and comes back in its form, as typed', async () => {
      const transport = new MemoryTransport({ backend: timelineBackend() });
      const send = transport.send.bind(transport);
      transport.send = (command: Command, actorId: string) =>
        command.type === 'addNote'
          ? Promise.resolve({ commandId: command.id, ok: false, refusal: { code: 'conflict', reason: 'Not now.' } })
          : send(command, actorId);
      const store = new Store({ transport, userId: 'u-ana' });
      const el = await mountOn(store);
      await click(inArticle(el, SHOWCASE.last, '[part=add-note]')!);
      await el.updateComplete;
      await sendKeys({ type: 'Keep this text' });
      await click(inArticle(el, SHOWCASE.last, '[part=save-note]')!);
      await until(() => inArticle<HTMLTextAreaElement>(el, SHOWCASE.last, '[part=note-field]')?.value === 'Keep this text', 'the text back');
      expect(notesOf(store, SHOWCASE.last), 'rolled back').to.deep.equal([]);
      expect(exists(inArticle(el, SHOWCASE.last, '[part=note]'))).to.be.false;
      expect(text(inArticle(el, SHOWCASE.last, '.note-form [role=alert]'))).to.equal('The note could not be saved. Try again.');
    });
  });

  describe('e-mail', () => {
    const emailRoot = (el: Element, id: string) => inArticle(el, id, '[part=email]')?.shadowRoot ?? null;

    it('renders e-mail HTML sanitized in its own shadow root, remote images held back until "Show images"', async () => {
      const calls: unknown[] = [];
      (window as { __xss?: (...args: unknown[]) => void }).__xss = (...args) => calls.push(args);
      const el = await mount(stories.Email);
      await until(() => emailRoot(el, EMAIL.remote)?.querySelector('table') != null, 'the e-mail');
      await el.updateComplete;
      const mail = emailRoot(el, EMAIL.remote)!;
      expect(mail.querySelectorAll('script').length).to.equal(0);
      const handlers = [...mail.querySelectorAll('*')].flatMap((node) => node.getAttributeNames().filter((name) => name.startsWith('on')));
      expect(handlers).to.deep.equal([]);
      const banner = mail.querySelector<HTMLImageElement>('img[alt="Spring sale banner"]')!;
      expect(banner.hasAttribute('src')).to.be.false;
      expect(banner.hasAttribute('data-inbox-blocked')).to.be.true;
      expect([...mail.querySelectorAll('table')].at(-1)!.hasAttribute('style'), 'no background image').to.be.false;
      const link = mail.querySelector<HTMLAnchorElement>('a')!;
      expect(link.href).to.equal('https://shop.example.com/track/4821');
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer nofollow');
      // position: fixed is dropped, and the e-mail stays inside its container.
      const fixed = [...mail.querySelectorAll<HTMLElement>('p')].find((p) => p.textContent.includes('Kind regards'))!;
      expect(fixed.style.position).to.equal('');
      const box = inArticle(el, EMAIL.remote, '[part=email]')!.getBoundingClientRect();
      const rect = fixed.getBoundingClientRect();
      expect(rect.top).to.be.at.least(box.top - 1);
      expect(rect.left).to.be.at.least(box.left - 1);
      expect(rect.width).to.be.at.most(box.width + 1);

      const quoted = emailRoot(el, EMAIL.quoted)!;
      await until(() => quoted.querySelector('blockquote') !== null, 'the second e-mail');
      const [unsubscribe, help] = [...quoted.querySelectorAll('a')];
      expect(unsubscribe!.hasAttribute('href'), 'no javascript: link').to.be.false;
      expect(help!.getAttribute('href')).to.equal('mailto:help@shop.example.com');
      expect(exists(inArticle(el, EMAIL.quoted, '[part=show-images]')), 'nothing to show').to.be.false;

      const show = inArticle(el, EMAIL.remote, '[part=show-images]')!;
      expect(text(inArticle(el, EMAIL.remote, '[part=images-blocked]'))).to.contain('Remote images are hidden');
      await click(show);
      await until(() => emailRoot(el, EMAIL.remote)!.querySelector('img[alt="Spring sale banner"]')?.getAttribute('src') === REMOTE_IMAGE, 'the image shown');
      expect(exists(inArticle(el, EMAIL.remote, '[part=show-images]'))).to.be.false;
      expect(deepActive()).to.equal(article(el, EMAIL.remote));
      expect(calls).to.deep.equal([]);
    });

    it('with remote-images, shows them at once', async () => {
      const el = await mount(stories.EmailRemoteImages);
      await until(() => emailRoot(el, EMAIL.remote)?.querySelector('img[alt="Spring sale banner"]') != null, 'the e-mail');
      expect(emailRoot(el, EMAIL.remote)!.querySelector('img[alt="Spring sale banner"]')!.getAttribute('src')).to.equal(REMOTE_IMAGE);
      expect(exists(root(el).querySelector('[part=show-images]'))).to.be.false;
    });
  });

  describe('sanitizeEmail', () => {
    const clean = async (input: string, remoteImages = false) => {
      const { sanitizeEmail } = await import('./email-html.js');
      const box = document.createElement('div');
      box.append(sanitizeEmail(input, { remoteImages }));
      return box;
    };

    it('drops data: and javascript: URLs, forms, frames, styles and focus stealers', async () => {
      const box = await clean(`<img src="data:image/png;base64,AAAA" alt="a"><a href=" java&#9;script:alert(1)">x</a>
        <form action="https://evil.example"><input autofocus onfocus="x()"><button formaction="https://e.example">b</button></form>
        <iframe srcdoc="<script>x()</script>"></iframe><style>*{color:red}</style><div tabindex="1" accesskey="k">t</div>
        <a href="data:text/html,<script>x()</script>">d</a><svg><script>x()</script></svg><math><mtext>m</mtext></math>`);
      expect(box.querySelector('img')!.hasAttribute('src')).to.be.false;
      expect([...box.querySelectorAll('a')].map((a) => a.hasAttribute('href'))).to.deep.equal([false, false]);
      for (const tag of ['form', 'input', 'button', 'iframe', 'style', 'svg', 'math', 'script']) {
        expect(box.querySelector(tag), tag).to.equal(null);
      }
      expect(box.querySelector('div')!.getAttributeNames()).to.deep.equal([]);
    });

    it('holds back every kind of remote image unless allowed, and allows only http(s) ones', async () => {
      const html = `<img src="https://a.example/1.png" srcset="https://a.example/2.png 2x" alt="x">
        <table background="https://a.example/bg.png"><tr><td style="background: url(https://a.example/3.png) red">c</td></tr></table>
        <p style="background-image: image-set('https://a.example/4.png' 1x)">p</p><img src="cid:part1" alt="inline">`;
      const blocked = await clean(html);
      const [img, cid] = [...blocked.querySelectorAll('img')];
      expect(img!.getAttributeNames().sort()).to.deep.equal(['alt', 'data-inbox-blocked']);
      expect(cid!.hasAttribute('src')).to.be.false;
      expect(blocked.querySelector('table')!.hasAttribute('background')).to.be.false;
      const cell = blocked.querySelector('td')!.getAttribute('style')!;
      // Its colour moved where the dark theme can drop it (see the dark e-mail test).
      expect(cell).to.contain('--_mail-background: red');
      expect(cell).not.to.contain('url(');
      expect(blocked.querySelector('p')!.hasAttribute('style')).to.be.false;
      const { countBlocked } = await import('./email-html.js');
      expect(countBlocked(blocked)).to.equal(3);

      const shown = await clean(html, true);
      expect(shown.querySelector('img')!.getAttribute('src')).to.equal('https://a.example/1.png');
      expect(shown.querySelector('img')!.getAttribute('srcset')).to.equal('https://a.example/2.png 2x');
      expect(shown.querySelector('table')!.getAttribute('background')).to.equal('https://a.example/bg.png');
      expect(shown.querySelector('td')!.getAttribute('style')).to.contain('url("https://a.example/3.png")');
      expect(shown.querySelector('p')!.hasAttribute('style'), 'image-set is never trusted').to.be.false;
    });

    it('moves an e-mail’s text and background colours (inline, <font color>, bgcolor) where only light mode applies them', async () => {
      const box = await clean(`<table bgcolor="#ffffff"><tr><td style="background: #fafafa; color: #222; padding: 4px">
        <font color="red">x</font></td></tr></table><p style="--_mail-color: url(https://a.example/x)">y</p>`);
      expect(box.querySelector('table')!.getAttribute('style')).to.equal('--_mail-background: #ffffff;');
      expect(box.querySelector('table')!.hasAttribute('bgcolor')).to.be.false;
      expect(box.querySelector('td')!.getAttribute('style')).to.equal('padding: 4px; --_mail-color: rgb(34, 34, 34); --_mail-background: rgb(250, 250, 250);');
      expect(box.querySelector<HTMLElement>('font')!.getAttribute('style')).to.equal('--_mail-color: red;');
      expect(box.querySelector('p')!.hasAttribute('style'), 'an e-mail’s own try at the property is not a colour: dropped').to.be.false;
    });

    it('drops CSS that hides a URL behind escapes or var()', async () => {
      const box = await clean(`<p style="background: var(--x, url(https://a.example/1.png))">a</p>
        <p style="background-image: u\\72l(https://a.example/2.png)">b</p><p style="--x: url(https://a.example/3.png); color: blue">c</p>`);
      const styles = [...box.querySelectorAll('p')].map((p) => p.getAttribute('style'));
      expect(styles.slice(0, 2)).to.deep.equal([null, null]);
      expect(styles[2]).to.equal('--_mail-color: blue;');
    });
  });

  describe('e-mails in the dark theme', () => {
    type Rgba = [number, number, number, number];
    /** A computed colour: rgb()/rgba(), or color(srgb …) as color-mix() computes. */
    const parse = (value: string): Rgba => {
      const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)/.exec(value);
      if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
      const rgb = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)/.exec(value);
      if (!rgb) throw new Error(`a colour? ${value}`);
      return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const [R, G, B] = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const contrast = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    /** The background a node is drawn on: the nearest opaque one up its tree, across shadow roots. */
    const backgroundOf = (start: Element): { color: Rgba; owner: Element } => {
      const up = (node: Element): Element | null => {
        const root = node.getRootNode();
        return node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
      };
      for (let node: Element | null = start; node; node = up(node)) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color[3] > 0.5) return { color, owner: node };
      }
      return { color: [255, 255, 255, 1], owner: document.body };
    };
    const textIn = (root: ShadowRoot): Element[] => {
      const found: Element[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.nodeValue ?? '').trim() !== '' && node.parentElement) found.push(node.parentElement);
      }
      return found;
    };
    async function emailOf(story: stories.Story): Promise<ShadowRoot> {
      const el = await mount(story);
      const email = inArticle(el, EMAIL.remote, '[part=email]')!;
      await until(() => email.shadowRoot?.querySelector('table') !== null && email.shadowRoot?.querySelector('table') !== undefined, 'the sanitized e-mail');
      return email.shadowRoot!;
    }

    it('keeps the body text at 4.5:1 or more on its actual background, with no light slab', async () => {
      const shadow = await emailOf(stories.EmailDark);
      const texts = textIn(shadow);
      expect(texts.length).to.be.above(4);
      for (const element of texts) {
        const color = parse(getComputedStyle(element).color);
        const { color: background, owner } = backgroundOf(element);
        const label = `"${element.textContent.trim().slice(0, 30)}" on <${owner.localName}>`;
        expect(contrast(color, background), label).to.be.at.least(4.5);
        expect(luminance(background), `${label}: a dark background`).to.be.below(0.2);
      }
      // The e-mail's structure is kept: its table, its link, its image held back.
      expect(shadow.querySelector('table td')).to.not.equal(null);
      expect(shadow.querySelector('a[href]')).to.not.equal(null);
      expect(shadow.querySelector('img[data-inbox-blocked]')).to.not.equal(null);
    });

    it('shows the e-mail’s own colours in the light theme', async () => {
      const shadow = await emailOf(stories.Email);
      expect(getComputedStyle(shadow.querySelector('td')!).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(shadow.querySelector('td')!).color).to.equal('rgb(0, 0, 0)');
      expect(getComputedStyle(shadow.querySelector<HTMLElement>('font')!).color).to.equal('rgb(85, 85, 85)');
      expect(getComputedStyle(shadow.querySelector('div')!).backgroundColor).to.equal('rgb(244, 244, 244)');
    });
  });

  describe('rendering', () => {
    it('renders only the newest items of 5,000, quickly', async function () {
      this.timeout(30_000);
      const demo = generateDemoData({ conversations: 200, seed: 42 });
      const id = demo.longTimelineIds[0]!;
      const items = demo.timelineFor(id);
      let pages = 0;
      const transport: Transport = {
        connect: () => EMPTY,
        send: () => new Promise(() => undefined),
        // The whole history once; then, as each new element asks for the newest page, nothing new.
        timeline: () => Promise.resolve({ conversationId: id, items: pages++ === 0 ? items : [], hasMore: false }),
      };
      const store = new Store({ transport, userId: 'u-ana' });
      stores.push(store);
      store.receive({ kind: 'snapshot', seq: 0, snapshot: demo.snapshot });
      await store.ready;
      await store.loadTimeline(id);
      expect(timelineOf(store, id).length).to.equal(5000);
      const box = await fixture<HTMLElement>(html`<div style="block-size: 560px; display: flex; flex-direction: column"></div>`);
      const times: number[] = [];
      for (let run = 0; run < 7; run++) {
        box.replaceChildren();
        await frames(1);
        const start = performance.now();
        const el = document.createElement('conversation-timeline');
        el.store = store;
        el.conversationId = id;
        box.append(el);
        await el.updateComplete;
        scroller(el).getBoundingClientRect(); // style and layout done: what the first paint needs
        times.push(performance.now() - start);
        expect(articles(el).length).to.be.at.most(TIMELINE_WINDOW);
        expect(articles(el).at(-1)!.dataset['id']).to.equal(items.at(-1)!.id);
      }
      const median = [...times].sort((a, b) => a - b)[3]!;
      console.log(`conversation-timeline: 5,000 items to first paint, median ${median.toFixed(1)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`);
      expect(median).to.be.below(100);
    });

    it('does not re-render for state it does not show (typing elsewhere, other conversations)', async () => {
      const el = await mount();
      const store = el.store!;
      let renders = 0;
      const host = el as unknown as { render(): unknown };
      const render = host.render.bind(el);
      host.render = () => {
        renders++;
        return render();
      };
      store.setSearch('typing in a search box');
      store.setPresence(SHOWCASE_ID, true);
      store.dispatch('markUnread', { ids: ['c-0'] });
      store.setChecked(['c-1']);
      await frames(3);
      expect(renders).to.equal(0);
      store.dispatch('reply', { conversationId: SHOWCASE_ID, itemId: 'reply-x', body: 'Shown' });
      await frames(2);
      expect(renders).to.be.above(0);
    });
  });

  describe('stories', () => {
    for (const [name, story] of Object.entries(stories) as [string, stories.Story][]) {
      if (!['Loading', 'ShortThread', 'LongThread', 'Email', 'EmailRemoteImages', 'DeepLink', 'Empty', 'AsAgent', 'Dark', 'EmailDark', 'French', 'Spanish'].includes(name)) continue;
      it(`${name} passes axe`, async () => {
        const el = await mount(story);
        if (story === stories.DeepLink) {
          await until(() => article(el, OLD_MESSAGE_ID)?.getAttribute('aria-current') === 'true', 'the linked message', 8000);
        }
        if (story === stories.Email || story === stories.EmailDark) await until(() => exists(root(el).querySelector('[part=show-images]')), 'the e-mail');
        await expect(el).to.be.accessible();
      });
    }

    it('speaks French', async () => {
      const el = await mount(stories.French);
      expect(inArticle(el, SHOWCASE.last, '[part=copy-link]')!.getAttribute('aria-label')).to.equal('Copier le lien');
      expect(text(inArticle(el, SHOWCASE.comment, '[part=internal]'))).to.equal('Interne');
      expect(text(inArticle(el, SHOWCASE.call, '[part=call-summary]'))).to.equal('Sortant · 4:05');
      expect(text(inArticle(el, SHOWCASE.done, '[part=event]')).split(' · ')[0]).to.equal('Léa l’a marquée comme terminée');
    });
  });
});
