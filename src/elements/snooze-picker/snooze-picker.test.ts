import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { SnoozePicker, snoozeUntil } from './snooze-picker.js';
import { PickerCloseEvent } from '../../events/picker-close.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import type { Id } from '../../model/types.js';
import meta, * as stories from '../../../stories/snooze-picker.stories.js';
import { deepActive, nextClose, ready, renderStory } from '../../../test/navigation-fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const optionLabels = (el: SnoozePicker) =>
  [...shadow(el).querySelectorAll('[role=option] .label')].map((n) => n.textContent.trim());
const activeLabel = (el: SnoozePicker) => shadow(el).querySelector('.option.active .label')?.textContent.trim();

async function openStory(story: stories.Story = stories.Default): Promise<{ el: SnoozePicker; ids: readonly Id[] }> {
  const root = await renderStory(meta, story);
  const el = await ready(root, 'snooze-picker');
  const store = el.store!;
  const ids = store.selectors.list(store.state).slice(0, 3).map((c) => c.id);
  el.ids = ids;
  await el.updateComplete;
  return { el, ids };
}

describe('<snooze-picker>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('snooze-picker')).to.equal(SnoozePicker);
  });

  describe('presets (R18)', () => {
    // Wednesday 2026-03-04 14:30 local time.
    const wednesday = new Date(2026, 2, 4, 14, 30).getTime();

    it('in an hour, tomorrow at 9:00, next Monday at 9:00, until the next message', () => {
      expect(snoozeUntil('hour', wednesday)).to.equal(wednesday + 3_600_000);
      expect(snoozeUntil('tomorrow', wednesday)).to.equal(new Date(2026, 2, 5, 9).getTime());
      expect(snoozeUntil('next-week', wednesday)).to.equal(new Date(2026, 2, 9, 9).getTime());
      expect(snoozeUntil('next-message', wednesday)).to.equal('next-message');
    });

    it('next week is a week away on a Monday and the next day on a Sunday', () => {
      expect(snoozeUntil('next-week', new Date(2026, 2, 9, 8).getTime())).to.equal(new Date(2026, 2, 16, 9).getTime());
      expect(snoozeUntil('next-week', new Date(2026, 2, 8, 20).getTime())).to.equal(new Date(2026, 2, 9, 9).getTime());
    });

  });

  it('opens from its trigger with the keyboard, focuses the list and marks the trigger expanded', async () => {
    const { el } = await openStory();
    const trigger = shadow(el).querySelector<HTMLButtonElement>('[part=trigger]')!;
    expect(trigger.getAttribute('aria-haspopup')).to.equal('listbox');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.open).to.be.true;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(shadow(el).querySelector('.panel')!.matches(':popover-open')).to.be.true;
    expect(deepActive()?.getAttribute('role')).to.equal('listbox');
    expect(optionLabels(el)).to.deep.equal(['In an hour', 'Tomorrow', 'Next week', 'Until the contact replies']);
    expect(activeLabel(el)).to.equal('In an hour');
  });

  it('snoozes every id until tomorrow with ArrowDown and Enter, then closes and returns focus', async () => {
    const { el, ids } = await openStory();
    const store = el.store!;
    const trigger = shadow(el).querySelector<HTMLButtonElement>('[part=trigger]')!;
    trigger.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeLabel(el)).to.equal('Tomorrow');
    const listbox = shadow(el).querySelector('[role=listbox]')!;
    expect(listbox.getAttribute('aria-activedescendant')).to.equal(shadow(el).querySelector('.option.active')!.id);
    const closed = nextClose(el);
    await sendKeys({ press: 'Enter' });
    const event = await closed;
    expect(event).to.be.instanceOf(PickerCloseEvent);
    expect(event.reason).to.equal('applied');
    expect(event.command).to.equal('snooze');
    const tomorrow = snoozeUntil('tomorrow', Date.now());
    for (const id of ids) expect(store.state.model.conversations.get(id)?.snoozedUntil).to.equal(tomorrow);
    expect(el.open).to.be.false;
    expect(deepActive()).to.equal(trigger);
  });

  it('snoozes until the contact replies with End and Space, and wraps with the arrows', async () => {
    const { el, ids } = await openStory();
    el.show();
    await el.updateComplete;
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(activeLabel(el)).to.equal('Until the contact replies');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(activeLabel(el)).to.equal('In an hour');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    for (const id of ids) expect(el.store!.state.model.conversations.get(id)?.snoozedUntil).to.equal('next-message');
  });

  it('snoozes for an hour with the pointer', async () => {
    const { el, ids } = await openStory();
    shadow(el).querySelector<HTMLButtonElement>('[part=trigger]')!.click();
    await el.updateComplete;
    const before = Date.now();
    shadow(el).querySelector<HTMLElement>('[data-key=hour]')!.click();
    for (const id of ids) {
      const until = el.store!.state.model.conversations.get(id)?.snoozedUntil as number;
      expect(until).to.be.within(before + 3_600_000, Date.now() + 3_600_000);
    }
    expect(el.open).to.be.false;
  });

  it('snoozes until a date and time typed in the inbox language, not the browser\'s', async () => {
    const { el, ids } = await openStory();
    await setLocale('fr');
    el.show();
    await el.updateComplete;
    const field = shadow(el).querySelector<HTMLInputElement>('[part=date]')!;
    const time = shadow(el).querySelector<HTMLInputElement>('[part=time]')!;
    const apply = shadow(el).querySelector<HTMLButtonElement>('[part=apply]')!;
    expect(field.type, 'a text field in the inbox order, not the browser date picker').to.equal('text');
    expect(field.placeholder).to.equal('jj/mm/aaaa');
    expect(apply.disabled).to.be.true;
    field.focus();
    await sendKeys({ type: '15/06/2031' });
    time.focus();
    await sendKeys({ type: '10h30' });
    await el.updateComplete;
    expect(apply.disabled).to.be.false;
    apply.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const when = new Date(2031, 5, 15, 10, 30).getTime();
    for (const id of ids) expect(el.store!.state.model.conversations.get(id)?.snoozedUntil).to.equal(when);
    expect(el.open).to.be.false;
  });

  it('refuses a date that is not one, or is past, and says how to type it', async () => {
    const { el } = await openStory();
    el.show();
    await el.updateComplete;
    const field = shadow(el).querySelector<HTMLInputElement>('[part=date]')!;
    expect(field.placeholder).to.equal('mm/dd/yyyy');
    for (const text of ['02/31/2031', '01/01/2020']) {
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await el.updateComplete;
      expect(shadow(el).querySelector<HTMLButtonElement>('[part=apply]')!.disabled, text).to.be.true;
      expect(field.getAttribute('aria-invalid'), text).to.equal('true');
    }
  });

  it('closes on Esc without a command and gives focus back to what had it (no trigger)', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="row">row</button><snooze-picker no-trigger></snooze-picker>
    </div>`);
    const el = root.querySelector('snooze-picker')!;
    el.store = (await openStory()).el.store;
    const row = root.querySelector<HTMLButtonElement>('#row')!;
    row.focus();
    el.show();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=trigger]')).to.be.null;
    expect(deepActive()?.getAttribute('role')).to.equal('listbox');
    const closed = nextClose(el);
    await sendKeys({ press: 'Escape' });
    expect((await closed).reason).to.equal('cancel');
    expect(document.activeElement).to.equal(row);
  });

  it('keeps its keys to itself, so a list shortcut (E, Esc) never fires while it is open', async () => {
    const { el } = await openStory();
    const seen: string[] = [];
    const listen = (e: KeyboardEvent) => seen.push(e.key);
    document.addEventListener('keydown', listen);
    try {
      el.show();
      await el.updateComplete;
      await sendKeys({ press: 'e' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Escape' });
    } finally {
      document.removeEventListener('keydown', listen);
    }
    expect(seen).to.deep.equal([]);
  });

  it('closes when the pointer goes down outside it', async () => {
    const { el } = await openStory();
    el.show();
    await el.updateComplete;
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(el.open).to.be.false;
  });

  it('acts on the checked conversations when given no ids', async () => {
    const { el } = await openStory();
    const store = el.store!;
    const ids = store.selectors.list(store.state).slice(3, 5).map((c) => c.id);
    el.ids = [];
    store.setChecked(ids);
    el.show();
    await el.updateComplete;
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    for (const id of ids) expect(store.state.model.conversations.get(id)?.snoozedUntil).to.equal('next-message');
  });

  for (const [name, labels] of [
    ['French', ['Dans une heure', 'Demain', 'La semaine prochaine', 'Jusqu’à la réponse du contact']],
    ['Spanish', ['En una hora', 'Mañana', 'La próxima semana', 'Hasta que el contacto responda']],
  ] as const) {
    it(`is localized (${name} story)`, async () => {
      const { el } = await openStory(stories[name]);
      el.show();
      await el.updateComplete;
      expect(optionLabels(el)).to.deep.equal(labels);
    });
  }

  describe('is accessible', () => {
    for (const name of ['Default', 'Open', 'Loading', 'Empty', 'AgentSelf', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const root = await renderStory(meta, stories[name]);
        const el = await ready(root, 'snooze-picker', name !== 'Loading');
        await expect(el).to.be.accessible();
      });
    }
  });
});
