import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { StoryGlobals } from './inbox-list.stories.js';
import { ROLE_USERS } from './demo-stores.js';

export interface InboxProviderArgs {
  user: string;
  conversations: number;
  traffic: number;
  locale: string;
}

const pane = 'display: flex; flex-direction: column; block-size: 420px; min-inline-size: 0; flex: 1; border: 1px solid #d1d9e0';

export function renderProvider({ user, conversations, traffic, locale }: InboxProviderArgs): TemplateResult {
  return html`<inbox-provider demo user=${user} conversations=${conversations} traffic=${traffic} locale=${locale}>
    <div style=${pane}><inbox-list></inbox-list></div>
  </inbox-provider>`;
}

const meta = {
  title: 'Elements/inbox-provider',
  component: 'inbox-provider',
  args: { user: ROLE_USERS.owner, conversations: 500, traffic: 0, locale: 'en' },
  argTypes: {
    user: { control: 'select', options: Object.values(ROLE_USERS) },
    conversations: { control: { type: 'number', min: 200, max: 100_000, step: 100 } },
    traffic: { control: { type: 'number', min: 0, max: 50 } },
    locale: { control: 'select', options: ['en', 'fr', 'es'] },
  },
  render: renderProvider,
} satisfies Meta<InboxProviderArgs>;

export default meta;

export type Story = StoryObj<InboxProviderArgs> & { globals?: StoryGlobals };

/** `<inbox-provider demo>` around a list, no JavaScript. */
export const Demo: Story = {};

/** Live simulated traffic: rows change while you work, focus and scroll stay. */
export const LiveTraffic: Story = { args: { traffic: 5 } };

/** Two inboxes on one page, two stores: a key press reaches only the focused one. */
export const TwoInboxes: Story = {
  render: () => html`<div style="display: flex; gap: 1rem">
    <inbox-provider demo user=${ROLE_USERS.owner} conversations="300"><div style=${pane}><inbox-list></inbox-list></div></inbox-provider>
    <inbox-provider demo user=${ROLE_USERS['agent (team)']} conversations="300"><div style=${pane}><inbox-list></inbox-list></div></inbox-provider>
  </div>`,
};
