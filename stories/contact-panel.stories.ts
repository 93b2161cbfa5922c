import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import { ContactPanel } from '../src/elements/contact-panel/contact-panel.js';
import type { Locale } from '../src/i18n/localization.js';
import type { Command } from '../src/model/commands.js';
import type { Contact, Id } from '../src/model/types.js';
import { InboxStore } from '../src/store/inbox-store.js';
import { DEMO_USER_IDS, generateDemoData } from '../src/backend/demo-data.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { MemoryTransport } from '../src/transport/memory/memory-transport.js';
import { ROLE_USERS } from './demo-stores.js';

/**
 * Stories double as test fixtures (src/elements/contact-panel/contact-panel.test.ts
 * renders them): each renders from its args alone, on a fresh backend over
 * the seeded demo data (200 conversations).
 *
 * The demo holds no duplicate contacts, so every story adds two to the
 * backend's snapshot (the demo generator is left alone): contact k-47,
 * Louis Faure (conversations c-47, c-146, c-174), gets "L. Faure", who
 * shares his phone number written another way and has two conversations
 * of his own, and "Louis F.", who shares his e-mail address in other case.
 */
export interface ContactPanelArgs {
  userId: string;
  /** Show the contact of this conversation (`conversation-id`). */
  conversationId: string;
  /** Or this contact (`contact-id`). */
  contactId: string;
  /** Open this conversation in the store, for a panel that follows the selection (set neither id). */
  openId: string;
  /** `fields`, as the attribute writes it: a comma list, empty for the default. */
  fields: string;
  /** The selected tab. */
  tab: string;
  /** Add a HubSpot-like tab through the panel's slots. */
  hubspot: boolean;
  /** Type this into the first phone and press Save (a refused number shows its message). */
  typePhone: string;
  /** The backend refuses every contact edit (a CRM with rules of its own). */
  backendRefuses: boolean;
  /** Give k-47 the custom attributes of a CRM (a date, an amount, a year, a code), raw keys as CRMs write them. */
  attributes: boolean;
  /** Labels the host gives some of those keys (`fieldLabels`), as JSON; '' for none. */
  fieldLabels: string;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

/** The contact the duplicates are made for, and the duplicates. */
export const TARGET = { contactId: 'k-47', conversationId: 'c-47' } as const;
export const PHONE_DUPLICATE = 'k-dup-phone';
export const EMAIL_DUPLICATE = 'k-dup-email';
/** The phone duplicate's own conversations, which a merge moves to k-47. */
export const DUPLICATE_CONVERSATIONS = ['c-dup-1', 'c-dup-2'] as const;

/** Custom attributes as a CRM writes them: raw keys, ISO dates, numbers as data. */
export const CRM_ATTRIBUTES: Readonly<Record<string, string>> = {
  customerSince: '2021-03-14',
  lifetimeValue: '12500.5',
  seats: '1200',
  foundedIn: '1998',
  account_id: 'ACME-0042',
  NPSScore: '9',
};

/** The demo backend, with two duplicates of k-47 in its snapshot and two conversations for one of them. */
export function duplicatesBackend({ attributes = false }: { attributes?: boolean } = {}): MemoryBackend {
  const generated = generateDemoData({ conversations: 200, seed: 42 });
  const { timelineFor } = generated;
  const snapshot = attributes
    ? {
        ...generated.snapshot,
        contacts: generated.snapshot.contacts.map((c) => (c.id === TARGET.contactId ? { ...c, attributes: CRM_ATTRIBUTES } : c)),
      }
    : generated.snapshot;
  const target = snapshot.contacts.find((c) => c.id === TARGET.contactId);
  if (!target?.phones[0] || !target.emails[0]) throw new Error('the demo changed: k-47 needs a phone and an e-mail');
  const digits = target.phones[0].replace(/\D/g, '');
  const duplicates: Contact[] = [
    {
      id: PHONE_DUPLICATE,
      name: 'L. Faure',
      // The same number, written with the 00 prefix and dots.
      phones: [`00${digits.slice(0, 2)}.${digits.slice(2, 3)}.${digits.slice(3)}`],
      emails: ['l.faure@atelier.example'],
      company: 'Atelier Faure',
      attributes: { source: 'Trade fair' },
      tags: ['reseller'],
      blocked: false,
      ownerId: null,
    },
    {
      id: EMAIL_DUPLICATE,
      name: 'Louis F.',
      phones: [],
      emails: [target.emails[0].toUpperCase()],
      attributes: {},
      tags: [],
      blocked: false,
    },
  ];
  const backend = new MemoryBackend({ snapshot: { ...snapshot, contacts: [...snapshot.contacts, ...duplicates] }, timelineFor });
  DUPLICATE_CONVERSATIONS.forEach((conversationId, i) => {
    const ack = backend.inject({
      id: `story-dup-${conversationId}`,
      type: 'receiveMessage',
      args: {
        conversationId,
        itemId: `story-dup-msg-${String(i)}`,
        contactId: PHONE_DUPLICATE,
        channelId: 'ch-sms',
        body: i === 0 ? 'Bonjour, je vous rappelle pour le devis.' : 'Avez-vous reçu ma commande ?',
      },
    });
    if (!ack.ok) throw new Error(`duplicate conversation refused: ${ack.refusal.reason}`);
  });
  return backend;
}

/** A memory transport whose backend refuses every contact edit, a moment later, as a CRM with its own rules could. */
export class RefusingContactsTransport extends MemoryTransport {
  static readonly reason = 'The CRM does not accept this number.';

  override send(command: Command, actorId: Id): Promise<unknown> {
    if (command.type !== 'updateContact') return super.send(command, actorId);
    const refusal = { code: 'invalid', reason: RefusingContactsTransport.reason } as const;
    return new Promise((resolve) => setTimeout(() => resolve({ commandId: command.id, ok: false, refusal }), 5));
  }
}

export function contactStore(args: Pick<ContactPanelArgs, 'userId' | 'backendRefuses'> & { attributes?: boolean }): InboxStore {
  const backend = duplicatesBackend({ attributes: args.attributes ?? false });
  const transport = args.backendRefuses ? new RefusingContactsTransport({ backend }) : new MemoryTransport({ backend });
  return new InboxStore({ transport, userId: args.userId });
}

const settled = new WeakMap<Element, Promise<void>>();

/** Resolves once the story's scripted part (typing a phone and saving) is done. */
export function storySettled(el: Element): Promise<void> {
  return settled.get(el) ?? Promise.resolve();
}

async function play(el: ContactPanel, store: InboxStore, args: ContactPanelArgs): Promise<void> {
  await store.ready;
  await el.updateComplete;
  if (!args.typePhone) return;
  const root = el.shadowRoot!;
  root.querySelector<HTMLButtonElement>('[data-edit=phones]')!.click();
  await el.updateComplete;
  const input = root.querySelector<HTMLInputElement>('[data-editor=phones] input')!;
  input.value = args.typePhone;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  root.querySelector<HTMLButtonElement>('[data-editor=phones] [part=save]')!.click();
  await el.updateComplete;
}

const hubspotTab = (): TemplateResult => html`
  <div slot="tab" data-tab="hubspot">HubSpot</div>
  <div slot="panel-hubspot" style="display: grid; gap: 0.5rem">
    <strong>HubSpot CRM</strong>
    <dl style="display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; margin: 0">
      <dt>Lifecycle stage</dt>
      <dd style="margin: 0">Customer</dd>
      <dt>Open deal</dt>
      <dd style="margin: 0">Pro plan renewal · €4,800 · closes 30 Nov</dd>
      <dt>Last synced</dt>
      <dd style="margin: 0">2 minutes ago</dd>
    </dl>
    <a href="https://app.hubspot.com/" target="_blank" rel="noopener noreferrer">Open the record in HubSpot</a>
  </div>
`;

const render = (args: ContactPanelArgs): TemplateResult => {
  const store = contactStore(args);
  if (args.openId) store.openConversation(args.openId);
  const setup = (el: Element | undefined) => {
    if (el instanceof ContactPanel && !settled.has(el)) settled.set(el, play(el, store, args));
  };
  const panel = html`<contact-panel
    ${ref(setup)}
    .store=${store}
    conversation-id=${ifDefined(args.conversationId || undefined)}
    contact-id=${ifDefined(args.contactId || undefined)}
    fields=${ifDefined(args.fields || undefined)}
    field-labels=${ifDefined(args.fieldLabels || undefined)}
    tab=${args.tab}
    theme=${ifDefined(args.theme)}
    style="max-inline-size: 26rem; border: 1px solid #d1d9e0"
    >${args.hubspot ? hubspotTab() : ''}</contact-panel
  >`;
  // The panel paints its own background; a dark one sits on a dark page.
  return args.theme === 'dark' ? html`<div style="color-scheme: dark; background: #0d1117; padding: 1rem">${panel}</div>` : panel;
};

const meta = {
  title: 'Elements/contact-panel',
  component: 'contact-panel',
  args: {
    userId: DEMO_USER_IDS.owner,
    conversationId: TARGET.conversationId,
    contactId: '',
    openId: '',
    fields: '',
    tab: 'details',
    hubspot: false,
    typePhone: '',
    backendRefuses: false,
    attributes: false,
    fieldLabels: '',
  },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    tab: { control: 'select', options: ['details', 'activity', 'hubspot'] },
  },
  render,
} satisfies Meta<ContactPanelArgs>;

export default meta;

export type Story = StoryObj<ContactPanelArgs> & { globals?: StoryGlobals };

/** A contact's details, with two possible duplicates to merge. */
export const Details: Story = {};
/** Following the conversation open in the store (no id set on the panel). */
export const FollowsSelection: Story = { args: { conversationId: '', openId: TARGET.conversationId } };
/** An invalid phone number typed and saved: refused beside the field, the typed value kept. */
export const EditingInvalidPhone: Story = { args: { typePhone: '06 12 34' } };
/** Merge suggestions: contacts sharing a phone (written differently) or an e-mail (in other case). */
export const MergeSuggestions: Story = { args: { conversationId: '', contactId: PHONE_DUPLICATE } };
/** The contact's other conversations, calls and activities. */
export const Activity: Story = { args: { tab: 'activity' } };
/** No contact: nothing open, or an unknown one. */
export const NoContact: Story = { args: { conversationId: '', contactId: 'k-nobody' } };
/** Fields chosen and ordered by the host: a custom attribute first, then company and phones. */
export const CustomFieldOrder: Story = { args: { conversationId: 'c-124', fields: 'custom:plan,company,phones' } };
/**
 * Custom attributes from a CRM: human labels, the host's (`fieldLabels`:
 * "Customer since") or read from the key ("Lifetime value", "NPS score"),
 * dates and numbers as the inbox's locale writes them.
 */
export const CustomAttributes: Story = {
  args: { attributes: true, fieldLabels: JSON.stringify({ customerSince: 'Customer since', account_id: 'Account' }) },
};
/** The same in French: the numbers and the date in French. */
export const CustomAttributesFrench: Story = { args: { attributes: true }, globals: { locale: 'fr' } };
/** The host's own CRM tab, through the `tab` and `panel-hubspot` slots. */
export const HubSpotTab: Story = { args: { hubspot: true, tab: 'hubspot' } };
/** A backend that refuses contact edits: its reason shows in the editor, with what was typed. */
export const BackendRefusal: Story = { args: { backendRefuses: true } };
export const Dark: Story = { args: { theme: 'dark', hubspot: true }, globals: { theme: 'dark' } };
export const French: Story = { args: { typePhone: '06 12 34' }, globals: { locale: 'fr' } };
export const Spanish: Story = { args: { tab: 'activity' }, globals: { locale: 'es' } };
