import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { StatusTab } from '../src/model/views.js';
import type { StoryGlobals } from './inbox-list.stories.js';
import { ROLE_USERS, storyStore } from './demo-stores.js';

export interface BulkBarArgs {
  userId: string;
  /** How many of the current list's conversations are checked. */
  checked: number;
  /** The status tab the checked conversations come from: Done shows Reopen instead of Mark done. */
  tab: StatusTab;
  /** The width of the box the bar sits in (px); 0 for the page's. */
  width: number;
}

function renderBulkBar({ userId, checked, tab, width }: BulkBarArgs): TemplateResult {
  const store = storyStore({ userId });
  store.setTab(tab);
  void store.ready.then(() => store.setChecked(store.selectors.list(store.state).slice(0, checked).map((c) => c.id)));
  return html`<div style=${`min-block-size: 20rem; ${width ? `inline-size: ${String(width)}px` : ''}`}><bulk-bar .store=${store}></bulk-bar></div>`;
}

const meta = {
  title: 'Elements/bulk-bar',
  component: 'bulk-bar',
  args: { userId: ROLE_USERS.owner, checked: 3, tab: 'open', width: 0 },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    checked: { control: { type: 'number', min: 0, max: 200 } },
    tab: { control: 'select', options: ['open', 'unread', 'done'] },
    width: { control: { type: 'number', min: 0, max: 1400, step: 20 } },
  },
  render: renderBulkBar,
} satisfies Meta<BulkBarArgs>;

export default meta;

export type Story = StoryObj<BulkBarArgs> & { globals?: StoryGlobals };

/** Three open conversations checked: Mark done, no Reopen. */
export const Default: Story = {};

/** Nothing checked: the bar hides. */
export const Nothing: Story = { args: { checked: 0 } };

/** One checked, as an agent with visibility `team`. */
export const AgentTeam: Story = { args: { userId: ROLE_USERS['agent (team)'], checked: 1 } };

/** Done conversations checked: Reopen instead of Mark done, no Snooze. */
export const DoneChecked: Story = { args: { tab: 'done' } };

/** In a 380 px box (a CRM's side panel): one line still, what does not fit in More. */
export const Narrow: Story = { args: { width: 380 } };

export const Dark: Story = {
  globals: { theme: 'dark' },
  render: (args) => html`<div data-theme="dark" style="color-scheme: dark; background: #0d1117; padding: 1rem">${renderBulkBar(args)}</div>`,
};

export const French: Story = { globals: { locale: 'fr' } };
export const Spanish: Story = { globals: { locale: 'es' } };
/** French in 380 px: "3 sélectionnées", one line. */
export const FrenchNarrow: Story = { args: { width: 380 }, globals: { locale: 'fr' } };
