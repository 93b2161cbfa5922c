import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import { LIST_MODES, type ListMode } from '../src/model/list-modes.js';
import { STATUS_TABS, type StatusTab, type ViewId } from '../src/model/views.js';
import { ROLE_USERS, STORE_KINDS, storyStore, type StoreKind } from './demo-stores.js';

/**
 * Stories double as test fixtures (inbox-list.test.ts renders them): each
 * renders from its args alone on a fresh store over the seeded demo data;
 * the locale or theme a story needs is in its `globals`.
 */
export interface InboxListArgs {
  userId: string;
  kind: StoreKind;
  conversations: number;
  view: ViewId;
  tab: StatusTab;
  mode: ListMode;
  /** Rows to check on load, by index. */
  checked: number;
  /** The box's width (px): 720 by default, 380 for a CRM's side panel. */
  width?: number;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

const frame = (content: TemplateResult, width = 720, height = 480): TemplateResult =>
  html`<div style=${`block-size: ${String(height)}px; max-inline-size: ${String(width)}px; border: 1px solid #d1d9e0; display: flex; flex-direction: column`}>
    ${content}
  </div>`;

function renderList({ userId, kind, conversations, view, tab, mode, checked, width, theme }: InboxListArgs): TemplateResult {
  const store = storyStore({ userId, kind, conversations });
  store.setQuery({ view, tab });
  if (checked > 0) {
    void store.ready.then(() => store.setChecked(store.selectors.list(store.state).slice(0, checked).map((c) => c.id)));
  }
  // 380 px wide: the list of the sidebar layout, 756 px high (800 less the app's bar).
  return frame(html`<inbox-list .store=${store} mode=${mode} theme=${ifDefined(theme)}></inbox-list>`, width, width === 380 ? 756 : 480);
}

const meta = {
  title: 'Elements/inbox-list',
  component: 'inbox-list',
  args: {
    userId: ROLE_USERS.owner,
    kind: 'demo',
    conversations: 200,
    view: 'all',
    tab: 'open',
    mode: 'chats',
    checked: 0,
  },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    kind: { control: 'select', options: STORE_KINDS },
    conversations: { control: { type: 'number', min: 200, max: 100_000, step: 100 } },
    view: { control: 'text' },
    tab: { control: 'select', options: STATUS_TABS },
    mode: { control: 'select', options: LIST_MODES },
    checked: { control: { type: 'number', min: 0, max: 50 } },
  },
  render: renderList,
} satisfies Meta<InboxListArgs>;

export default meta;

export type Story = StoryObj<InboxListArgs> & { globals?: StoryGlobals };

/** The owner's All view, Open tab. */
export const Default: Story = {};

/** Before the first snapshot arrives. */
export const Loading: Story = { args: { kind: 'loading' } };

/** A store with no conversations. */
export const Empty: Story = { args: { kind: 'empty' } };

/** 10,000 conversations, virtualized: only the rows in view exist. */
export const ManyRows: Story = { args: { conversations: 10_000 } };

/** A big inbox the backend hands a page at a time (issue 13): scroll down and the next rows come. */
export const Windowed: Story = { args: { kind: 'windowed', conversations: 5000 } };

/** The Unread tab: every row has its blue dot (R15). */
export const Unread: Story = { args: { tab: 'unread' } };

/** The Done tab (R3, R13). */
export const Done: Story = { args: { tab: 'done' } };

/** The call log. */
export const Calls: Story = { args: { mode: 'calls' } };

/** Three rows checked: the bulk bar lies over the tab row. */
export const Selected: Story = { args: { checked: 3 } };

/** At 380 px (a CRM's side panel), 756 px high: 12 rows of 60 px under one line of tabs. */
export const Narrow: Story = { args: { width: 380 } };

/** At 380 px with rows checked: the bulk bar keeps one line, the rest of its actions in More. */
export const NarrowSelected: Story = { args: { width: 380, checked: 3 } };

/** The call log at 380 px: "Missed call", "Incoming · 4:12", "Voicemail". */
export const NarrowCalls: Story = { args: { width: 380, mode: 'calls' } };

/** An owner sees every conversation. */
export const Owner: Story = { args: { userId: ROLE_USERS.owner } };

/** An agent with visibility `team` (R14): their own and their team's conversations. */
export const AgentTeam: Story = { args: { userId: ROLE_USERS['agent (team)'] } };

/** An agent with visibility `self` (R14): only Mine. */
export const AgentSelf: Story = { args: { userId: ROLE_USERS['agent (self)'], view: 'mine' } };

/** Inside `<inbox-provider demo>`, with no JavaScript: the store comes through context. */
export const InProvider: Story = {
  render: () =>
    frame(html`<inbox-provider demo conversations="500" user="u-ana"><inbox-list></inbox-list></inbox-provider>`),
};

export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
};

export const French: Story = { globals: { locale: 'fr' } };
export const Spanish: Story = { globals: { locale: 'es' } };
