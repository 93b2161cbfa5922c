import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { AssigneePicker } from './assignee-picker.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import type { Id } from '../../model/types.js';
import meta, * as stories from '../../../stories/assignee-picker.stories.js';
import { nextClose, ready, renderStory } from '../../../test/navigation-fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const options = (el: AssigneePicker) => [...shadow(el).querySelectorAll<HTMLElement>('[role=option]')];
const labelOf = (o: Element) => o.querySelector('.label')!.textContent.trim();
const option = (el: AssigneePicker, label: string) => options(el).find((o) => labelOf(o) === label);
const activeLabel = (el: AssigneePicker) => shadow(el).querySelector('.option.active .label')?.textContent.trim();

async function openStory(story: stories.Story = stories.Default): Promise<{ el: AssigneePicker; ids: readonly Id[] }> {
  const root = await renderStory(meta, story);
  const el = await ready(root, 'assignee-picker');
  const store = el.store!;
  const ids = store.selectors.list(store.state).slice(0, 3).map((c) => c.id);
  el.ids = ids;
  await el.updateComplete;
  return { el, ids };
}

describe('<assignee-picker>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('assignee-picker')).to.equal(AssigneePicker);
  });

  it('groups nobody, people, bots and teams; marks deactivated and away people', async () => {
    const { el } = await openStory();
    el.show();
    await el.updateComplete;
    const groups = [...shadow(el).querySelectorAll('[role=group] .group-label')].map((g) => g.textContent.trim());
    expect(groups).to.deep.equal(['People', 'Bots', 'Teams']);
    expect(labelOf(options(el)[0]!)).to.equal('Nobody');
    expect(option(el, 'Welcome bot')).to.exist;
    expect(option(el, 'Sales')).to.exist;
    const claire = option(el, 'Claire Petit')!;
    expect(claire.getAttribute('aria-disabled')).to.equal('true');
    expect(claire.querySelector('.description')!.textContent).to.equal('deactivated');
    expect(option(el, 'Olivia Brown')!.querySelector('.description')!.textContent).to.equal('away');
  });

  it('assigns every id to a person found by typing, accents ignored (R10)', async () => {
    const { el, ids } = await openStory();
    const trigger = shadow(el).querySelector<HTMLButtonElement>('[part=trigger]')!;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ type: 'lea rou' });
    await el.updateComplete;
    expect(options(el).map(labelOf)).to.deep.equal(['Léa Rousseau']);
    const closed = nextClose(el);
    await sendKeys({ press: 'Enter' });
    expect((await closed).command).to.equal('assign');
    for (const id of ids) expect(el.store!.state.model.conversations.get(id)!.assignee).to.deep.equal({ type: 'user', id: 'u-lea' });
  });

  it('assigns to a bot, then to nobody, and moves to a team', async () => {
    const { el, ids } = await openStory();
    const conversation = (id: Id) => el.store!.state.model.conversations.get(id)!;
    el.show();
    await el.updateComplete;
    await sendKeys({ type: 'welcome' });
    await sendKeys({ press: 'Enter' });
    for (const id of ids) expect(conversation(id).assignee).to.deep.equal({ type: 'bot', id: 'b-welcome' });

    el.show();
    await el.updateComplete;
    expect(activeLabel(el), 'the current assignee is highlighted').to.equal('Welcome bot');
    await sendKeys({ type: 'nob' });
    await sendKeys({ press: 'Enter' });
    for (const id of ids) expect(conversation(id).assignee).to.be.null;

    el.show();
    await el.updateComplete;
    option(el, 'Sales')!.click();
    for (const id of ids) expect(conversation(id).teamId).to.equal('t-sales');
  });

  it('skips deactivated people with the arrows and ignores a click on them', async () => {
    const { el, ids } = await openStory();
    const before = ids.map((id) => el.store!.state.model.conversations.get(id)!.assignee);
    el.show();
    await el.updateComplete;
    await sendKeys({ type: 'claire' });
    await el.updateComplete;
    expect(activeLabel(el)).to.be.undefined;
    option(el, 'Claire Petit')!.click();
    await sendKeys({ press: 'Enter' });
    expect(ids.map((id) => el.store!.state.model.conversations.get(id)!.assignee)).to.deep.equal(before);
    expect(el.open).to.be.true;
  });

  it('is localized (French story)', async () => {
    const { el } = await openStory(stories.French);
    el.show();
    await el.updateComplete;
    expect(labelOf(options(el)[0]!)).to.equal('Personne');
    const groups = [...shadow(el).querySelectorAll('[role=group] .group-label')].map((g) => g.textContent.trim());
    expect(groups).to.deep.equal(['Personnes', 'Bots', 'Équipes']);
  });

  describe('is accessible', () => {
    for (const name of ['Default', 'Open', 'Loading', 'Empty', 'AgentSelf', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const root = await renderStory(meta, stories[name]);
        const el = await ready(root, 'assignee-picker', name !== 'Loading');
        await expect(el).to.be.accessible();
      });
    }
  });
});
