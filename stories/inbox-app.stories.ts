import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import { ROLE_USERS, STORE_KINDS, storyStore, type StoreKind } from './demo-stores.js';

/**
 * The whole inbox in one tag. Stories double as fixtures for
 * src/elements/inbox-app/inbox-app.test.ts: each renders from its args on a
 * fresh store over the seeded demo data.
 */
export interface InboxAppArgs {
  userId: string;
  kind: StoreKind;
  /** Width of the container, to show the one-pane layout. */
  width: number;
  theme: 'light' | 'dark';
}

export function renderApp({ userId, kind, width, theme }: InboxAppArgs): TemplateResult {
  const store = storyStore({ userId, kind });
  return html`<div style="block-size: 640px; inline-size: ${width}px; border: 1px solid #d1d9e0">
    <inbox-app .store=${store} theme=${theme}></inbox-app>
  </div>`;
}

const meta: Meta<InboxAppArgs> = {
  title: 'Inbox/inbox-app',
  component: 'inbox-app',
  render: renderApp,
  args: { userId: ROLE_USERS.owner, kind: 'demo', width: 1200, theme: 'light' },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    kind: { control: 'select', options: STORE_KINDS },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
};
export default meta;

type Story = StoryObj<InboxAppArgs>;

export const Owner: Story = {};
export const AgentTeam: Story = { args: { userId: ROLE_USERS['agent (team)'] } };
export const AgentSelf: Story = { args: { userId: ROLE_USERS['agent (self)'] } };
export const Empty: Story = { args: { kind: 'empty' } };
export const Loading: Story = { args: { kind: 'loading' } };
export const Narrow: Story = { args: { width: 420 } };
/** Wide enough for the contact panel beside the open conversation. */
export const Wide: Story = { args: { width: 1600 } };
export const Dark: Story = { args: { theme: 'dark' } };
export const French: Story = { globals: { locale: 'fr' } };
