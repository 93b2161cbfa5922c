import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import { DEMO_USER_IDS } from '../src/backend/demo-data.js';
import { demoBackend, ROLE_USERS, STORE_KINDS, storyStore, type StoreKind } from './demo-stores.js';

/**
 * Stories double as test fixtures (src/elements/availability-toggle/availability-toggle.test.ts
 * renders them): each renders from its args alone, on a fresh demo store.
 */
export interface AvailabilityArgs {
  userId: string;
  kind: StoreKind;
  /** R11: going Available hands over the next conversation. */
  routing: boolean;
  noNext: boolean;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

const render = ({ userId, kind, routing, noNext, theme }: AvailabilityArgs): TemplateResult => {
  const backend = kind === 'demo' ? demoBackend(200, { routing }) : undefined;
  const store = storyStore({ userId, kind, backend });
  const toggle = html`<availability-toggle .store=${store} ?no-next=${noNext} theme=${ifDefined(theme)}></availability-toggle>`;
  // The toggle has no background of its own: a dark one shows on a dark page.
  return theme === 'dark' ? html`<div style="color-scheme: dark; background: #0d1117; padding: 1rem">${toggle}</div>` : toggle;
};

const meta = {
  title: 'Elements/availability-toggle',
  component: 'availability-toggle',
  args: { userId: DEMO_USER_IDS.agentAll, kind: 'demo', routing: true, noNext: false },
  argTypes: {
    userId: { control: 'select', options: [...Object.values(ROLE_USERS), DEMO_USER_IDS.away] },
    kind: { control: 'select', options: STORE_KINDS },
    routing: { control: 'boolean' },
    noNext: { control: 'boolean' },
  },
  render,
} satisfies Meta<AvailabilityArgs>;

export default meta;

export type Story = StoryObj<AvailabilityArgs> & { globals?: StoryGlobals };

/** An available agent, routing on. */
export const Available: Story = {};
/** An agent away for lunch: the reason shows, "Get next conversation" is off. */
export const Away: Story = { args: { userId: DEMO_USER_IDS.away } };
/** Routing off: going Available hands over nothing. */
export const RoutingOff: Story = { args: { routing: false } };
/** Without the "Get next conversation" button. */
export const NoNext: Story = { args: { noNext: true } };
export const Owner: Story = { args: { userId: ROLE_USERS.owner } };
export const Loading: Story = { args: { kind: 'loading' } };
export const Dark: Story = { args: { userId: DEMO_USER_IDS.away, theme: 'dark' }, globals: { theme: 'dark' } };
export const French: Story = { args: { userId: DEMO_USER_IDS.away }, globals: { locale: 'fr' } };
export const Spanish: Story = { args: { userId: DEMO_USER_IDS.away }, globals: { locale: 'es' } };
