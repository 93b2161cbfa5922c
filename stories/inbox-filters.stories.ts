import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import type { Filters } from '../src/model/types.js';
import { ROLE_USERS, STORE_KINDS, storyStore, type StoreKind } from './demo-stores.js';

/**
 * Stories double as test fixtures (src/elements/inbox-filters/inbox-filters.test.ts
 * renders them): each renders from its args alone, on a fresh demo store.
 */
export interface FiltersArgs {
  userId: string;
  kind: StoreKind;
  filtersOpen: boolean;
  /** Filters and search already applied when the story loads. */
  filters: Filters;
  search: string;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

const render = ({ userId, kind, filtersOpen, filters, search, theme }: FiltersArgs): TemplateResult => {
  const store = storyStore({ userId, kind });
  store.setQuery({ filters, search });
  return html`<div style="inline-size: 48rem; max-inline-size: 100%">
    <inbox-filters .store=${store} ?filters-open=${filtersOpen} theme=${ifDefined(theme)}></inbox-filters>
  </div>`;
};

const meta = {
  title: 'Elements/inbox-filters',
  component: 'inbox-filters',
  args: { userId: ROLE_USERS.owner, kind: 'demo', filtersOpen: false, filters: {}, search: '' },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    kind: { control: 'select', options: STORE_KINDS },
    filtersOpen: { control: 'boolean' },
    filters: { control: 'object' },
    search: { control: 'text' },
  },
  render,
} satisfies Meta<FiltersArgs>;

export default meta;

export type Story = StoryObj<FiltersArgs> & { globals?: StoryGlobals };

/** The search box, sort, and the buttons; filters folded. */
export const Default: Story = {};
/** Every filter control shown. */
export const Open: Story = { args: { filtersOpen: true } };
/** Several filters and a search already applied. */
export const Filtered: Story = {
  args: { filtersOpen: true, search: 'refund', filters: { priorities: ['high', 'urgent'], labels: ['billing'], hideSpam: false } },
};
/** As an agent who sees only their own conversations. */
export const AgentSelf: Story = { args: { userId: ROLE_USERS['agent (self)'], filtersOpen: true } };
export const Loading: Story = { args: { kind: 'loading', filtersOpen: true } };
export const Empty: Story = { args: { kind: 'empty', filtersOpen: true } };
export const Dark: Story = { args: { filtersOpen: true, theme: 'dark' }, globals: { theme: 'dark' } };
export const French: Story = { args: { filtersOpen: true }, globals: { locale: 'fr' } };
export const Spanish: Story = { args: { filtersOpen: true }, globals: { locale: 'es' } };
