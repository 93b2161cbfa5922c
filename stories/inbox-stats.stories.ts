import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import type { StatsRange } from '../src/elements/inbox-stats/inbox-stats.js';
import { demoBackend, ROLE_USERS, STORE_KINDS, storyStore, type StoreKind } from './demo-stores.js';

/**
 * Stories double as test fixtures (src/elements/inbox-stats/inbox-stats.test.ts
 * renders them): each renders from its args alone, on a fresh demo store
 * (2,000 conversations: enough history for 90 days).
 */
export interface InboxStatsArgs {
  userId: string;
  kind: StoreKind;
  range: StatsRange;
  from?: string;
  to?: string;
  team?: string;
  theme?: 'light' | 'dark';
  width?: number;
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

const render = ({ userId, kind, range, from, to, team, theme, width }: InboxStatsArgs): TemplateResult => {
  const store = storyStore({ userId, kind, backend: kind === 'demo' ? demoBackend(2000) : undefined });
  const stats = html`<inbox-stats
    .store=${store}
    range=${range}
    from=${ifDefined(from)}
    to=${ifDefined(to)}
    team=${ifDefined(team)}
    time-zone="Europe/Paris"
    theme=${ifDefined(theme)}
    style=${width ? `inline-size: ${width}px` : 'max-inline-size: 80rem'}
  ></inbox-stats>`;
  return theme === 'dark' ? html`<div style="color-scheme: dark; background: #0d1117; padding: 1rem">${stats}</div>` : stats;
};

const meta = {
  title: 'Elements/inbox-stats',
  component: 'inbox-stats',
  args: { userId: ROLE_USERS.owner, kind: 'demo', range: '30' },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    kind: { control: 'select', options: STORE_KINDS },
    range: { control: 'select', options: ['7', '30', '90', 'custom'] },
  },
  render,
} satisfies Meta<InboxStatsArgs>;

export default meta;

export type Story = StoryObj<InboxStatsArgs> & { globals?: StoryGlobals };

/** An owner's last 30 days: every conversation of the workspace. */
export const Data: Story = {};
/** The store has not connected yet. */
export const Loading: Story = { args: { kind: 'loading' } };
/** A range with no conversation in it (a custom range long past). */
export const EmptyRange: Story = { args: { range: 'custom', from: '2020-01-06', to: '2020-01-12' } };
/** An agent with visibility `self`: the figures of their own conversations only (R14). */
export const AgentSelf: Story = { args: { userId: ROLE_USERS['agent (self)'] } };
/** In the dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };
/** In French, the last 7 days. */
export const French: Story = { args: { range: '7' }, globals: { locale: 'fr' } };
/** In Spanish, as a manager, the last 90 days. */
export const Spanish: Story = { args: { userId: ROLE_USERS.manager, range: '90' }, globals: { locale: 'es' } };
/** In a CRM's sidebar, 380 px wide. */
export const Sidebar: Story = { args: { width: 380 } };
