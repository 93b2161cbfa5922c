import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import { visibilityFilter } from '../src/model/permissions.js';
import type { Conversation, Id } from '../src/model/types.js';
import type { MemoryBackend } from '../src/transport/memory/memory-backend.js';
import { ROLE_USERS, STORE_KINDS, demoBackend, storyStore, type StoreKind } from './demo-stores.js';

/**
 * One conversation: header, timeline and composer. Stories double as
 * fixtures for src/elements/conversation-view/conversation-view.test.ts:
 * each renders from its args alone on a fresh store over the seeded demo
 * data, inside an `<inbox-provider>` following the store's open
 * conversation, or alone with `conversation-id` (a CRM page).
 */
export const CONVERSATION_STATES = ['open', 'email', 'done', 'unread', 'snoozed', 'none'] as const;
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

export function renderView({ userId, kind, state, presence, alone, back, theme }: ConversationViewArgs): TemplateResult {
  const backend = kind === 'demo' ? demoBackend() : undefined;
  const store = storyStore({ userId, kind, backend });
  const id = backend && state !== 'none' ? pickConversation(backend, userId, state).id : null;
  const other = presence === 'none' ? undefined : OTHER_AGENTS[presence];
  if (backend && id && other && other !== userId) {
    const agent = storyStore({ userId: other, backend });
    void Promise.all([agent.ready, store.ready]).then(() => agent.setPresence(id, presence === 'typing'));
  }
  const frame = (content: TemplateResult) =>
    html`<div style="block-size: 640px; max-inline-size: 880px; display: flex; flex-direction: column; border: 1px solid #d1d9e0">
      ${content}
    </div>`;
  if (alone) {
    return frame(html`<conversation-view
      style="flex: 1"
      .store=${store}
      conversation-id=${ifDefined(id ?? undefined)}
      .linkBuilder=${storyLink}
      ?back=${back}
      theme=${ifDefined(theme)}
    ></conversation-view>`);
  }
  // Opened before the first snapshot, as a deep link would: an unread one stays unread for the story.
  if (id) store.openConversation(id);
  return frame(html`<inbox-provider .store=${store} style="display: flex; flex: 1; min-block-size: 0">
    <conversation-view style="flex: 1" .linkBuilder=${storyLink} ?back=${back} theme=${ifDefined(theme)}></conversation-view>
  </inbox-provider>`);
}

const meta = {
  title: 'Elements/conversation-view',
  component: 'conversation-view',
  render: renderView,
  args: { userId: ROLE_USERS.owner, kind: 'demo', state: 'open', presence: 'none', alone: false, back: false },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    kind: { control: 'select', options: STORE_KINDS },
    state: { control: 'select', options: CONVERSATION_STATES },
    presence: { control: 'inline-radio', options: PRESENCE },
    alone: { control: 'boolean' },
    back: { control: 'boolean' },
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
