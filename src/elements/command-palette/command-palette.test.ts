import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { CommandPalette, matchesQuery } from './command-palette.js';
import type { PaletteActionEvent } from '../../events/palette-action.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import type { InboxStore } from '../../store/inbox-store.js';
import meta, * as stories from '../../../stories/command-palette.stories.js';
import { deepActive, ready, renderStory } from '../../../test/navigation-fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const shownLabels = (el: CommandPalette) => [...shadow(el).querySelectorAll('[role=option] .label')].map((n) => n.textContent.trim());
const activeLabel = (el: CommandPalette) => shadow(el).querySelector('.option.active .label')?.textContent.trim();

async function palette(story: stories.Story = stories.Closed): Promise<{ el: CommandPalette & { store?: InboxStore | undefined }; button: HTMLButtonElement }> {
  const root = await renderStory(meta, story);
  const el = await ready(root, 'command-palette', story !== stories.Loading);
  return { el, button: root.querySelector('button')! };
}

function actions(el: HTMLElement): PaletteActionEvent[] {
  const seen: PaletteActionEvent[] = [];
  el.addEventListener('palette-action', (e) => seen.push(e));
  return seen;
}

describe('<command-palette>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('command-palette')).to.equal(CommandPalette);
  });

  it('matches every word in any order, accents and case ignored', () => {
    expect(matchesQuery('Marquer comme terminée', 'TERMINEE marq')).to.be.true;
    expect(matchesQuery('Mark done', 'done mark')).to.be.true;
    expect(matchesQuery('Mark done', 'mark undone')).to.be.false;
    expect(matchesQuery('Anything', '  ')).to.be.true;
  });

  it('opens as a modal dialog with a combobox over a listbox of every action and view', async () => {
    const { el, button } = await palette();
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const input = shadow(el).querySelector('[role=combobox]')!;
    expect(deepActive()).to.equal(input);
    expect(input.getAttribute('aria-controls')).to.equal('listbox');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const labels = shownLabels(el);
    expect(labels).to.include.members(['Mark done', 'Snooze', 'Keyboard shortcuts', 'Undo', 'All', 'Mine', 'Sales', 'Set yourself away']);
    expect(labels).not.to.include('Command palette');
    expect(input.getAttribute('aria-activedescendant')).to.equal(shadow(el).querySelector('.option.active')!.id);
  });

  it('finds a customer by name, their conversations and contact, and Enter opens one', async () => {
    const { el, button } = await palette();
    const store = el.store!;
    const c = store.selectors.list(store.state)[0]!;
    const contact = store.state.model.contacts.get(c.contactId)!;
    const first = contact.name.split(' ')[0]!;
    button.click();
    await el.updateComplete;
    await sendKeys({ type: first.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase() });
    await el.updateComplete;
    const groups = [...shadow(el).querySelectorAll('.group-label')].map((n) => n.textContent.trim());
    expect(groups).to.include.members(['Conversations', 'Contacts']);
    const labels = shownLabels(el);
    expect(labels.some((l) => l.startsWith(contact.name)), `${contact.name} in ${labels.join(' | ')}`).to.equal(true);
    const option = [...shadow(el).querySelectorAll<HTMLElement>('[role=option]')].find((o) => o.dataset['key']?.startsWith('conversation:'))!;
    option.click();
    for (let i = 0; i < 50 && el.open; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(el.open).to.equal(false);
    expect(store.state.ui.openId).to.equal(option.dataset['key']!.slice('conversation:'.length));
  });

  it('finds "Mark done" by typing with accents and runs it on the checked conversations', async () => {
    const { el, button } = await palette();
    const store = el.store!;
    const ids = store.selectors.list(store.state).slice(0, 3).map((c) => c.id);
    store.setChecked(ids);
    const seen = actions(el);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ type: 'márk DÓNE' });
    await el.updateComplete;
    expect(shownLabels(el)).to.deep.equal(['Mark done']);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    for (const id of ids) expect(store.state.model.conversations.get(id)!.status).to.equal('done');
    expect(seen.map((e) => [e.action, e.handled])).to.deep.equal([['done', true]]);
    expect(el.open).to.be.false;
    expect(document.activeElement, 'focus returns').to.equal(button);

    el.show();
    await el.updateComplete;
    await sendKeys({ type: 'undo' });
    await sendKeys({ press: 'Enter' });
    for (const id of ids) expect(store.state.model.conversations.get(id)!.status).to.equal('open');
  });

  it('hands other actions to the host by name, moving with the arrows', async () => {
    const { el } = await palette();
    const seen = actions(el);
    el.show();
    await el.updateComplete;
    await sendKeys({ type: 'label' });
    await el.updateComplete;
    expect(activeLabel(el)).to.equal('Label');
    await sendKeys({ press: 'Enter' });
    el.show();
    await el.updateComplete;
    await sendKeys({ type: 'conversation' });
    await el.updateComplete;
    const first = activeLabel(el);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeLabel(el)).not.to.equal(first);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(activeLabel(el)).to.equal(first);
    await sendKeys({ press: 'Enter' });
    expect(seen.map((e) => e.action)).to.deep.equal(['label', 'next']);
    expect(seen.every((e) => !e.handled)).to.be.true;
  });

  it('goes to a view by name, and switches availability', async () => {
    const { el } = await palette();
    const store = el.store!;
    el.show();
    await el.updateComplete;
    await sendKeys({ type: 'sales' });
    await sendKeys({ press: 'Enter' });
    expect(store.state.ui.view).to.equal('team:t-sales');
    el.show();
    await el.updateComplete;
    await sendKeys({ type: 'away' });
    await sendKeys({ press: 'Enter' });
    expect(store.state.model.users.get(store.userId)!.availability).to.equal('away');
  });

  it('closes on Esc without running anything, and says when nothing matches', async () => {
    const { el, button } = await palette();
    const seen = actions(el);
    button.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ type: 'zzzz' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[role=option]')!.textContent).to.contain('No matching command');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.be.false;
    expect(seen).to.have.length(0);
    expect(document.activeElement).to.equal(button);
  });

  it('offers only the views the user may open (AgentSelf story)', async () => {
    const { el } = await palette(stories.AgentSelf);
    await sendKeys({ type: 'go to view' });
    await el.updateComplete;
    expect(shownLabels(el)).to.deep.equal(['Mine']);
  });

  it('is localized and finds French names without accents (French story)', async () => {
    const { el } = await palette(stories.French);
    await sendKeys({ type: 'terminee' });
    await el.updateComplete;
    expect(shownLabels(el)).to.include('Marquer comme terminée');
    expect(shadow(el).querySelector('[role=combobox]')!.getAttribute('aria-label')).to.equal('Tapez une commande, une vue, un client');
  });

  describe('is accessible', () => {
    for (const name of ['Default', 'Closed', 'AgentSelf', 'Loading', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const { el } = await palette(stories[name]);
        await expect(el.parentElement!).to.be.accessible();
      });
    }
  });
});
