import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../define.js';
import { ContactPanel } from './contact-panel.js';
import { readableKey } from './contact-labels.js';
import type { ContactFieldsChangeEvent } from '../../events/contact-fields-change.js';
import type { ConversationOpenEvent } from '../../events/conversation-open.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import type { InboxStore } from '../../store/inbox-store.js';
import meta, * as stories from '../../../stories/contact-panel.stories.js';
import {
  DUPLICATE_CONVERSATIONS,
  EMAIL_DUPLICATE,
  PHONE_DUPLICATE,
  RefusingContactsTransport,
  TARGET,
  storySettled,
} from '../../../stories/contact-panel.stories.js';
import { deepActive, ready, renderStory } from '../../../test/navigation-fixtures.js';

type Panel = ContactPanel & { store?: InboxStore | undefined };

const shadow = (el: Element) => el.shadowRoot!;
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the element type they expect
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<T>(selector)];
const text = (el: Node | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const contact = (el: Panel, id: string = TARGET.contactId) => el.store!.state.model.contacts.get(id);

/**
 * A short name for an element, for assertions: chai formats a failing
 * comparison of elements by walking them, store and all, which hangs.
 */
function nameOf(el: Element | null | undefined): string {
  if (!el) return 'nothing';
  const attributes = [...el.attributes]
    .filter((a) => /^(part|data-|aria-label$|slot|type$)/.test(a.name))
    .map((a) => `${a.name}="${a.value}"`);
  return `<${el.localName}${el.id ? `#${el.id}` : ''} ${attributes.join(' ')}>`;
}

/** Focus is on `target` (by identity). */
function expectFocus(target: Element | null | undefined, message = 'focus'): void {
  const active = deepActive();
  if (active !== target) throw new Error(`${message}: on ${nameOf(active)}, not ${nameOf(target)}`);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function until(check: () => boolean, what: string, timeout = 4000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await nextFrame();
  }
}

async function panel(story: stories.Story = stories.Details, extra: Partial<stories.ContactPanelArgs> = {}): Promise<Panel> {
  const root = await renderStory(meta, story, extra);
  const el = await ready(root, 'contact-panel');
  await storySettled(el);
  await el.updateComplete;
  // Its width decides its layout (:state(narrow), under 26rem) a few frames after it is first laid
  // out: a click measured before that lands where a button was (a loaded machine made it happen).
  await until(() => el.matches(':state(narrow)') === el.clientWidth < 416, 'the layout for its width');
  return el;
}

/** A real click at the middle of `target`. */
async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Waits until the store has no command in flight (the backend answered). */
async function answered(el: Panel): Promise<void> {
  await until(() => el.store!.state.pending.length === 0, 'the backend answer');
  await el.updateComplete;
}

const fieldLabels = (el: Panel) => $$(el, '[part=fields] dt').map(text);

describe('<contact-panel>', () => {
  afterEach(async () => {
    await resetMouse();
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('in a pane of 18rem (the inbox at 1440 px), in French: each detail has its label and Edit on one line and its value whole on the next', async () => {
    await setLocale('fr');
    try {
      const el = await panel();
      el.style.cssText = 'display: block; inline-size: 18rem';
      await until(() => el.matches(':state(narrow)'), 'the narrow state');
      await nextFrame();
      const fields = $$(el, '[part=field]');
      expect(fields.length).to.be.above(3);
      for (const field of fields) {
        const [label, value, edit] = [...field.children] as HTMLElement[];
        const name = text(label);
        const [l, v, e] = [label!, value!, edit!].map((node) => node.getBoundingClientRect());
        expect(Math.abs(l!.top - e!.top) < 8, `${name}: label and Edit on one line`).to.equal(true);
        expect(v!.top >= l!.bottom - 1, `${name}: the value under them`).to.equal(true);
        expect(v!.width >= field.getBoundingClientRect().width - 1, `${name}: the value has the whole width`).to.equal(true);
      }
      // "Non renseigné" on one line, not cut inside the word.
      const unset = $$(el, '[part=field] .unset')[0];
      if (unset) expect(unset.getClientRects().length, text(unset)).to.equal(1);
      el.style.cssText = 'display: block; inline-size: 40rem';
      await until(() => !el.matches(':state(narrow)'), 'wide again');
    } finally {
      await setLocale('en');
    }
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('contact-panel')).to.equal(ContactPanel);
  });

  describe('details', () => {
    it('shows the contact of conversation-id: name, phones, e-mails, company, country and language', async () => {
      const el = await panel();
      const k = contact(el)!;
      expect(text($(el, '[part=name]'))).to.equal(k.name);
      expect(fieldLabels(el)).to.deep.equal(['Phones', 'E-mails', 'Company', 'Country', 'Language']);
      expect(text($(el, '[data-field=phones] dd'))).to.equal(k.phones.join(' '));
      expect(text($(el, '[data-field=emails] dd'))).to.equal(k.emails[0]);
      expect(text($(el, '[data-field=country] dd'))).to.equal('Switzerland (CH)');
      expect(text($(el, '[data-field=language] dd'))).to.equal('French (fr)');
      expect(text($(el, '[data-field=company] dd'))).to.equal('Not set');
    });

    it('follows the conversation open in the store', async () => {
      const el = await panel(stories.FollowsSelection);
      expect(text($(el, '[part=name]'))).to.equal(contact(el)!.name);
      el.store!.openConversation('c-124');
      await el.updateComplete;
      expect(text($(el, '[part=name]'))).to.equal(contact(el, 'k-124')!.name);
    });

    it('says so when there is no contact', async () => {
      const el = await panel(stories.NoContact);
      expect(text($(el, '[part=empty]'))).to.equal('No contact to show.');
      expect($(el, '[role=tablist]')).to.equal(null);
    });
  });

  describe('editing', () => {
    it('contacts: edits a phone with the keyboard; the store and the backend keep it', async () => {
      const el = await panel();
      $(el, '[data-edit=phones]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const input = $<HTMLInputElement>(el, '[data-editor=phones] input')!;
      expectFocus(input, 'the first input takes focus');
      expect(input.getAttribute('aria-label')).to.equal('Phone 1');
      input.select();
      await sendKeys({ type: '+41 79 555 12 34' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(contact(el)!.phones).to.deep.equal(['+41 79 555 12 34']);
      expect($(el, '[data-editor=phones]'), 'the editor closes').to.equal(null);
      expectFocus($(el, '[data-edit=phones]'));
      expect(text($(el, '[data-field=phones] dd'))).to.equal('+41 79 555 12 34');
      await answered(el);
      expect(contact(el)!.phones, 'confirmed by the backend').to.deep.equal(['+41 79 555 12 34']);
    });

    it('contacts: adds a second phone with Add a phone', async () => {
      const el = await panel();
      await click($(el, '[data-edit=phones]')!);
      await el.updateComplete;
      await click($$(el, '[data-editor=phones] .actions button')[0]!);
      await el.updateComplete;
      const inputs = $$<HTMLInputElement>(el, '[data-editor=phones] input');
      expect(inputs).to.have.length(2);
      expectFocus(inputs[1]);
      await sendKeys({ type: '0041 79 555 12 34' });
      await click($(el, '[data-editor=phones] [part=save]')!);
      await el.updateComplete;
      expect(contact(el)!.phones).to.deep.equal(['+33 6 17 62 47 12', '0041 79 555 12 34']);
    });

    it('contacts: an invalid phone is refused beside the field, the typed value kept, nothing sent', async () => {
      const el = await panel();
      const before = contact(el);
      $(el, '[data-edit=phones]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const input = $<HTMLInputElement>(el, '[data-editor=phones] input')!;
      input.select();
      await sendKeys({ type: '06 12 34' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.value, 'what was typed stays').to.equal('06 12 34');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const error = shadow(el).getElementById(input.getAttribute('aria-describedby')!)!;
      expect(text(error)).to.match(/^Not a valid phone number: write \+ and the country code/);
      expectFocus(input, 'focus stays on the invalid input');
      expect(contact(el), 'the store is unchanged').to.equal(before);
      expect(el.store!.state.pending).to.have.length(0);

      // Typing clears the message; a valid number then saves.
      input.select();
      await sendKeys({ type: '+33 6 12 34 56 78' });
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(contact(el)!.phones).to.deep.equal(['+33 6 12 34 56 78']);
    });

    it('contacts: an invalid e-mail is refused the same way', async () => {
      const el = await panel();
      const before = contact(el);
      await click($(el, '[data-edit=emails]')!);
      // The editor opens and takes the focus once the click has been handled and drawn (later on a loaded machine).
      await until(() => deepActive() !== null && deepActive() === $(el, '[data-editor=emails] input'), 'the e-mail editor focused');
      const input = $<HTMLInputElement>(el, '[data-editor=emails] input')!;
      expectFocus(input);
      input.select();
      await sendKeys({ type: 'louis@faure' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.value).to.equal('louis@faure');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const error = shadow(el).getElementById(input.getAttribute('aria-describedby')!)!;
      expect(text(error)).to.equal('Not a valid e-mail address: write it as name@example.com.');
      expect(contact(el)).to.equal(before);
    });

    it('contacts: a wrong country code is refused; a lower-case one is stored upper case', async () => {
      const el = await panel();
      await click($(el, '[data-edit=country]')!);
      await until(() => deepActive() !== null && deepActive() === $(el, '[data-editor=country] input'), 'the country editor focused');
      const input = $<HTMLInputElement>(el, '[data-editor=country] input')!;
      input.select();
      await sendKeys({ type: 'Suisse' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(contact(el)!.country).to.equal('CH');
      input.select();
      await sendKeys({ type: 'fr' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(contact(el)!.country).to.equal('FR');
      expect(text($(el, '[data-field=country] dd'))).to.equal('France (FR)');
    });

    it('Esc cancels an edit and returns to its Edit button', async () => {
      const el = await panel();
      const before = contact(el);
      $(el, '[data-edit=company]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ type: 'Faure & Fils' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '[data-editor=company]')).to.equal(null);
      expectFocus($(el, '[data-edit=company]'));
      expect(contact(el)).to.equal(before);
    });

    it('edits the name in the header', async () => {
      const el = await panel();
      $(el, '[data-edit=name]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const input = $<HTMLInputElement>(el, '[data-editor=name] input')!;
      input.select();
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid'), 'a contact needs a name').to.equal('true');
      await sendKeys({ type: 'Louis Faure-Martin' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(contact(el)!.name).to.equal('Louis Faure-Martin');
      expect(text($(el, '[part=name]'))).to.equal('Louis Faure-Martin');
    });

    it('a backend refusal reopens the editor with the typed value and the reason (BackendRefusal story)', async () => {
      const el = await panel(stories.BackendRefusal);
      const seen: (readonly string[])[] = [];
      const watching = el.store!.select((s) => s.model.contacts.get(TARGET.contactId)?.phones).subscribe((phones) => {
        if (phones) seen.push(phones);
      });
      $(el, '[data-edit=phones]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      $<HTMLInputElement>(el, '[data-editor=phones] input')!.select();
      await sendKeys({ type: '+41 79 555 12 34' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await until(() => $(el, '[data-editor=phones]') !== null, 'the editor back');
      await el.updateComplete;
      const input = $<HTMLInputElement>(el, '[data-editor=phones] input')!;
      expect(input.value).to.equal('+41 79 555 12 34');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(text(shadow(el).getElementById(input.getAttribute('aria-describedby')!))).to.equal(RefusingContactsTransport.reason);
      watching.unsubscribe();
      expect(seen, 'applied at once, then rolled back').to.deep.equal([['+33 6 17 62 47 12'], ['+41 79 555 12 34'], ['+33 6 17 62 47 12']]);
    });

    it('the EditingInvalidPhone story shows the refused number and its message', async () => {
      const el = await panel(stories.EditingInvalidPhone);
      const input = $<HTMLInputElement>(el, '[data-editor=phones] input')!;
      expect(input.value).to.equal('06 12 34');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '[part=error]')).to.not.equal(null);
    });
  });

  describe('fields', () => {
    it('shows the fields the host chose, in its order (CustomFieldOrder story)', async () => {
      const el = await panel(stories.CustomFieldOrder);
      expect(el.fields).to.deep.equal(['custom:plan', 'company', 'phones']);
      expect(fieldLabels(el)).to.deep.equal(['Plan', 'Company', 'Phones']);
      expect(text($(el, '[data-field="custom:plan"] dd'))).to.equal('Pro');
    });

    it('Customize hides and reorders fields with the keyboard and fires contact-fields-change', async () => {
      const el = await panel();
      const changes: (readonly string[])[] = [];
      el.addEventListener('contact-fields-change', (e: ContactFieldsChangeEvent) => changes.push(e.fields));
      const toggle = $(el, '[part=customize]')!;
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');

      // Hide Language: Tab to its checkbox, Space.
      const languageBox = $$<HTMLInputElement>(el, '[part=customize-menu] input[type=checkbox]')[4]!;
      languageBox.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(changes.at(-1)).to.deep.equal(['phones', 'emails', 'company', 'country']);
      expect(fieldLabels(el)).to.deep.equal(['Phones', 'E-mails', 'Company', 'Country']);

      // Move Company up twice: the button keeps focus until Company is first.
      const up = () => $(el, '[data-move=up][data-field=company]')!;
      up().focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expectFocus(up());
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(changes.at(-1)).to.deep.equal(['company', 'phones', 'emails', 'country']);
      expect(fieldLabels(el)).to.deep.equal(['Company', 'Phones', 'E-mails', 'Country']);
      expect((up() as HTMLButtonElement).disabled).to.equal(true);
      expectFocus($(el, '[data-move=down][data-field=company]'), 'at the top, focus moves to Down');
      expect(text($(el, '[role=status]'))).to.equal('Company moved to position 1 of 4.');

      // Show Language again: it comes last.
      $$<HTMLInputElement>(el, '[part=customize-menu] input[type=checkbox]')[4]!.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(changes.at(-1)).to.deep.equal(['company', 'phones', 'emails', 'country', 'language']);

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expectFocus(toggle);
      await expect(el).to.be.accessible();
    });

    it('reads the fields attribute as a comma list', async () => {
      const el = await panel();
      el.setAttribute('fields', ' language , custom:plan,phones ');
      await el.updateComplete;
      expect(el.fields).to.deep.equal(['language', 'custom:plan', 'phones']);
      expect(fieldLabels(el)).to.deep.equal(['Language', 'Plan', 'Phones']);
      expect(text($(el, '[data-field="custom:plan"] dd'))).to.equal('Not set');
    });
  });

  describe('custom attributes', () => {
    const values = (el: Panel) => $$(el, '[part=fields] [data-field^="custom:"] dd:first-of-type').map(text);
    const customLabels = (el: Panel) => $$(el, '[part=fields] [data-field^="custom:"] dt').map(text);

    it('reads keys as words: camelCase, snake_case, acronyms', () => {
      expect(['customerSince', 'account_id', 'NPSScore', 'VIPLevel', 'plan', 'lifetime-value', 'x'].map(readableKey)).to.deep.equal([
        'Customer since', 'Account id', 'NPS score', 'VIP level', 'Plan', 'Lifetime value', 'X',
      ]);
    });

    it('shows human labels, the host’s (fieldLabels) or the key’s words, and dates and numbers through Intl', async () => {
      const el = await panel(stories.CustomAttributes);
      expect(el.fieldLabels).to.deep.equal({ customerSince: 'Customer since', account_id: 'Account' });
      expect(customLabels(el)).to.deep.equal(['Customer since', 'Lifetime value', 'Seats', 'Founded in', 'Account', 'NPS score']);
      expect(values(el), JSON.stringify(values(el))).to.deep.equal(['Mar 14, 2021', '12,500.5', '1,200', '1998', 'ACME-0042', '9']);
      expect(text(shadow(el)), 'no raw key shows').not.to.include('customerSince');
      // The Edit button's name and the Customize menu use the same labels.
      expect($(el, '[data-edit="custom:customerSince"]')!.getAttribute('aria-label')).to.equal('Edit Customer since');
      // A label set as a property, later.
      el.fieldLabels = { seats: 'Licences' };
      await el.updateComplete;
      expect(customLabels(el)).to.deep.equal(['Customer since', 'Lifetime value', 'Licences', 'Founded in', 'Account id', 'NPS score']);
      // Editing shows the value as stored, not as displayed.
      $(el, '[data-edit="custom:lifetimeValue"]')!.click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '[data-editor="custom:lifetimeValue"] input')!.value).to.equal('12500.5');
    });

    it('writes dates and numbers as the inbox’s locale does (French)', async () => {
      const el = await panel(stories.CustomAttributesFrench);
      const shown = values(el).map((v) => v.replace(/[\u202f\u00a0]/g, ' '));
      expect(shown, JSON.stringify(shown)).to.deep.equal(['14 mars 2021', '12 500,5', '1 200', '1998', 'ACME-0042', '9']);
    });
  });

  describe('merge suggestions', () => {
    it('contacts: lists the contacts sharing a normalised phone or an e-mail', async () => {
      const el = await panel();
      const items = $$(el, '[part=suggestion]');
      expect(items.map((li) => li.dataset.contact)).to.deep.equal([PHONE_DUPLICATE, EMAIL_DUPLICATE]);
      expect(text(items[0]!.querySelector('strong'))).to.equal('L. Faure');
    });

    it('contacts: Merge asks first, then moves the conversations over and removes the duplicate', async () => {
      const el = await panel();
      const store = el.store!;
      const merge = $(el, `[data-merge=${PHONE_DUPLICATE}]`)!;
      expect(merge.getAttribute('aria-label')).to.equal('Merge L. Faure into Louis Faure');
      await click(merge);
      await el.updateComplete;
      const confirm = $(el, '[data-confirm-merge]')!;
      expectFocus(confirm, 'focus on the confirmation');
      expect(text($(el, '.confirm p'))).to.equal(
        'Merge L. Faure into Louis Faure? Their phones, e-mails, tags and attributes are added to Louis Faure, ' +
          'their 2 conversations move to Louis Faure, and L. Faure is removed. This cannot be undone.',
      );
      expect(store.state.model.contacts.has(PHONE_DUPLICATE), 'nothing merged before confirming').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;

      const check = () => {
        const model = store.state.model;
        expect(model.contacts.has(PHONE_DUPLICATE)).to.equal(false);
        for (const id of DUPLICATE_CONVERSATIONS) expect(model.conversations.get(id)!.contactId).to.equal(TARGET.contactId);
        expect(model.contacts.get(TARGET.contactId)).to.deep.include({
          phones: ['+33 6 17 62 47 12'],
          company: 'Atelier Faure',
          tags: ['reseller'],
        });
        expect(model.contacts.get(TARGET.contactId)!.emails).to.include('l.faure@atelier.example');
        expect($$(el, '[part=suggestion]').map((li) => li.dataset.contact), 'the suggestion is gone').to.deep.equal([EMAIL_DUPLICATE]);
      };
      check();
      expect(text($(el, '[role=status]'))).to.equal('L. Faure was merged into Louis Faure.');
      expectFocus($(el, '[part=suggestions] h3'));
      await answered(el);
      check();
    });

    it('Esc cancels a merge and returns to its Merge button', async () => {
      const el = await panel();
      $(el, `[data-merge=${EMAIL_DUPLICATE}]`)!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expectFocus($(el, '[data-confirm-merge]'));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '[data-confirm-merge]')).to.equal(null);
      expectFocus($(el, `[data-merge=${EMAIL_DUPLICATE}]`));
      expect(el.store!.state.model.contacts.has(EMAIL_DUPLICATE)).to.equal(true);
    });
  });

  describe('activity', () => {
    it('lists the contact’s other conversations; Enter opens one through the store', async () => {
      const el = await panel(stories.Activity);
      const rows = $$(el, '[part=conversation]');
      expect(rows.map((b) => b.dataset.id).sort()).to.deep.equal(['c-146', 'c-174']);
      expect(rows[0]!.querySelector('status-badge')).to.not.equal(null);
      const opened: string[] = [];
      el.addEventListener('conversation-open', (e: ConversationOpenEvent) => opened.push(e.conversationId));
      rows[1]!.focus();
      await sendKeys({ press: 'Enter' });
      expect(el.store!.state.ui.openId).to.equal(rows[1]!.dataset.id);
      expect(opened).to.deep.equal([rows[1]!.dataset.id]);
    });

    it('shows calls and activities from the loaded history and says how much that covers', async () => {
      const el = await panel(stories.Activity);
      await until(() => $$(el, '[part=call]').length > 0, 'calls');
      await until(() => !text(shadow(el)).includes('Loading history'), 'history loaded');
      expect(text(shadow(el))).to.include('Calls and activities from the history of 3 of 3 conversations.');
      // Each call says how it went, as the timeline does.
      for (const call of $$(el, '[part=call] [part=call-summary]')) expect(text(call)).to.match(/^(Missed call|Voicemail|(Incoming|Outgoing) · .+)$/);
      const model = el.store!.state.model;
      const calls = ['c-47', 'c-146', 'c-174'].flatMap((id) => model.timelines.get(id) ?? []).filter((i) => i.type === 'call');
      expect($$(el, '[part=call]')).to.have.length(calls.length);
      expect($$(el, '[part=activity]').length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('tabs', () => {
    it('host tabs join the tablist through slots: one tab stop, arrow keys, Home', async () => {
      const el = await panel(stories.HubSpotTab, { tab: 'details' });
      const hubspot = el.querySelector<HTMLElement>('[slot=tab]')!;
      const hubspotPanel = el.querySelector<HTMLElement>('[slot=panel-hubspot]')!;
      const details = $(el, '[role=tab][data-tab=details]')!;
      expect(hubspot.getAttribute('role')).to.equal('tab');
      expect(hubspotPanel.getAttribute('role')).to.equal('tabpanel');
      expect(hubspot.getAttribute('aria-controls')).to.equal(hubspotPanel.id);
      expect(hubspotPanel.getAttribute('aria-labelledby')).to.equal(hubspot.id);
      expect(hubspotPanel.getBoundingClientRect().height, 'hidden while Details is selected').to.equal(0);
      const tabStops = () => [...$$(el, '[role=tab]'), hubspot].filter((t) => t.tabIndex === 0);
      expect(tabStops().map(nameOf)).to.deep.equal([nameOf(details)]);

      details.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.tab).to.equal('activity');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expectFocus(hubspot);
      expect(el.tab).to.equal('hubspot');
      expect(hubspot.getAttribute('aria-selected')).to.equal('true');
      expect(details.getAttribute('aria-selected')).to.equal('false');
      expect(tabStops().map(nameOf)).to.deep.equal([nameOf(hubspot)]);
      expect(hubspotPanel.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(text(hubspotPanel)).to.include('Lifecycle stage');

      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expectFocus(details);
      expect(el.tab).to.equal('details');
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expectFocus(hubspot, 'wraps around');
    });

    it('a click selects a host tab', async () => {
      const el = await panel(stories.HubSpotTab, { tab: 'details' });
      await click(el.querySelector('[slot=tab]')!);
      await el.updateComplete;
      expect(el.tab).to.equal('hubspot');
    });
  });

  describe('localization', () => {
    it('speaks French (French story)', async () => {
      const el = await panel(stories.French);
      expect(text($(el, '[data-tab=details]'))).to.equal('Détails');
      expect(text($(el, '[part=error]'))).to.match(/^Numéro de téléphone non valide/);
    });
  });

  describe('every story is accessible', () => {
    // Stories are the exports named like FollowsSelection (not TARGET, not classes).
    const all = Object.entries(stories).filter(([name, value]) => /^[A-Z][a-z]/.test(name) && typeof value === 'object');
    for (const [name, story] of all) {
      it(name, async () => {
        const el = await panel(story as stories.Story);
        await expect(el).to.be.accessible();
      });
    }
  });
});
