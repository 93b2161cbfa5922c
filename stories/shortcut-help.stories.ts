import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import { DEFAULT_KEYMAP, type Keymap } from '../src/controllers/keymap.js';
import type { Locale } from '../src/i18n/localization.js';

/**
 * Stories double as test fixtures (src/elements/shortcut-help/shortcut-help.test.ts
 * renders them). The dialog opens with the button, as a host opens it on ?.
 */
export interface HelpArgs {
  open: boolean;
  keymap: Keymap;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

/** A keymap a host remapped: Vim-ish done and snooze, no J/K. */
export const REMAPPED: Keymap = {
  ...DEFAULT_KEYMAP,
  done: ['d', 'Mod+Enter'],
  snooze: ['h'],
  next: ['ArrowDown'],
  previous: ['ArrowUp'],
  send: ['Mod+s'],
};

const render = ({ open, keymap, theme }: HelpArgs): TemplateResult => html`<div>
  <button
    type="button"
    @click=${(e: Event) => (e.target as HTMLElement).parentElement!.querySelector('shortcut-help')!.show()}
  >
    ?
  </button>
  <shortcut-help .keymap=${keymap} ?open=${open} theme=${ifDefined(theme)}></shortcut-help>
</div>`;

const meta = {
  title: 'Elements/shortcut-help',
  component: 'shortcut-help',
  args: { open: true, keymap: DEFAULT_KEYMAP },
  argTypes: { open: { control: 'boolean' }, keymap: { control: 'object' } },
  render,
} satisfies Meta<HelpArgs>;

export default meta;

export type Story = StoryObj<HelpArgs> & { globals?: StoryGlobals };

/** The default keys. */
export const Default: Story = {};
/** Closed: the button opens it. */
export const Closed: Story = { args: { open: false } };
/** A remapped keymap shows its own keys. */
export const Remapped: Story = { args: { keymap: REMAPPED } };
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Spanish: Story = { globals: { locale: 'es' } };
