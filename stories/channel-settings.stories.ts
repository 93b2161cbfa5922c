import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import { demoBackend, ROLE_USERS, STORE_KINDS, storyStore, type StoreKind } from './demo-stores.js';

/**
 * Stories double as test fixtures (src/elements/channel-settings/channel-settings.test.ts
 * renders them): each renders from its args alone, on a fresh demo store.
 */
export interface ChannelSettingsArgs {
  userId: string;
  kind: StoreKind;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

const render = ({ userId, kind, theme }: ChannelSettingsArgs): TemplateResult => {
  const store = storyStore({ userId, kind, backend: kind === 'demo' ? demoBackend(200) : undefined });
  const settings = html`<channel-settings .store=${store} theme=${ifDefined(theme)} style="max-inline-size: 40rem"></channel-settings>`;
  // The list has no page background of its own: a dark one shows on a dark page.
  return theme === 'dark' ? html`<div style="color-scheme: dark; background: #0d1117; padding: 1rem">${settings}</div>` : settings;
};

const meta = {
  title: 'Elements/channel-settings',
  component: 'channel-settings',
  args: { userId: ROLE_USERS.owner, kind: 'demo' },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    kind: { control: 'select', options: STORE_KINDS },
  },
  render,
} satisfies Meta<ChannelSettingsArgs>;

export default meta;

export type Story = StoryObj<ChannelSettingsArgs> & { globals?: StoryGlobals };

/** An owner: every channel's name in a field, with Save. */
export const Owner: Story = {};
/** A manager may rename too. */
export const Manager: Story = { args: { userId: ROLE_USERS.manager } };
/** An agent sees the names only. */
export const Agent: Story = { args: { userId: ROLE_USERS['agent (all)'] } };
/** In the dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };
/** In French. */
export const French: Story = { globals: { locale: 'fr' } };
/** In Spanish, as a manager. */
export const Spanish: Story = { args: { userId: ROLE_USERS.manager }, globals: { locale: 'es' } };
