import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import { MessageComposer } from '../src/elements/message-composer/message-composer.js';
import type { Locale } from '../src/i18n/localization.js';
import type { Command } from '../src/model/commands.js';
import type { ChannelKind, Conversation, Id } from '../src/model/types.js';
import { DRAFT_MODES, clearDraft, defaultDraftStorage } from '../src/store/drafts.js';
import { InboxStore } from '../src/store/inbox-store.js';
import { DEMO_USER_IDS } from '../src/backend/demo-data.js';
import type { MemoryBackend } from '../src/backend/memory-backend.js';
import { MemoryTransport } from '../src/transport/memory/memory-transport.js';
import { ROLE_USERS, demoBackend } from './demo-stores.js';

/**
 * Stories double as test fixtures (src/elements/message-composer/message-composer.test.ts
 * renders them). Each renders from its args on a fresh demo store, then
 * plays what the story shows (types text, attaches files, switches the
 * channel, sends) through the composer's own public methods and DOM events;
 * `storySettled(el)` resolves once that is done.
 */

/** Which demo conversation the composer writes in. */
export const CONVERSATION_PICKS = ['sms', 'chat', 'call'] as const;
export type ConversationPick = (typeof CONVERSATION_PICKS)[number];

export interface ComposerArgs {
  userId: string;
  /**
   * An open SMS conversation, a website chat whose contact also has an
   * e-mail address, or a conversation on the voice line just after a call.
   */
  conversation: ConversationPick;
  mode: 'reply' | 'comment';
  /** Typed into the composer once it is ready. */
  text: string;
  /** Comma-separated file names attached (dropped) once it is ready. */
  files: string;
  /** Switch the reply to this channel kind. */
  channel: '' | ChannelKind;
  /** How many replies the backend refuses before it accepts them again. */
  refuse: number;
  /** Send what was typed once it is ready. */
  send: boolean;
  /** A link shortener that turns each link into `https://sho.rt/<n>`. */
  shortener: boolean;
  /** The composer's width in px (0: up to 44rem). */
  width: number;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

/**
 * A MemoryTransport whose backend refuses the next `refusals` replies, as a
 * real one would refuse a reply to a channel that went away.
 */
export class RefusingTransport extends MemoryTransport {
  refusals: number;
  /** Milliseconds before a refusal arrives. */
  delay = 5;
  readonly sent: Command[] = [];

  constructor(backend: MemoryBackend, refusals = 0) {
    super({ backend });
    this.refusals = refusals;
  }

  override send(command: Command, actorId: Id): Promise<unknown> {
    this.sent.push(command);
    if (command.type === 'reply' && this.refusals > 0) {
      this.refusals--;
      const refusal = { code: 'conflict', reason: 'The channel is unavailable right now.' } as const;
      return new Promise((resolve) => setTimeout(() => resolve({ commandId: command.id, ok: false, refusal }), this.delay));
    }
    return super.send(command, actorId);
  }
}

/** The first open, visible conversation of the demo matching `pick`. */
export function pickConversation(backend: MemoryBackend, pick: ConversationPick): Conversation {
  const state = backend.state;
  for (const c of state.conversations.values()) {
    const contact = state.contacts.get(c.contactId);
    const kind = state.channels.get(c.channelId)?.kind;
    if (!contact || contact.blocked || c.status !== 'open' || c.spam || c.trashedAt !== null || c.snoozedUntil !== null) continue;
    if (pick === 'sms' && kind === 'sms' && contact.phones.length > 0 && contact.emails.length > 0) return c;
    if (pick === 'chat' && kind === 'chat' && contact.emails.length > 0) return c;
    if (pick === 'call' && kind === 'call' && c.lastMessage?.kind === 'call' && contact.phones.length > 0) return c;
  }
  throw new Error(`the demo has no ${pick} conversation`);
}

/** A store on a fresh demo backend, its transport, and the conversation a story writes in. */
export function composerWorld(
  options: { userId?: string; conversation?: ConversationPick; refuse?: number; backend?: MemoryBackend } = {},
) {
  const backend = options.backend ?? demoBackend();
  const transport = new RefusingTransport(backend, options.refuse ?? 0);
  const store = new InboxStore({ transport, userId: options.userId ?? DEMO_USER_IDS.owner });
  const conversation = pickConversation(backend, options.conversation ?? 'sms');
  return { backend, transport, store, conversationId: conversation.id };
}

export type ComposerWorld = ReturnType<typeof composerWorld>;

const settled = new WeakMap<Element, Promise<void>>();
const worlds = new WeakMap<Element, ComposerWorld>();

/** The backend, transport and store a story's composer runs on. */
export function storyWorld(el: Element): ComposerWorld {
  const world = worlds.get(el);
  if (!world) throw new Error('not a composer rendered by a story');
  return world;
}

/** Resolves once the story's scripted part (typing, files, channel, send) is done. */
export function storySettled(el: Element): Promise<void> {
  return settled.get(el) ?? Promise.resolve();
}

let shortened = 0;
const demoShortener = (url: string): Promise<string> =>
  Promise.resolve(url.startsWith('https://sho.rt/') ? url : `https://sho.rt/${String(++shortened)}`);

/** Files as a drop of them would bring them. */
export function dropFiles(composer: MessageComposer, files: readonly File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  const base = composer.shadowRoot!.querySelector('[part=base]')!;
  base.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
  base.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
}

async function play(el: MessageComposer, store: InboxStore, args: ComposerArgs): Promise<void> {
  await store.ready;
  await el.updateComplete;
  if (args.channel) {
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select[part=channel]');
    const option = [...(select?.options ?? [])].find((o) => store.state.model.channels.get(o.value)?.kind === args.channel);
    if (select && option) {
      select.value = option.value;
      select.dispatchEvent(new Event('change'));
    }
  }
  const files = args.files.split(',').map((name) => name.trim()).filter(Boolean);
  if (files.length > 0) {
    dropFiles(el, files.map((name, i) => new File(['x'.repeat(1200 * (i + 1) ** 3)], name, { type: 'application/octet-stream' })));
    await el.updateComplete;
    const chips = (state: string) => el.shadowRoot!.querySelectorAll(`.chip.${state}`).length;
    while (chips('uploading') > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (args.text) await el.insertText(args.text);
  if (args.send) {
    await el.send();
    // The refusal arrives a moment later.
    const answered = () => store.state.pending.length === 0;
    while (!answered()) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
  }
}

const render = (args: ComposerArgs): TemplateResult => {
  const world = composerWorld({ userId: args.userId, conversation: args.conversation, refuse: args.refuse });
  const { store, conversationId } = world;
  // Each story starts from a clean slate, not from the draft another one left.
  for (const mode of DRAFT_MODES) clearDraft(defaultDraftStorage(), { userId: store.userId, conversationId, mode });
  const setup = (el: Element | undefined) => {
    if (el instanceof MessageComposer && !settled.has(el)) {
      worlds.set(el, world);
      settled.set(el, play(el, store, args));
    }
  };
  // Room above for the mention list, which opens over the text field.
  const width = args.width ? `inline-size: ${String(args.width)}px` : 'max-inline-size: 44rem';
  const composer = html`<div style="${width}; padding-block-start: ${args.mode === 'comment' ? '14rem' : '0'}">
    <message-composer
      ${ref(setup)}
      .store=${store}
      conversation-id=${conversationId}
      mode=${args.mode}
      .linkShortener=${args.shortener ? demoShortener : undefined}
      theme=${ifDefined(args.theme)}
    ></message-composer>
  </div>`;
  return args.theme === 'dark' ? html`<div style="color-scheme: dark; background: #0d1117; padding: 1rem">${composer}</div>` : composer;
};

const meta = {
  title: 'Elements/message-composer',
  component: 'message-composer',
  args: {
    userId: DEMO_USER_IDS.owner,
    conversation: 'sms',
    mode: 'reply',
    text: '',
    files: '',
    channel: '',
    refuse: 0,
    send: false,
    shortener: false,
    width: 0,
  },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    conversation: { control: 'select', options: CONVERSATION_PICKS },
    mode: { control: 'inline-radio', options: ['reply', 'comment'] },
    text: { control: 'text' },
    files: { control: 'text' },
    channel: { control: 'select', options: ['', 'email', 'sms', 'whatsapp'] },
    refuse: { control: { type: 'number', min: 0, max: 5 } },
    send: { control: 'boolean' },
    shortener: { control: 'boolean' },
    width: { control: { type: 'number', min: 0, max: 1200, step: 10 } },
  },
  render,
} satisfies Meta<ComposerArgs>;

export default meta;

export type Story = StoryObj<ComposerArgs> & { globals?: StoryGlobals };

/** A reply on the conversation's SMS channel, a draft under way. */
export const Reply: Story = { args: { text: 'Hi! Your order left our warehouse this morning.' } };

/** An empty composer: Send is disabled. */
export const Empty: Story = {};

/** Internal comment mode, `@` typed: the teammates list is open (R20). */
export const InternalComment: Story = { args: { mode: 'comment', text: 'Could you check the invoice, @l' } };

/** Two files dropped on the composer, uploaded through the transport. */
export const WithAttachments: Story = {
  args: { text: 'Here are the documents you asked for.', files: 'invoice-2026-11.pdf, delivery-note.png' },
};

/** The backend refused the reply: the reason shows, the text is back, Retry resends it. */
export const FailedSend: Story = { args: { text: 'I have refunded the second payment.', refuse: 1, send: true } };

/** A website chat answered by e-mail: the channel switch (chat to e-mail). */
export const EmailChannelSwitch: Story = {
  args: { conversation: 'chat', channel: 'email', text: 'I am sending the full quote by e-mail.' },
};

/** Links go through a shortener before sending (a Bitly-like hook). */
export const LinkShortener: Story = {
  args: { shortener: true, text: 'The guide: https://acme.example/help/articles/returns-and-refunds?lang=en' },
};

/**
 * Just after a call, on the voice line: the reply goes by SMS on the same
 * number (the voice line is never offered), and "Call note" writes an
 * internal note about the call.
 */
export const AfterCall: Story = { args: { conversation: 'call' } };

/** In a 320 px column, in French: one row of tools, the mode names short. */
export const Narrow: Story = { args: { width: 320, text: 'Bonjour !' }, globals: { locale: 'fr' } };

export const Dark: Story = {
  args: { mode: 'comment', text: 'Heads up: the customer asked twice already.', theme: 'dark' },
  globals: { theme: 'dark' },
};
export const French: Story = { args: { text: 'Bonjour, votre commande est partie.' }, globals: { locale: 'fr' } };
export const Spanish: Story = { args: { mode: 'comment', text: 'Revisa esto, @' }, globals: { locale: 'es' } };
