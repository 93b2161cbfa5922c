import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import { visibilityFilter } from '../src/model/permissions.js';
import type { Conversation, Id } from '../src/model/types.js';
import type { MemoryBackend } from '../src/backend/memory-backend.js';
import { ROLE_USERS, STORE_KINDS, demoBackend, storyStore, type StoreKind } from './demo-stores.js';

/**
 * One conversation: header, timeline and composer. Stories double as
 * fixtures for src/elements/conversation-view/conversation-view.test.ts:
 * each renders from its args alone on a fresh store over the seeded demo
 * data, inside an `<inbox-provider>` following the store's open
 * conversation, or alone with `conversation-id` (a CRM page).
 */
export const CONVERSATION_STATES = ['open', 'email', 'done', 'unread', 'snoozed', 'call', 'none'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

export const PRESENCE = ['none', 'viewing', 'typing'] as const;
export type PresenceArg = (typeof PRESENCE)[number];

export interface ConversationViewArgs {
  userId: string;
  kind: StoreKind;
  /** Which demo conversation to show. */
  state: ConversationState;
  /** Another agent in the conversation: Léa viewing, or Marc typing (R17). */
  presence: PresenceArg;
  /** Alone with `conversation-id` and `.store`, no provider (a CRM page). */
  alone: boolean;
  /** Show the Back button (narrow layouts). */
  back: boolean;
  /** Put a Contact toggle in the `actions` slot, as `<inbox-app>` does. */
  contactToggle: boolean;
  /** The frame's width in px (0: up to 880 px, the viewport's). */
  width: number;
  /** The frame's height in px. */
  height: number;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
}

/** The other agents of the presence stories. */
export const OTHER_AGENTS = { viewing: 'u-lea', typing: 'u-marc' } as const;

/** A link as a host would build it. */
export const storyLink = (conversationId: Id, messageId?: Id): string =>
  `https://crm.example.com/inbox/${encodeURIComponent(conversationId)}${messageId ? `#${encodeURIComponent(messageId)}` : ''}`;

const PICKS: Record<Exclude<ConversationState, 'none'>, (c: Conversation, backend: MemoryBackend) => boolean> = {
  open: (c, backend) =>
    c.status === 'open' &&
    !c.unread &&
    c.snoozedUntil === null &&
    c.labels.length > 0 &&
    c.priority !== 'none' &&
    backend.state.channels.get(c.channelId)?.kind !== 'email',
  email: (c, backend) => c.status === 'open' && c.snoozedUntil === null && backend.state.channels.get(c.channelId)?.kind === 'email',
  done: (c) => c.status === 'done',
  unread: (c) => c.status === 'open' && c.unread && c.snoozedUntil === null,
  snoozed: (c) => c.status === 'open' && c.snoozedUntil !== null,
  // After a call: a conversation on the voice line whose last message was a call.
  call: (c, backend) => c.status === 'open' && backend.state.channels.get(c.channelId)?.kind === 'call' && c.lastMessage?.kind === 'call',
};

/** The first demo conversation in `state` that `userId` may see, and that is in no folder (spam, trash, blocked, sent). */
export function pickConversation(backend: MemoryBackend, userId: Id, state: Exclude<ConversationState, 'none'>): Conversation {
  const model = backend.state;
  const user = model.users.get(userId);
  const sees = user ? visibilityFilter(model, user) : () => true;
  const plain = (c: Conversation) => !c.spam && c.trashedAt === null && !c.sent && !model.contacts.get(c.contactId)?.blocked;
  const visible = [...model.conversations.values()].filter((c) => sees(c) && plain(c));
  const found = visible.find((c) => PICKS[state](c, backend)) ?? visible[0];
  if (!found) throw new Error(`no conversation for ${userId}`);
  return found;
}

export function renderView({ userId, kind, state, presence, alone, back, contactToggle, width, height, theme }: ConversationViewArgs): TemplateResult {
  const backend = kind === 'demo' ? demoBackend() : undefined;
  const store = storyStore({ userId, kind, backend });
  const id = backend && state !== 'none' ? pickConversation(backend, userId, state).id : null;
  const other = presence === 'none' ? undefined : OTHER_AGENTS[presence];
  if (backend && id && other && other !== userId) {
    const agent = storyStore({ userId: other, backend });
    void Promise.all([agent.ready, store.ready]).then(() => agent.setPresence(id, presence === 'typing'));
  }
  const size = `block-size: ${String(height)}px; ${width ? `inline-size: ${String(width)}px` : 'max-inline-size: 880px'}`;
  const frame = (content: TemplateResult) =>
    html`<div style="${size}; display: flex; flex-direction: column; border: 1px solid #d1d9e0">${content}</div>`;
  // What <inbox-app> slots into the header's row of icon buttons.
  const toggle = contactToggle
    ? html`<button slot="actions" type="button" aria-pressed="false" style="font: inherit; font-size: 0.8125rem; padding: 0.25rem 0.5rem">
        Contact
      </button>`
    : nothing;
  if (alone) {
    return frame(html`<conversation-view
      style="flex: 1"
      .store=${store}
      conversation-id=${ifDefined(id ?? undefined)}
      .linkBuilder=${storyLink}
      ?back=${back}
      theme=${ifDefined(theme)}
      >${toggle}</conversation-view
    >`);
  }
  // Opened before the first snapshot, as a deep link would: an unread one stays unread for the story.
  if (id) store.openConversation(id);
  return frame(html`<inbox-provider .store=${store} style="display: flex; flex: 1; min-block-size: 0">
    <conversation-view style="flex: 1" .linkBuilder=${storyLink} ?back=${back} theme=${ifDefined(theme)}>${toggle}</conversation-view>
  </inbox-provider>`);
}

const meta = {
  title: 'Elements/conversation-view',
  component: 'conversation-view',
  render: renderView,
  args: { userId: ROLE_USERS.owner, kind: 'demo', state: 'open', presence: 'none', alone: false, back: false, contactToggle: false, width: 0, height: 640 },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    kind: { control: 'select', options: STORE_KINDS },
    state: { control: 'select', options: CONVERSATION_STATES },
    presence: { control: 'inline-radio', options: PRESENCE },
    alone: { control: 'boolean' },
    back: { control: 'boolean' },
    contactToggle: { control: 'boolean' },
    width: { control: { type: 'number', min: 0, max: 1400, step: 10 } },
    height: { control: { type: 'number', min: 200, max: 1200, step: 10 } },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
} satisfies Meta<ConversationViewArgs>;

export default meta;

export type Story = StoryObj<ConversationViewArgs> & { globals?: StoryGlobals };

/** An open conversation with labels and a priority, following the store's selection. */
export const Open: Story = {};
/** An e-mail conversation: its subject, and Forward in the More menu. */
export const Email: Story = { args: { state: 'email' } };
export const Done: Story = { args: { state: 'done' } };
export const Unread: Story = { args: { state: 'unread' } };
export const Snoozed: Story = { args: { state: 'snoozed' } };
/** After a call: the reply goes by SMS on the same number (never the voice line), with a call note. */
export const AfterCall: Story = { args: { state: 'call' } };
/**
 * As `<inbox-app>` shows it in its narrowest layout: 320 px, Back and the
 * Contact toggle; the tools that do not fit are in the More menu.
 */
export const Narrow: Story = { args: { width: 320, back: true, contactToggle: true } };
/** No conversation open. */
export const Empty: Story = { args: { state: 'none' } };
/** Before the store's first snapshot. */
export const Loading: Story = { args: { kind: 'loading' } };
/** Léa is viewing it too (R17). */
export const SomeoneViewing: Story = { args: { presence: 'viewing' } };
/** Marc is typing in it (R17). */
export const SomeoneTyping: Story = { args: { presence: 'typing' } };
/** Alone with `conversation-id` and `.store`, as a CRM page shows one customer's conversation. */
export const Alone: Story = { args: { alone: true } };
/** With the Back button of narrow layouts. */
export const WithBack: Story = { args: { back: true } };
export const Manager: Story = { args: { userId: ROLE_USERS.manager } };
export const AgentAll: Story = { args: { userId: ROLE_USERS['agent (all)'] } };
export const AgentTeam: Story = { args: { userId: ROLE_USERS['agent (team)'] } };
export const AgentSelf: Story = { args: { userId: ROLE_USERS['agent (self)'] } };
export const Dark: Story = { args: { theme: 'dark' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Spanish: Story = { globals: { locale: 'es' } };
