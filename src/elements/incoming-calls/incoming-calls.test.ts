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
const tabs = (el: Element) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[role=tab]')];
const tabNames = (el: Element) => tabs(el).map((t) => t.textContent.replace(/\s+/g, ' ').trim());
const selectedTab = (el: Element) => tabs(el).find((t) => t.getAttribute('aria-selected') === 'true');
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
    expect(tabNames(el)).to.deep.equal(['All 6', 'Assigned to me 1', 'Unassigned 2']);
    expect(selectedTab(el)!.textContent).to.contain('All');
    expect(rows(el)).to.have.length(6);
    const waits = rows(el).map((r) => r.querySelector('[part=waiting]')!.textContent.replace(/\D/g, ''));
    expect(waits[0]! >= '0135', `longest first, waited ${waits[0]!}`).to.be.true;
    expect([...waits].sort().reverse()).to.deep.equal(waits);
    const first = el.calls[0]!;
    expect(first.conversation.assignee).to.deep.equal({ type: 'user', id: 'u-lea' });
    const row = rows(el)[0]!;
    expect(row.querySelector('[part=name]')!.textContent).to.equal(first.contact!.name);
    expect(row.querySelector('[part=details]')!.textContent).to.contain(first.contact!.phones[0]);
    expect(row.querySelector('[part=details]')!.textContent).to.contain(first.channel!.name);
    expect(row.querySelector('[part=owner]')!.textContent).to.equal('Assigned to you');
    expect(button(row, 'answer').getAttribute('aria-label')).to.equal(`Answer call from ${first.contact!.name}`);
    expect(store.state.model.users.get(store.userId)!.visibility).to.equal('all');
  });

  it('switches tabs with the arrow keys, Home and End, and each tab filters its calls', async () => {
    const { el } = await calls();
    const all = el.calls.map((e) => e.call.id);
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selectedTab(el)!.id).to.equal('tab-mine');
    expect(deepActive()).to.equal(selectedTab(el));
    expect(el.filter).to.equal('mine');
    expect(el.calls.map((e) => e.conversation.assignee?.id)).to.deep.equal(['u-lea']);
    expect(rows(el)).to.have.length(1);

    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(selectedTab(el)!.id).to.equal('tab-unassigned');
    expect(el.calls).to.have.length(2);
    expect(el.calls.every((e) => e.conversation.assignee === null)).to.be.true;
    expect(rows(el).map((r) => r.querySelector('[part=owner]')!.textContent)).to.deep.equal(['Unassigned', 'Unassigned']);

    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selectedTab(el)!.id, 'wraps around').to.equal('tab-all');
    expect(el.calls.map((e) => e.call.id)).to.deep.equal(all);
    expect(shadow(el).querySelector('[role=tabpanel]')!.getAttribute('aria-labelledby')).to.equal('tab-all');
  });

  it('R10 answering an unassigned contact’s call assigns it to me, opens it, and moves it to the card', async () => {
    const { root, el, store } = await calls(stories.WithCard);
    const card = root.querySelector('call-card')!;
    expect(shadow(card).querySelector('[part=empty]')!.textContent).to.contain('No call in progress');
    tabs(el)[2]!.click();
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
    expect(tabNames(el)).to.deep.equal(['All 5', 'Assigned to me 1', 'Unassigned 1']);
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
    expect(tabNames(el)[0]).to.equal('All 1');
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
    expect(waiting()).to.equal('00:07');
    now += 65_000;
    await waitUntil(() => waiting() === '01:12', 'the ticker re-renders within a second', { timeout: 2500 });
  });

  it('R14 an agent with visibility self sees only their own calls, under Assigned to me', async () => {
    const { el, store } = await calls(stories.AgentSelf);
    expect(tabNames(el)).to.deep.equal(['Assigned to me 1']);
    expect(selectedTab(el)!.id).to.equal('tab-mine');
    expect(el.calls.map((e) => e.conversation.assignee?.id)).to.deep.equal([store.userId]);
    // Asking for another tab changes nothing R14 forbids.
    el.filter = 'all';
    await el.updateComplete;
    expect(selectedTab(el)!.id).to.equal('tab-mine');
    expect(rows(el)).to.have.length(1);
  });

  it('R14 an agent with visibility team sees their team’s calls and has no Unassigned tab', async () => {
    const { el, store } = await calls(stories.AgentTeam);
    expect(tabNames(el)).to.deep.equal(['All 1', 'Assigned to me 1']);
    expect(names(el)).to.have.length(1);
    expect(el.calls[0]!.conversation.assignee?.id).to.equal(store.userId);
  });

  it('is localized (French story)', async () => {
    const { el } = await calls(stories.French);
    expect(tabNames(el)).to.deep.equal(['Tous 6', 'Assignés à moi 1', 'Non assignés 2']);
    expect(button(rows(el)[0]!, 'answer').textContent.trim()).to.equal('Répondre');
  });

  describe('is accessible', () => {
    for (const name of ['Several', 'Unassigned', 'Empty', 'AgentSelf', 'AgentTeam', 'WithCard', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const { root } = await calls(stories[name]);
        await expect(root).to.be.accessible();
      });
    }
  });
});
