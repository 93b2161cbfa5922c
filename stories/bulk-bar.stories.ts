import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { StoryGlobals } from './inbox-list.stories.js';
import { ROLE_USERS, storyStore } from './demo-stores.js';

export interface BulkBarArgs {
  userId: string;
  /** How many of the current list's conversations are checked. */
  checked: number;
}

export function renderBulkBar({ userId, checked }: BulkBarArgs): TemplateResult {
  const store = storyStore({ userId });
  void store.ready.then(() => store.setChecked(store.selectors.list(store.state).slice(0, checked).map((c) => c.id)));
  return html`<div style="min-block-size: 20rem"><bulk-bar .store=${store}></bulk-bar></div>`;
}

const meta = {
  title: 'Elements/bulk-bar',
  component: 'bulk-bar',
  args: { userId: ROLE_USERS.owner, checked: 3 },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    checked: { control: { type: 'number', min: 0, max: 200 } },
  },
  render: renderBulkBar,
} satisfies Meta<BulkBarArgs>;

export default meta;

export type Story = StoryObj<BulkBarArgs> & { globals?: StoryGlobals };

/** Three conversations checked. */
export const Default: Story = {};

/** Nothing checked: the bar hides. */
export const Nothing: Story = { args: { checked: 0 } };

/** One checked, as an agent with visibility `team`. */
export const AgentTeam: Story = { args: { userId: ROLE_USERS['agent (team)'], checked: 1 } };

export const Dark: Story = {
  globals: { theme: 'dark' },
  render: (args) => html`<div data-theme="dark" style="color-scheme: dark; background: #0d1117; padding: 1rem">${renderBulkBar(args)}</div>`,
};

export const French: Story = { globals: { locale: 'fr' } };
export const Spanish: Story = { globals: { locale: 'es' } };
