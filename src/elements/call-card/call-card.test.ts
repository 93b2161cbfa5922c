import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../define.js';
import { CallCard } from './call-card.js';
import { callClock, callSummary } from '../shared/call-summary.js';
import type { CallEndEvent, CallRecordEvent } from '../../events/call-events.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import { findCall } from '../../model/calls.js';
import type { InboxStore } from '../../store/inbox-store.js';
import meta, * as stories from '../../../stories/call-card.stories.js';
import { callStory, storyOf } from '../../../stories/call-story.js';
import { ready, renderStory, settle } from '../../../test/navigation-fixtures.js';

type Card = CallCard & { store?: InboxStore | undefined };

const shadow = (el: Element) => el.shadowRoot!;
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the element type they expect
const part = <T extends HTMLElement = HTMLElement>(el: Element, name: string) => shadow(el).querySelector<T>(`[part~=${name}]`);
const text = (el: Element, name: string) => part(el, name)?.textContent.replace(/\s+/g, ' ').trim() ?? null;

async function card(story: stories.Story = stories.Active): Promise<{ root: HTMLElement; el: Card; store: InboxStore }> {
  const root = await renderStory(meta, story);
  const el = await ready(root, 'call-card');
  const store = el.store!;
  await storyOf(store).setup;
  await settle(el);
  if (story.args?.scene === 'conversation' || story.args?.scene === 'ended') await waitUntil(() => el.call !== null, 'the conversation’s timeline loads');
  return { root, el, store };
}

async function click(target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

function collect<K extends 'call-record' | 'call-end'>(el: EventTarget, type: K): HTMLElementEventMap[K][] {
  const events: HTMLElementEventMap[K][] = [];
  el.addEventListener(type, (e) => events.push(e as HTMLElementEventMap[K]));
  return events;
}

describe('<call-card>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('call-card')).to.equal(CallCard);
  });

  it('formats times as m:ss, and h:mm:ss from an hour on, digits through Intl.NumberFormat', () => {
    expect([0, 7, 83, 600, 3599, 3723].map((s) => callClock(s, 'en'))).to.deep.equal(['0:00', '0:07', '1:23', '10:00', '59:59', '1:02:03']);
    expect(callClock(3723, 'fr')).to.equal('1:02:03');
  });

  it('shows the user’s call in progress: who, which way, its state and a running timer', async () => {
    const { el, store } = await card();
    const entry = el.call!;
    expect(entry.call).to.include({ state: 'active', agentId: store.userId, direction: 'in' });
    expect(text(el, 'name')).to.equal(entry.contact!.name);
    expect(part(el, 'avatar')).to.exist;
    expect(text(el, 'details')).to.contain(entry.contact!.phones[0]);
    expect(text(el, 'state')).to.equal('Incoming · On call');
    expect(part(el, 'call-summary')!.classList.contains('call-badge--success')).to.be.true;
    expect(part(el, 'state')!.getAttribute('role')).to.equal('status');
    const timer = part(el, 'timer')!;
    expect(timer.getAttribute('role')).to.equal('timer');
    expect(timer.getAttribute('aria-live')).to.equal('off');
    expect(timer.parentElement!.querySelector('.visually-hidden')!.textContent).to.contain('Call duration');
    const [mm, ss] = timer.textContent.split(':').map(Number);
    expect(mm! * 60 + ss!).to.be.within(stories.TALKED_FOR, stories.TALKED_FOR + 5);
    expect(el.matches(':state(active)')).to.be.true;
    expect(part(el, 'record')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('the timer advances every second', async () => {
    const { el } = await card();
    const answeredAt = el.call!.call.answeredAt!;
    let now = answeredAt + 59_000;
    el.now = () => now;
    await el.updateComplete;
    expect(text(el, 'timer')).to.equal('0:59');
    now += 1000;
    await waitUntil(() => text(el, 'timer') === '1:00', 'the ticker re-renders within a second', { timeout: 2500 });
    now += 3600_000;
    await waitUntil(() => text(el, 'timer') === '1:01:00', 'and again', { timeout: 2500 });
  });

  it('Record toggles: fires call-record, records through the store and shows it pressed', async () => {
    const { el, store } = await card();
    const events = collect(el, 'call-record');
    const { conversation, call } = el.call!;
    await click(part(el, 'record')!);
    await settle(el);
    expect(events).to.have.length(1);
    const event: CallRecordEvent = events[0]!;
    expect(event).to.include({ conversationId: conversation.id, itemId: call.id, recording: true });
    expect(event.bubbles && event.composed && event.cancelable).to.be.true;
    expect(findCall(store.state.model, conversation.id, call.id)!.call.recording).to.be.true;
    expect(part(el, 'record')!.getAttribute('aria-pressed')).to.equal('true');
    expect(text(el, 'recording')).to.equal('Recording');
    expect(el.matches(':state(recording)')).to.be.true;

    part(el, 'record')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events.map((e) => e.recording)).to.deep.equal([true, false]);
    expect(findCall(store.state.model, conversation.id, call.id)!.call.recording).to.be.false;
    expect(part(el, 'record')!.getAttribute('aria-pressed')).to.equal('false');
    expect(part(el, 'recording')).to.be.null;
  });

  it('a cancelled call-record changes nothing: the card shows what the store reports', async () => {
    const { el, store } = await card(stories.Recording);
    el.addEventListener('call-record', (e) => e.preventDefault());
    const { conversation, call } = el.call!;
    expect(part(el, 'record')!.getAttribute('aria-pressed')).to.equal('true');
    await click(part(el, 'record')!);
    await settle(el);
    expect(findCall(store.state.model, conversation.id, call.id)!.call.recording).to.be.true;
    expect(part(el, 'record')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('End fires call-end with the duration, dispatches endCall and shows the outcome', async () => {
    const { el, store } = await card();
    const events = collect(el, 'call-end');
    const { conversation, call } = el.call!;
    el.now = () => call.answeredAt! + 100_000;
    part(el, 'end')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events).to.have.length(1);
    const event: CallEndEvent = events[0]!;
    expect(event).to.include({ conversationId: conversation.id, itemId: call.id, duration: 100 });
    expect(findCall(store.state.model, conversation.id, call.id)!.call).to.include({ state: 'ended', duration: 100 });
    await waitUntil(() => store.state.pending.length === 0, 'the backend confirms');
    expect(findCall(storyOf(store).backend.state, conversation.id, call.id)!.call.state).to.equal('ended');
    expect(part(el, 'state')).to.be.null;
    expect(text(el, 'outcome')).to.equal('Incoming · 1:40');
    expect(part(el, 'controls')).to.be.null;
    expect(part(el, 'timer')).to.be.null;
    expect(el.matches(':state(over)')).to.be.true;
  });

  it('a cancelled call-end leaves the call to the host’s telephony', async () => {
    const { el, store } = await card();
    el.addEventListener('call-end', (e) => e.preventDefault());
    const { conversation, call } = el.call!;
    await click(part(el, 'end')!);
    await settle(el);
    expect(findCall(store.state.model, conversation.id, call.id)!.call.state).to.equal('active');
    expect(part(el, 'end')).to.exist;
  });

  it('shows how an ended call went and how long it lasted (Ended story)', async () => {
    const { el } = await card(stories.Ended);
    expect(el.call!.call).to.include({ state: 'ended', duration: 185, recording: true });
    expect(text(el, 'outcome')).to.equal('Incoming · 3:05 Recorded');
    expect(part(el, 'controls')).to.be.null;
  });

  it('an outgoing call rings: Record waits for an answer, End hangs up (no answer)', async () => {
    const { el } = await card(stories.Outgoing);
    expect(text(el, 'state')).to.equal('Outgoing · Ringing');
    expect(part<HTMLButtonElement>(el, 'record')!.disabled).to.be.true;
    expect(el.matches(':state(ringing)')).to.be.true;
    await click(part(el, 'end')!);
    await settle(el);
    expect(el.call!.call.state).to.equal('missed');
    expect(text(el, 'outcome')).to.equal('Outgoing · No answer');
    expect(part(el, 'call-summary')!.classList.contains('call-badge--danger')).to.be.true;
  });

  it('with nothing going on it says so, and picks up a call the user answers', async () => {
    const { el, store } = await card(stories.Empty);
    expect(text(el, 'empty')).to.equal('No call in progress.');
    storyOf(store).scene.answered(store.userId, 5);
    await waitUntil(() => el.call?.call.state === 'active', 'the answered call shows');
    expect(text(el, 'state')).to.equal('Incoming · On call');
  });

  it('after a reload it finds the call the user is on (loading their recent call conversations)', async () => {
    const { store } = callStory('u-lea', { before: (scene) => scene.answered('u-lea', 30) });
    const el = await fixture<CallCard>(html`<call-card .store=${store}></call-card>`);
    await store.ready;
    await waitUntil(() => el.call?.call.state === 'active', 'the call in progress shows');
    expect(text(el, 'timer')).to.match(/^0:3\d$/);
    expect(store.state.paging.has(el.call!.conversation.id), 'from a timeline page').to.be.true;
  });

  it('alone with conversation-id it loads that conversation and shows its newest call', async () => {
    const { el } = await card(stories.ForConversation);
    expect(el.conversationId).to.be.a('string');
    expect(el.call!.conversation.id).to.equal(el.conversationId);
    expect(el.call!.call.state).to.equal('ended');
    expect(text(el, 'outcome')).to.contain(callSummary(el.call!.call, 'en'));
  });

  it('is localized (French story)', async () => {
    const { el } = await card(stories.French);
    expect(text(el, 'end')).to.equal('Raccrocher');
    expect(text(el, 'state')).to.equal('Entrant · En ligne');
  });

  it('says direction, outcome and duration of every kind of call', () => {
    const call = (direction: 'in' | 'out', state: 'ringing' | 'active' | 'missed' | 'declined' | 'ended', duration = 0, recording = false) => ({ direction, state, duration, recording });
    expect(callSummary(call('in', 'missed'), 'en')).to.equal('Missed call');
    expect(callSummary(call('in', 'missed', 32, true), 'en')).to.equal('Voicemail · 0:32');
    expect(callSummary(call('in', 'missed', 0, true), 'en')).to.equal('Voicemail');
    expect(callSummary(call('in', 'ended', 252), 'en')).to.equal('Incoming · 4:12');
    expect(callSummary(call('out', 'ended', 45), 'en')).to.equal('Outgoing · 0:45');
    expect(callSummary(call('out', 'missed'), 'en')).to.equal('Outgoing · No answer');
    expect(callSummary(call('in', 'declined'), 'en')).to.equal('Incoming · Declined');
    expect(callSummary(call('in', 'ringing'), 'en')).to.equal('Incoming · Ringing');
    expect(callSummary(call('out', 'active'), 'en')).to.equal('Outgoing · On call');
  });

  describe('is accessible', () => {
    for (const name of ['Active', 'Recording', 'Ended', 'Outgoing', 'Empty', 'ForConversation', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const { root } = await card(stories[name]);
        await expect(root).to.be.accessible();
      });
    }
  });
});
