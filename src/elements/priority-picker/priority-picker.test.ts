import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { PriorityPicker } from './priority-picker.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import type { Id } from '../../model/types.js';
import meta, * as stories from '../../../stories/priority-picker.stories.js';
import { deepActive, nextClose, ready, renderStory } from '../../../test/navigation-fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const options = (el: PriorityPicker) => [...shadow(el).querySelectorAll<HTMLElement>('[role=option]')];
const labelOf = (option: Element) => option.querySelector('.label')!.textContent.trim();

async function openStory(story: stories.Story = stories.Default): Promise<{ el: PriorityPicker; ids: readonly Id[] }> {
  const root = await renderStory(meta, story);
  const el = await ready(root, 'priority-picker');
  const store = el.store!;
  const ids = store.selectors.list(store.state).slice(0, 3).map((c) => c.id);
  el.ids = ids;
  await el.updateComplete;
  return { el, ids };
}

describe('<priority-picker>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('priority-picker')).to.equal(PriorityPicker);
  });

  it('offers none, low, medium, high and urgent, marking the priority all targets share (R19)', async () => {
    const { el, ids } = await openStory();
    el.store!.dispatch('setPriority', { ids, priority: 'high' });
    el.show();
    await el.updateComplete;
    expect(options(el).map(labelOf)).to.deep.equal(['No priority', 'Low', 'Medium', 'High', 'Urgent']);
    expect(options(el).map((o) => o.getAttribute('aria-selected'))).to.deep.equal(['false', 'false', 'false', 'true', 'false']);
    expect(shadow(el).querySelector('.option.active .label')?.textContent.trim()).to.equal('High');

    el.store!.dispatch('setPriority', { ids: [ids[0]!], priority: 'low' });
    await el.updateComplete;
    expect(options(el).every((o) => o.getAttribute('aria-selected') === 'false')).to.be.true;
  });

  it('sets urgent on every id with type-ahead and Enter, then closes back to the trigger', async () => {
    const { el, ids } = await openStory();
    const trigger = shadow(el).querySelector<HTMLButtonElement>('[part=trigger]')!;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'u' });
    await el.updateComplete;
    expect(shadow(el).querySelector('.option.active .label')?.textContent.trim()).to.equal('Urgent');
    const closed = nextClose(el);
    await sendKeys({ press: 'Enter' });
    expect((await closed).command).to.equal('setPriority');
    for (const id of ids) expect(el.store!.state.model.conversations.get(id)?.priority).to.equal('urgent');
    expect(deepActive()).to.equal(trigger);
  });

  it('sets each priority with arrows, and with the pointer', async () => {
    const { el, ids } = await openStory();
    const priorityOf = () => new Set(ids.map((id) => el.store!.state.model.conversations.get(id)?.priority));
    el.store!.dispatch('setPriority', { ids, priority: 'none' });
    for (const [steps, expected] of [[1, 'low'], [1, 'medium'], [1, 'high']] as const) {
      el.show();
      await el.updateComplete;
      for (let i = 0; i < steps; i++) await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      expect([...priorityOf()]).to.deep.equal([expected]);
    }
    el.show();
    await el.updateComplete;
    shadow(el).querySelector<HTMLElement>('[data-key=none]')!.click();
    expect([...priorityOf()]).to.deep.equal(['none']);
  });

  it('is localized (French story)', async () => {
    const { el } = await openStory(stories.French);
    el.show();
    await el.updateComplete;
    expect(options(el).map(labelOf)).to.deep.equal(['Sans priorité', 'Basse', 'Moyenne', 'Haute', 'Urgente']);
  });

  describe('is accessible', () => {
    for (const name of ['Default', 'Open', 'Loading', 'Empty', 'AgentSelf', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const root = await renderStory(meta, stories[name]);
        const el = await ready(root, 'priority-picker', name !== 'Loading');
        await expect(el).to.be.accessible();
      });
    }
  });
});
