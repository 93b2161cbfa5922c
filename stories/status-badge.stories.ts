import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import { STATES, type BadgeState } from '../src/elements/status-badge/status-badge.js';
import type { Locale } from '../src/i18n/localization.js';

/**
 * Stories double as test fixtures (status-badge.test.ts renders them):
 * each one renders from its args alone, and the locale or theme a story needs
 * is in its `globals`, which .storybook/preview.ts applies and tests read.
 */
export interface StatusBadgeArgs {
  state: BadgeState;
  compact: boolean;
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

const allStates = ({ compact }: StatusBadgeArgs): TemplateResult => html`
  <div style="display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center">
    ${STATES.map((state) => html`<status-badge state=${state} ?compact=${compact}></status-badge>`)}
  </div>
`;

const meta = {
  title: 'Elements/status-badge',
  component: 'status-badge',
  args: { state: 'open', compact: false },
  argTypes: {
    state: { control: 'select', options: STATES },
    compact: { control: 'boolean' },
  },
  render: ({ state, compact }) => html`<status-badge state=${state} ?compact=${compact}></status-badge>`,
} satisfies Meta<StatusBadgeArgs>;

export default meta;

export type Story = StoryObj<StatusBadgeArgs> & { globals?: StoryGlobals };

/** One badge, driven by the controls. */
export const Default: Story = {};

/** Every state, in English. */
export const AllStates: Story = { render: allStates };

/** Dots alone: each is an image named by its label (hover for the tooltip). */
export const Compact: Story = { args: { compact: true }, render: allStates };

/** Dark colours on a dark surface, from `color-scheme: dark` on an ancestor. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  render: (args) => html`
    <div data-theme="dark" style="color-scheme: dark; background: #0d1117; padding: 1rem">
      ${allStates(args)} ${allStates({ ...args, compact: true })}
    </div>
  `,
};

export const English: Story = { globals: { locale: 'en' }, render: allStates };
export const French: Story = { globals: { locale: 'fr' }, render: allStates };
export const Spanish: Story = { globals: { locale: 'es' }, render: allStates };
