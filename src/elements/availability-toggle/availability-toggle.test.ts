import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { AvailabilityToggle } from './availability-toggle.js';
import type { NextConversationEvent } from '../../events/next-conversation.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import { nextForRouting } from '../../model/rules.people.js';
import type { InboxStore } from '../../store/inbox-store.js';
import meta, * as stories from '../../../stories/availability-toggle.stories.js';
import { deepActive, ready, renderStory } from '../../../test/navigation-fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the element type they expect
const part = <T extends HTMLElement = HTMLElement>(el: Element, name: string) => shadow(el).querySelector<T>(`[part=${name}]`);
const me = (store: InboxStore) => store.state.model.users.get(store.userId)!;

async function toggle(story: stories.Story = stories.Available): Promise<AvailabilityToggle & { store?: InboxStore | undefined }> {
  const root = await renderStory(meta, story);
  return ready(root, 'availability-toggle', story !== stories.Loading);
}

function nextEvents(el: HTMLElement): NextConversationEvent[] {
  const events: NextConversationEvent[] = [];
  el.addEventListener('next-conversation', (e) => events.push(e));
  return events;
}

describe('<availability-toggle>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('availability-toggle')).to.equal(AvailabilityToggle);
  });

  const select = (el: Element) => part<HTMLSelectElement>(el, 'select')!;
  const choose = async (el: AvailabilityToggle, value: string) => {
    select(el).value = value;
    select(el).dispatchEvent(new Event('change'));
    await el.updateComplete;
  };

  it('is one named select showing the user’s availability, with a light', async () => {
    const el = await toggle();
    const field = select(el);
    expect(field.closest('label')!.textContent).to.contain('Availability');
    expect(field.value).to.equal('available');
    expect([...field.options].map((o) => o.text.trim())).to.deep.equal([
      'Available',
      'Away',
      'Away · Lunch',
      'Away · Meeting',
      'Away · Break',
      'Away · End of day',
    ]);
    expect(el.matches(':state(available)')).to.be.true;
  });

  it('goes Away with the arrow key, then picks a reason (R11); its size never changes', async () => {
    const el = await toggle();
    const store = el.store!;
    const size = () => [Math.round(el.getBoundingClientRect().width), Math.round(el.getBoundingClientRect().height)];
    const before = size();
    select(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(me(store).availability).to.equal('away');
    expect(deepActive()).to.equal(select(el));
    expect(el.matches(':state(away)')).to.be.true;
    expect(part<HTMLButtonElement>(el, 'next')!.disabled, 'away agents get no new conversations').to.be.true;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(me(store)).to.deep.include({ availability: 'away', awayReason: 'meeting' });
    expect(select(el).selectedOptions[0]!.text.trim()).to.equal('Away · Meeting');
    expect(size()).to.deep.equal(before);
  });

  it('going Available with routing on hands over the conversation waiting longest and opens it', async () => {
    const el = await toggle();
    const store = el.store!;
    store.dispatch('setAvailability', { userId: store.userId, availability: 'away', reason: 'lunch' });
    await el.updateComplete;
    const expected = nextForRouting(store.state.model, { ...me(store), availability: 'available' });
    expect(expected, 'the demo has an unassigned conversation in New').to.exist;
    const events = nextEvents(el);
    select(el).focus();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(me(store).availability).to.equal('available');
    expect(me(store).awayReason).to.be.undefined;
    expect(store.state.model.conversations.get(expected!.id)!.assignee).to.deep.equal({ type: 'user', id: 'u-lea' });
    expect(events.map((e) => e.conversationId)).to.deep.equal([expected!.id]);
    expect(store.state.ui.openId).to.equal(expected!.id);
    // Alone, the toggle tells it itself; inside the app, the toast region does (a notice).
    expect(part(el, 'status')!.textContent).to.contain('assigned to you');
  });

  it('tells what routing did as an inbox-notice, and shows nothing itself when someone takes it', async () => {
    const el = await toggle(stories.RoutingOff);
    const notices: string[] = [];
    el.parentElement!.addEventListener('inbox-notice', (e) => {
      notices.push(e.message);
      e.preventDefault();
    });
    part(el, 'next')!.click();
    await el.updateComplete;
    expect(notices).to.have.length(1);
    expect(notices[0]).to.contain('assigned to you');
    expect(part(el, 'status')!.textContent.trim()).to.equal('');
  });

  it('leaves the open conversation alone when next-conversation is cancelled', async () => {
    const el = await toggle();
    const store = el.store!;
    store.dispatch('setAvailability', { userId: store.userId, availability: 'away' });
    await el.updateComplete;
    const expected = nextForRouting(store.state.model, { ...me(store), availability: 'available' })!;
    el.addEventListener('next-conversation', (e) => e.preventDefault());
    await choose(el, 'available');
    expect(store.state.model.conversations.get(expected.id)!.assignee?.id, 'still handed over').to.equal('u-lea');
    expect(store.state.ui.openId).to.be.null;
  });

  it('with routing off, going Available hands over nothing (RoutingOff story)', async () => {
    const el = await toggle(stories.RoutingOff);
    const store = el.store!;
    store.dispatch('setAvailability', { userId: store.userId, availability: 'away' });
    await el.updateComplete;
    const mine = () => [...store.state.model.conversations.values()].filter((c) => c.assignee?.id === 'u-lea').length;
    const before = mine();
    const events = nextEvents(el);
    await choose(el, 'available');
    expect(me(store).availability).to.equal('available');
    expect(mine()).to.equal(before);
    expect(events).to.have.length(0);
    expect(store.state.ui.openId).to.be.null;
  });

  it('"Get next conversation" takes the next one on demand, with the keyboard', async () => {
    const el = await toggle(stories.RoutingOff);
    const store = el.store!;
    const expected = nextForRouting(store.state.model, me(store))!;
    const events = nextEvents(el);
    const next = part(el, 'next')!;
    expect(next.getAttribute('aria-label')).to.equal('Get next conversation');
    next.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(store.state.model.conversations.get(expected.id)!.assignee).to.deep.equal({ type: 'user', id: 'u-lea' });
    expect(events).to.have.length(1);
    expect(store.state.ui.openId).to.equal(expected.id);
  });

  it('shows an away user’s reason (Away story)', async () => {
    const el = await toggle(stories.Away);
    expect(select(el).value).to.equal('away:lunch');
    expect(el.matches(':state(away)')).to.be.true;
  });

  it('hides the next button on request (NoNext story)', async () => {
    const el = await toggle(stories.NoNext);
    expect(part(el, 'next') === null).to.equal(true);
  });

  for (const [name, labels] of [
    ['French', ['Disponible', 'Absent', 'Absent · Déjeuner']],
    ['Spanish', ['Disponible', 'Ausente', 'Ausente · Almuerzo']],
  ] as const) {
    it(`is localized (${name} story)`, async () => {
      const el = await toggle(stories[name]);
      const texts = [...select(el).options].map((o) => o.text.trim());
      expect(texts.slice(0, 3)).to.deep.equal(labels);
    });
  }

  describe('is accessible', () => {
    for (const name of ['Available', 'Away', 'RoutingOff', 'NoNext', 'Owner', 'Loading', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const el = await toggle(stories[name]);
        await expect(el).to.be.accessible();
      });
    }
  });
});
