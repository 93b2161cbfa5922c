import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import { ROLE_USERS, STORE_KINDS, storyStore, type StoreKind } from './demo-stores.js';

/**
 * The shared shape of the four pickers' stories (snooze, label, priority,
 * assign): each renders its tag on a fresh demo store, acting on three
 * conversations, from its args alone; locale and theme are in `globals`.
 */
export interface PickerArgs {
  userId: string;
  kind: StoreKind;
  open: boolean;
  /** Comma-separated conversation ids to act on. */
  ids: string;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

export type PickerStory = StoryObj<PickerArgs> & { globals?: StoryGlobals };

export const pickerArgs: PickerArgs = { userId: ROLE_USERS.owner, kind: 'demo', open: false, ids: 'c-0,c-1,c-2' };

export const pickerArgTypes = {
  userId: { control: 'select', options: Object.values(ROLE_USERS) },
  kind: { control: 'select', options: STORE_KINDS },
  open: { control: 'boolean' },
  ids: { control: 'text' },
} as const;

export function renderPicker(tag: 'snooze-picker' | 'label-picker' | 'priority-picker' | 'assignee-picker') {
  return ({ userId, kind, open, ids, theme }: PickerArgs): TemplateResult => {
    const store = storyStore({ userId, kind });
    const list = ids.split(',').map((id) => id.trim()).filter(Boolean);
    // Room below for the popover, which opens under its trigger.
    const wrap = (picker: TemplateResult) => html`<div style="min-block-size: 26rem">${picker}</div>`;
    switch (tag) {
      case 'snooze-picker':
        return wrap(html`<snooze-picker .store=${store} .ids=${list} ?open=${open} theme=${ifDefined(theme)}></snooze-picker>`);
      case 'label-picker':
        return wrap(html`<label-picker .store=${store} .ids=${list} ?open=${open} theme=${ifDefined(theme)}></label-picker>`);
      case 'priority-picker':
        return wrap(html`<priority-picker .store=${store} .ids=${list} ?open=${open} theme=${ifDefined(theme)}></priority-picker>`);
      case 'assignee-picker':
        return wrap(html`<assignee-picker .store=${store} .ids=${list} ?open=${open} theme=${ifDefined(theme)}></assignee-picker>`);
    }
  };
}

/** The stories every picker has. */
export const pickerStories = {
  /** Closed, with its trigger. */
  Default: {},
  /** Open on three conversations. */
  Open: { args: { open: true } },
  /** Before the store's first snapshot: opens, lists what it can. */
  Loading: { args: { kind: 'loading', open: true } },
  /** A workspace with no conversation yet. */
  Empty: { args: { kind: 'empty', open: true, ids: '' } },
  /** As an agent who sees only their own conversations. */
  AgentSelf: { args: { userId: ROLE_USERS['agent (self)'], open: true } },
  Dark: { args: { open: true, theme: 'dark' }, globals: { theme: 'dark' } },
  French: { args: { open: true }, globals: { locale: 'fr' } },
  Spanish: { args: { open: true }, globals: { locale: 'es' } },
} satisfies Record<string, PickerStory>;
