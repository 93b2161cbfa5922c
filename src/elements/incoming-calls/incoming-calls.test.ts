import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../define.js';
import { IncomingCalls } from './incoming-calls.js';
import type { CallAnswerEvent, CallDeclineEvent } from '../../events/call-events.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import { findCall } from '../../model/calls.js';
import type { InboxStore } from '../../store/inbox-store.js';
import meta, * as stories from '../../../stories/incoming-calls.stories.js';
import { callStory, storyOf } from '../../../stories/call-story.js';
import { deepActive, ready, renderStory, settle } from '../../../test/navigation-fixtures.js';

type Calls = IncomingCalls & { store?: InboxStore | undefined };

const shadow = (el: Element) => el.shadowRoot!;
const filterButton = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('[part=filter]');
const choices = (el: Element) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[role=menuitemradio]')];
const choiceNames = (el: Element) => choices(el).map((t) => t.textContent.replace(/\s+/g, ' ').trim());
const chosen = (el: Element) => choices(el).find((t) => t.getAttribute('aria-checked') === 'true');
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[part=call]')];
const names = (el: Element) => rows(el).map((r) => r.querySelector('[part=name]')!.textContent.trim());
const button = (row: Element, name: 'answer' | 'decline') => row.querySelector<HTMLButtonElement>(`[part=${name}]`)!;

/** The store the list uses: its own, or the provider's. */
function storeOf(el: Calls): InboxStore {
  return el.store ?? el.closest('inbox-provider')!.store!;
}

async function calls(story: stories.Story = stories.Several): Promise<{ root: HTMLElement; el: Calls; store: InboxStore }> {
  const root = await renderStory(meta, story);
  const el = await ready(root, 'incoming-calls', false);
  const store = storeOf(el);
  await store.ready;
  await storyOf(store).setup;
  await settle(el);
  return { root, el, store };
}

/** A real pointer click in the middle of `target`. */
async function click(target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

function collect<K extends 'call-answer' | 'call-decline'>(el: EventTarget, type: K): HTMLElementEventMap[K][] {
  const events: HTMLElementEventMap[K][] = [];
  el.addEventListener(type, (e) => events.push(e as HTMLElementEventMap[K]));
  return events;
}

describe('<incoming-calls>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('incoming-calls')).to.equal(IncomingCalls);
  });

  it('lists every ringing call, longest waiting first, with who, which line and how long', async () => {
    const { el, store } = await calls();
    expect(choiceNames(el)).to.deep.equal(['All 6', 'Assigned to me 1', 'Unassigned 2']);
    expect(chosen(el)!.dataset['filter']).to.equal('all');
    expect(filterButton(el)!.getAttribute('aria-label')).to.equal('Which calls: All');
    expect(rows(el)).to.have.length(6);
    const waits = rows(el).map((r) => r.querySelector('[part=waiting]')!.textContent.replace(/\D/g, ''));
    expect(waits[0]! >= '0135', `longest first, waited ${waits[0]!}`).to.be.true;
    expect([...waits].sort().reverse()).to.deep.equal(waits);
    const first = el.calls[0]!;
    expect(first.conversation.assignee).to.deep.equal({ type: 'user', id: 'u-lea' });
    const row = rows(el)[0]!;
    expect(row.querySelector('[part=name]')!.textContent).to.equal(first.contact!.name);
    // Their number; the line that rings in its tooltip.
    expect(row.querySelector('[part=details]')!.textContent).to.equal(first.contact!.phones[0]);
    expect(row.querySelector('[part=details]')!.getAttribute('title')).to.contain(first.channel!.name);
    expect(row.querySelector('[part=avatar]')).to.exist;
    expect(row.querySelector('[part=owner]')!.textContent).to.equal('Assigned to you');
    expect(button(row, 'answer').getAttribute('aria-label')).to.equal(`Answer call from ${first.contact!.name}`);
    expect(store.state.model.users.get(store.userId)!.visibility).to.equal('all');
  });

  it('chooses which calls show with a menu button (Enter, arrows, Home/End, Esc), each choice with its count', async () => {
    const { el } = await calls();
    const all = el.calls.map((e) => e.call.id);
    const button = filterButton(el)!;
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive() === choices(el)[0], 'focus on All');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.filter).to.equal('mine');
    expect(deepActive(), 'focus back on the button').to.equal(button);
    expect(button.getAttribute('aria-label')).to.equal('Which calls: Assigned to me');
    expect(el.calls.map((e) => e.conversation.assignee?.id)).to.deep.equal(['u-lea']);
    expect(rows(el)).to.have.length(1);

    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => deepActive() === choices(el).at(-1), 'focus on the last choice');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.filter).to.equal('unassigned');
    expect(el.calls).to.have.length(2);
    expect(el.calls.every((e) => e.conversation.assignee === null)).to.be.true;
    expect(rows(el).map((r) => r.querySelector('[part=owner]')!.textContent)).to.deep.equal(['Unassigned', 'Unassigned']);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => choices(el).includes(deepActive() as HTMLButtonElement), 'the menu again');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.filter).to.equal('all');
    expect(el.calls.map((e) => e.call.id)).to.deep.equal(all);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Escape' });
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.filter, 'Esc changes nothing').to.equal('all');
  });

  it('is a compact strip: one line per call, the filter beside the first (no row of its own), several within a height that scrolls', async () => {
    for (const width of [320, 480, 900]) {
      const { el } = await calls({ ...stories.Several, args: { ...stories.Several.args, width } });
      const box = (e: Element) => e.getBoundingClientRect();
      for (const row of rows(el)) {
        expect(box(row).height, `${width} px: one line`).to.be.at.most(40);
        const middle = box(row).top + box(row).height / 2;
        for (const part of ['name', 'waiting', 'answer', 'decline']) {
          const node = row.querySelector(`[part=${part}]`)!;
          expect(Math.abs(box(node).top + box(node).height / 2 - middle), `${width} px: ${part} on the line`).to.be.below(6);
        }
      }
      const first = rows(el)[0]!;
      expect(Math.abs(box(filterButton(el)!).top - box(first).top), `${width} px: the filter beside the first call`).to.be.below(6);
      expect(box(filterButton(el)!).right).to.be.at.most(box(el).right);
      const list = shadow(el).querySelector<HTMLElement>('[part=list]')!;
      expect(box(list).height, `${width} px: at most the max height`).to.be.at.most(161);
      expect(list.scrollHeight, `${width} px: six calls scroll`).to.be.above(list.clientHeight);
      // With nothing to say, the status line takes no room.
      expect(box(shadow(el).querySelector('[part=status]')!).height).to.equal(0);
    }
  });

  it('says what happened with an inbox-notice; inserts nothing when the inbox shows it', async () => {
    const { root, el } = await calls(stories.Unassigned);
    const notices: { message: string; tone: string }[] = [];
    root.addEventListener('inbox-notice', (event) => {
      const notice = event as Event & { message: string; tone: string };
      notices.push({ message: notice.message, tone: notice.tone });
      event.preventDefault();
    });
    const name = el.calls[0]!.contact!.name;
    const before = el.getBoundingClientRect().height;
    await click(button(rows(el)[0]!, 'decline'));
    await settle(el);
    expect(notices).to.deep.equal([{ message: `Declined the call from ${name}.`, tone: 'info' }]);
    expect(shadow(el).querySelector('[part=status]')!.textContent).to.equal('');
    expect(el.getBoundingClientRect().height, 'one call fewer, nothing added').to.be.below(before);
  });

  it('R10 answering an unassigned contact’s call assigns it to me, opens it, and moves it to the card', async () => {
    const { root, el, store } = await calls(stories.WithCard);
    const card = root.querySelector('call-card')!;
    expect(shadow(card).querySelector('[part=empty]')!.textContent).to.contain('No call in progress');
    el.filter = 'unassigned';
    await el.updateComplete;
    const entry = el.calls[0]!;
    const { conversation, call } = entry;
    expect(conversation.assignee).to.equal(null);
    expect(entry.contact!.ownerId ?? null).to.equal(null);
    const events = collect(root, 'call-answer');

    await click(button(rows(el)[0]!, 'answer'));
    await settle(el);

    expect(events).to.have.length(1);
    const event: CallAnswerEvent = events[0]!;
    expect(event).to.include({ conversationId: conversation.id, itemId: call.id, contactId: conversation.contactId });
    expect(event.bubbles && event.composed && event.cancelable).to.be.true;
    const model = store.state.model;
    expect(model.conversations.get(conversation.id)!.assignee).to.deep.equal({ type: 'user', id: store.userId });
    expect(model.contacts.get(conversation.contactId)!.ownerId).to.equal(store.userId);
    expect(findCall(model, conversation.id, call.id)!.call).to.include({ state: 'active', agentId: store.userId });
    expect(store.state.ui.openId).to.equal(conversation.id);
    expect(el.calls.map((e) => e.call.id)).not.to.include(call.id);
    expect(choiceNames(el)).to.deep.equal(['All 5', 'Assigned to me 1', 'Unassigned 1']);
    // Alone (nobody took the notice), the element says it itself.
    expect(shadow(el).querySelector('[part=status]')!.textContent).to.contain(`Answered the call from ${entry.contact!.name}`);
    // The backend agrees (the store's state is confirmed, nothing pending).
    await waitUntil(() => store.state.pending.length === 0, 'the backend confirms');
    expect(storyOf(store).backend.state.conversations.get(conversation.id)!.assignee?.id).to.equal(store.userId);

    await card.updateComplete;
    expect(shadow(card).querySelector('[part=name]')!.textContent).to.equal(entry.contact!.name);
    expect(shadow(card).querySelector('[part=state]')!.textContent).to.contain('On call');
    expect(shadow(card).querySelector('[role=timer]')).to.exist;
  });

  it('a cancelled call-answer leaves the call ringing for the host to answer', async () => {
    const { el, store } = await calls(stories.Unassigned);
    el.addEventListener('call-answer', (e) => e.preventDefault());
    const { call, conversation } = el.calls[0]!;
    button(rows(el)[0]!, 'answer').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(findCall(store.state.model, conversation.id, call.id)!.call.state).to.equal('ringing');
    expect(store.state.model.conversations.get(conversation.id)!.assignee).to.equal(null);
    expect(rows(el)).to.have.length(2);
  });

  it('declining fires call-decline, the call stops ringing and focus moves to the next call', async () => {
    const { el, store } = await calls();
    const events = collect(el, 'call-decline');
    const [first, second] = el.calls;
    button(rows(el)[0]!, 'decline').focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(events).to.have.length(1);
    const event: CallDeclineEvent = events[0]!;
    expect(event).to.include({ conversationId: first!.conversation.id, itemId: first!.call.id, contactId: first!.conversation.contactId });
    expect(findCall(store.state.model, first!.conversation.id, first!.call.id)!.call.state).to.equal('declined');
    expect(store.state.model.conversations.get(first!.conversation.id)!.assignee?.id, 'declining assigns nobody new').to.equal('u-lea');
    expect(rows(el)).to.have.length(5);
    expect(el.calls[0]!.call.id).to.equal(second!.call.id);
    expect(deepActive()).to.equal(button(rows(el)[0]!, 'answer'));
    expect(shadow(el).querySelector('[part=status]')!.textContent).to.contain('Declined the call');
  });

  it('a call that rings while the list is open joins it live', async () => {
    const { el, store } = await calls(stories.Empty);
    expect(rows(el)).to.have.length(0);
    expect(shadow(el).querySelector('[part=empty]')!.textContent).to.equal('No calls are ringing.');
    storyOf(store).scene.ring({ target: { kind: 'unassigned' }, rungFor: 0 });
    await waitUntil(() => rows(el).length === 1, 'the new call shows');
    expect(choiceNames(el)[0]).to.equal('All 1');
  });

  it('compact (the inbox\'s dock): one fixed line, the longest-waiting call; a "+N" tab shows the others and hides them; a second call never changes the height', async () => {
    const { el, store } = await calls(stories.Empty);
    el.compact = true;
    const scene = storyOf(store).scene;
    scene.ring({ target: { kind: 'unassigned' }, rungFor: 30 });
    await waitUntil(() => rows(el).length === 1, 'the first call shows');
    const more = () => shadow(el).querySelector<HTMLButtonElement>('[part=more]');
    expect(more(), 'one call: no tab').to.equal(null);
    const box = el.getBoundingClientRect();
    const first = names(el)[0];
    scene.ring({ target: { kind: 'unassigned' }, rungFor: 0 });
    scene.ring({ target: { kind: 'unassigned' }, rungFor: 0 });
    await waitUntil(() => more() !== null, 'the tab shows');
    expect(rows(el), 'still one line').to.have.length(1);
    expect(names(el)[0], 'the longest-waiting call').to.equal(first);
    const after = el.getBoundingClientRect();
    expect([after.top, after.height], 'the strip neither moved nor grew').to.deep.equal([box.top, box.height]);
    expect(more()!.textContent.trim()).to.equal('+2');
    expect(more()!.getAttribute('aria-label')).to.equal('Show 2 more ringing calls');
    expect(more()!.getAttribute('aria-expanded')).to.equal('false');
    await click(more()!);
    await waitUntil(() => rows(el).length === 3, 'the other calls show');
    expect(more()!.getAttribute('aria-expanded')).to.equal('true');
    more()!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(el).length === 1, 'one line again');
    await setLocale('fr');
    await settle(el);
    expect(more()!.getAttribute('aria-label')).to.equal('Afficher 2 autres appels en attente');
  });

  it('after a reload it finds the calls that were already ringing (loading their timelines)', async () => {
    const { store } = callStory('u-lea', { before: (scene) => scene.ring({ target: { kind: 'unassigned' }, rungFor: 12 }) });
    const el = await fixture<IncomingCalls>(html`<incoming-calls .store=${store}></incoming-calls>`);
    await store.ready;
    await waitUntil(() => rows(el).length === 1, 'the ringing call shows');
    const { conversation } = el.calls[0]!;
    expect(conversation.assignee).to.equal(null);
    // It came from a timeline page (paging is set by loadTimeline only), not from a live event.
    expect(store.state.paging.get(conversation.id)).to.include({ loading: false });
  });

  it('the waiting time counts up every second', async () => {
    const { el } = await calls(stories.Unassigned);
    const newest = el.calls[1]!.call;
    let now = newest.at + 7000;
    el.now = () => now;
    await el.updateComplete;
    const waiting = () => rows(el)[1]!.querySelector('[part=waiting]')!.textContent.replace(/[^\d:]/g, '');
    expect(waiting()).to.equal('0:07');
    now += 65_000;
    await waitUntil(() => waiting() === '1:12', 'the ticker re-renders within a second', { timeout: 2500 });
  });

  it('R14 an agent with visibility self sees only their own calls, with no filter to choose', async () => {
    const { el, store } = await calls(stories.AgentSelf);
    expect(filterButton(el), 'one choice: no control').to.equal(null);
    expect(el.calls.map((e) => e.conversation.assignee?.id)).to.deep.equal([store.userId]);
    // Asking for another filter changes nothing R14 forbids.
    el.filter = 'all';
    await el.updateComplete;
    expect(el.calls.map((e) => e.conversation.assignee?.id)).to.deep.equal([store.userId]);
    expect(rows(el)).to.have.length(1);
  });

  it('R14 an agent with visibility team sees their team’s calls and has no Unassigned tab', async () => {
    const { el, store } = await calls(stories.AgentTeam);
    expect(choiceNames(el)).to.deep.equal(['All 1', 'Assigned to me 1']);
    expect(names(el)).to.have.length(1);
    expect(el.calls[0]!.conversation.assignee?.id).to.equal(store.userId);
  });

  it('is localized (French story)', async () => {
    const { el } = await calls(stories.French);
    expect(choiceNames(el)).to.deep.equal(['Tous 6', 'Assignés à moi 1', 'Non assignés 2']);
    expect(button(rows(el)[0]!, 'answer').getAttribute('aria-label')).to.equal(`Répondre à l’appel de ${el.calls[0]!.contact!.name}`);
  });

  describe('is accessible', () => {
    for (const name of ['Several', 'Unassigned', 'Empty', 'AgentSelf', 'AgentTeam', 'WithCard', 'Narrow', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const { root } = await calls(stories[name]);
        await expect(root).to.be.accessible();
      });
    }
  });
});
