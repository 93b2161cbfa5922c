import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import { demoBackend, injectInbound, ROLE_USERS, STORE_KINDS, storyStore, type StoreKind } from './demo-stores.js';

/**
 * Stories double as test fixtures (src/elements/inbox-sidebar/inbox-sidebar.test.ts
 * renders them): each renders from its args alone, on a fresh demo store.
 */
export interface SidebarArgs {
  userId: string;
  kind: StoreKind;
  /** Inbound messages arriving after load, in these conversations: they light R15's dots. */
  inbound: string;
  /** Render inside an <inbox-provider> instead of setting `.store`. */
  provider: boolean;
  /** The column's width (px): the app gives it 200-240 px at wide widths, a drawer about 300. */
  width: number;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

const render = ({ userId, kind, inbound, provider, width, theme }: SidebarArgs): TemplateResult => {
  const backend = kind === 'demo' ? demoBackend() : undefined;
  const store = storyStore({ userId, kind, backend });
  const ids = inbound.split(',').map((id) => id.trim()).filter(Boolean);
  if (backend && ids.length) void store.ready.then(() => ids.forEach((id) => injectInbound(backend, id)));
  const frame = (content: TemplateResult) => html`<div style=${`inline-size: ${String(width)}px; block-size: 36rem; display: grid`}>${content}</div>`;
  return provider
    ? frame(html`<inbox-provider .store=${store}><inbox-sidebar theme=${ifDefined(theme)}></inbox-sidebar></inbox-provider>`)
    : frame(html`<inbox-sidebar .store=${store} theme=${ifDefined(theme)}></inbox-sidebar>`);
};

const meta = {
  title: 'Elements/inbox-sidebar',
  component: 'inbox-sidebar',
  args: { userId: ROLE_USERS.owner, kind: 'demo', inbound: '', provider: false, width: 240 },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    kind: { control: 'select', options: STORE_KINDS },
    inbound: { control: 'text' },
    provider: { control: 'boolean' },
    width: { control: { type: 'number', min: 160, max: 400, step: 8 } },
  },
  render,
} satisfies Meta<SidebarArgs>;

export default meta;

export type Story = StoryObj<SidebarArgs> & { globals?: StoryGlobals };

/** An owner sees every view: inboxes, every team, channels, saved views shared with them, folders. */
export const Owner: Story = {};
export const Manager: Story = { args: { userId: ROLE_USERS.manager } };
/** An agent with visibility `all`: standard views and their own teams. */
export const AgentAll: Story = { args: { userId: ROLE_USERS['agent (all)'] } };
/** An agent with visibility `team`: no Unassigned (R14). */
export const AgentTeam: Story = { args: { userId: ROLE_USERS['agent (team)'] } };
/** An agent with visibility `self`: Mine only (R14). */
export const AgentSelf: Story = { args: { userId: ROLE_USERS['agent (self)'] } };
/** New messages arrived in three conversations: dots with their number (R15). */
export const WithDots: Story = { args: { inbound: 'c-0,c-1,c-2,c-3' } };
/** The narrowest column the app gives it (200 px), in French: long names end in an ellipsis, one line each. */
export const NarrowColumn: Story = { args: { width: 200, inbound: 'c-0,c-1' }, globals: { locale: 'fr' } };
/** In a drawer (300 px), as the app shows it at narrow widths. */
export const Drawer: Story = { args: { width: 300, inbound: 'c-0' } };
/** The store inside an <inbox-provider>. */
export const InProvider: Story = { args: { provider: true } };
export const Loading: Story = { args: { kind: 'loading' } };
/** A workspace with no conversation: zero counts. */
export const Empty: Story = { args: { kind: 'empty' } };
export const Dark: Story = { args: { theme: 'dark', inbound: 'c-0,c-1' }, globals: { theme: 'dark' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Spanish: Story = { globals: { locale: 'es' } };
