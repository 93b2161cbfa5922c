import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { LabelPicker } from './label-picker.js';
import { knownLabels } from '../../model/labels.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import type { Id } from '../../model/types.js';
import meta, * as stories from '../../../stories/label-picker.stories.js';
import { deepActive, nextClose, ready, renderStory } from '../../../test/navigation-fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const option = (el: LabelPicker, label: string) =>
  [...shadow(el).querySelectorAll<HTMLElement>('[role=option]')].find((o) => o.querySelector('.label')!.textContent.trim() === label);
const labels = (el: LabelPicker) => [...shadow(el).querySelectorAll('[role=option] .label')].map((n) => n.textContent.trim());

async function openStory(story: stories.Story = stories.Default): Promise<{ el: LabelPicker; ids: readonly Id[] }> {
  const root = await renderStory(meta, story);
  const el = await ready(root, 'label-picker');
  const store = el.store!;
  const ids = store.selectors.list(store.state).slice(0, 3).map((c) => c.id);
  // Start from a known state: no labels on the targets.
  for (const id of ids) {
    const current = store.state.model.conversations.get(id)!.labels;
    if (current.length) store.dispatch('removeLabels', { ids: [id], labels: current });
  }
  el.ids = ids;
  await el.updateComplete;
  return { el, ids };
}

describe('<label-picker>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('label-picker')).to.equal(LabelPicker);
  });

  it('lists every label of the store, in a multi-select listbox behind a combobox field', async () => {
    const { el } = await openStory();
    el.show();
    await el.updateComplete;
    const all = knownLabels(el.store!.state.model.conversations);
    expect(all).to.include.members(['billing', 'vip', 'lead']);
    expect(labels(el)).to.deep.equal([...all]);
    const field = shadow(el).querySelector('[role=combobox]')!;
    expect(deepActive()).to.equal(field);
    expect(field.getAttribute('aria-controls')).to.equal('listbox');
    expect(shadow(el).querySelector('[role=listbox]')!.getAttribute('aria-multiselectable')).to.equal('true');
  });

  it('shows a label on some targets as mixed, adds it to all, then removes it from all (R19)', async () => {
    const { el, ids } = await openStory();
    const store = el.store!;
    store.dispatch('addLabels', { ids: [ids[0]!], labels: ['vip'] });
    el.show();
    await el.updateComplete;
    expect(option(el, 'vip')!.getAttribute('aria-checked')).to.equal('mixed');
    expect(option(el, 'billing')!.getAttribute('aria-checked')).to.equal('false');

    await sendKeys({ type: 'vip' });
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['vip']);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    for (const id of ids) expect(store.state.model.conversations.get(id)!.labels).to.include('vip');
    expect(el.open, 'stays open for more changes').to.be.true;
    expect(option(el, 'vip')!.getAttribute('aria-checked')).to.equal('true');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    for (const id of ids) expect(store.state.model.conversations.get(id)!.labels).not.to.include('vip');
    expect(option(el, 'vip')!.getAttribute('aria-checked')).to.equal('false');
  });

  it('filters accent- and case-insensitively and moves with the arrows', async () => {
    const { el, ids } = await openStory();
    el.show();
    await el.updateComplete;
    await sendKeys({ type: 'ÍN' });
    await el.updateComplete;
    expect(labels(el)).to.include.members(['billing', 'onboarding', 'shipping']);
    expect(labels(el).at(-1), 'a name that is no label yet can be created').to.equal('Create label "ÍN"');
    expect(labels(el).slice(0, -1).every((l) => l.includes('in'))).to.be.true;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const active = shadow(el).querySelector('.option.active')!;
    expect(shadow(el).querySelector('[role=combobox]')!.getAttribute('aria-activedescendant')).to.equal(active.id);
    const chosen = active.querySelector('.label')!.textContent.trim();
    await sendKeys({ press: 'Enter' });
    for (const id of ids) expect(el.store!.state.model.conversations.get(id)!.labels).to.include(chosen);
  });

  it('creates a new label on every target by typing its name', async () => {
    const { el, ids } = await openStory();
    el.show();
    await el.updateComplete;
    await sendKeys({ type: 'escalated' });
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Create label "escalated"']);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    for (const id of ids) expect(el.store!.state.model.conversations.get(id)!.labels).to.include('escalated');
    expect(shadow(el).querySelector<HTMLInputElement>('[role=combobox]')!.value).to.equal('');
    expect(option(el, 'escalated')!.getAttribute('aria-checked')).to.equal('true');
  });

  it('toggles with the pointer and closes on Esc', async () => {
    const { el, ids } = await openStory();
    el.show();
    await el.updateComplete;
    option(el, 'billing')!.click();
    await el.updateComplete;
    for (const id of ids) expect(el.store!.state.model.conversations.get(id)!.labels).to.include('billing');
    const closed = nextClose(el);
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(el.open).to.be.false;
  });

  it('is localized (Spanish story)', async () => {
    const { el } = await openStory(stories.Spanish);
    el.show();
    await el.updateComplete;
    await sendKeys({ type: 'nueva' });
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Crear la etiqueta «nueva»']);
  });

  describe('is accessible', () => {
    for (const name of ['Default', 'Open', 'Loading', 'Empty', 'AgentSelf', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const root = await renderStory(meta, stories[name]);
        const el = await ready(root, 'label-picker', name !== 'Loading');
        await expect(el).to.be.accessible();
      });
    }
  });
});
