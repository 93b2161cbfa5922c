import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import { ROLE_USERS, STORE_KINDS, storyStore, type StoreKind } from './demo-stores.js';

/**
 * Stories double as test fixtures (src/elements/command-palette/command-palette.test.ts
 * renders them). The palette opens with the button, as a host opens it on Ctrl/Cmd+K.
 */
export interface PaletteArgs {
  userId: string;
  kind: StoreKind;
  open: boolean;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

const render = ({ userId, kind, open, theme }: PaletteArgs): TemplateResult => {
  const store = storyStore({ userId, kind });
  return html`<div>
    <button
      type="button"
      @click=${(e: Event) => (e.target as HTMLElement).parentElement!.querySelector('command-palette')!.show()}
    >
      Ctrl+K
    </button>
    <command-palette .store=${store} ?open=${open} theme=${ifDefined(theme)}></command-palette>
  </div>`;
};

const meta = {
  title: 'Elements/command-palette',
  component: 'command-palette',
  args: { userId: ROLE_USERS.owner, kind: 'demo', open: true },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    kind: { control: 'select', options: STORE_KINDS },
    open: { control: 'boolean' },
  },
  render,
} satisfies Meta<PaletteArgs>;

export default meta;

export type Story = StoryObj<PaletteArgs> & { globals?: StoryGlobals };

export const Default: Story = {};
export const Closed: Story = { args: { open: false } };
/** An agent who sees only Mine: the palette offers only that view. */
export const AgentSelf: Story = { args: { userId: ROLE_USERS['agent (self)'] } };
export const Loading: Story = { args: { kind: 'loading' } };
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Spanish: Story = { globals: { locale: 'es' } };
