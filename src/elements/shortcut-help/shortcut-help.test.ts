import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { ShortcutHelp } from './shortcut-help.js';
import { ACTIONS } from '../../controllers/keymap.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import meta, * as stories from '../../../stories/shortcut-help.stories.js';
import { deepActive, renderStory } from '../../../test/navigation-fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const keysOf = (el: ShortcutHelp, action: string) =>
  [...shadow(el).querySelector(`dt[data-action=${action}]`)!.nextElementSibling!.querySelectorAll('.key')].map((k) =>
    [...k.querySelectorAll('kbd')].map((kbd) => kbd.textContent).join('+'),
  );

async function help(story: stories.Story = stories.Default): Promise<{ el: ShortcutHelp; button: HTMLButtonElement }> {
  const root = await renderStory(meta, story);
  const el = root.querySelector('shortcut-help')!;
  await el.updateComplete;
  return { el, button: root.querySelector('button')! };
}

describe('<shortcut-help>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('shortcut-help')).to.equal(ShortcutHelp);
  });

  it('lists every action of the keymap in its group, with its keys', async () => {
    const { el } = await help();
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
    expect([...shadow(el).querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal(['Conversation', 'Navigation', 'Selection', 'General']);
    expect(shadow(el).querySelectorAll('dt')).to.have.length(ACTIONS.length);
    expect(keysOf(el, 'done')).to.deep.equal(['E']);
    expect(keysOf(el, 'next')).to.deep.equal(['J', '↓']);
    expect(keysOf(el, 'selectRange')).to.deep.equal(['Shift+X']);
    expect(keysOf(el, 'palette')).to.deep.equal(['Ctrl+K']);
    expect(keysOf(el, 'back')).to.deep.equal(['Esc']);
    const conversation = shadow(el).querySelector('section')!;
    expect(conversation.textContent).to.contain('Mark done').and.contain('Snooze');
  });

  it('shows a remapped keymap’s own keys (Remapped story)', async () => {
    const { el } = await help(stories.Remapped);
    expect(keysOf(el, 'done')).to.deep.equal(['D', 'Ctrl+Enter']);
    expect(keysOf(el, 'snooze')).to.deep.equal(['H']);
    expect(keysOf(el, 'next')).to.deep.equal(['↓']);
    expect(shadow(el).querySelector('dt[data-action=done]')!.nextElementSibling!.textContent).to.contain('or');
  });

  it('opens from a button, traps focus, closes on Esc and gives focus back', async () => {
    const { el, button } = await help(stories.Closed);
    expect(shadow(el).querySelector('dialog')!.open).to.be.false;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.open).to.be.true;
    expect(deepActive()).to.equal(shadow(el).querySelector('[part=close]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive(), 'the page behind is inert').not.to.equal(button);
    const closed = new Promise((resolve) => el.addEventListener('close', resolve, { once: true }));
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(el.open).to.be.false;
    expect(document.activeElement).to.equal(button);
  });

  it('closes with its close button', async () => {
    const { el, button } = await help(stories.Closed);
    button.click();
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('[part=close]')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('dialog')!.open).to.be.false;
  });

  for (const [name, groups] of [
    ['French', ['Conversation', 'Navigation', 'Sélection', 'Général']],
    ['Spanish', ['Conversación', 'Navegación', 'Selección', 'General']],
  ] as const) {
    it(`is localized (${name} story)`, async () => {
      const { el } = await help(stories[name]);
      expect([...shadow(el).querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal(groups);
    });
  }

  describe('is accessible', () => {
    for (const name of ['Default', 'Closed', 'Remapped', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const { el } = await help(stories[name]);
        await expect(el.parentElement!).to.be.accessible();
      });
    }
  });
});
