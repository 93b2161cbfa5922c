import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import { CALL_FILTERS, type CallFilter } from '../src/model/calls.js';
import { DEMO_USER_IDS } from '../src/backend/demo-data.js';
import { callStory, type RingSpec } from './call-story.js';
import { ROLE_USERS } from './demo-stores.js';

/**
 * Stories double as test fixtures (src/elements/incoming-calls/incoming-calls.test.ts
 * renders them): each renders from its args alone, on a fresh demo store
 * whose phone system rings the story's calls once the store is live.
 */
export const CALL_SETS = ['several', 'none'] as const;
export type CallSet = (typeof CALL_SETS)[number];

export interface IncomingCallsArgs {
  userId: string;
  calls: CallSet;
  filter: CallFilter;
  /** Show a `<call-card>` beside the list, in one `<inbox-provider>`. */
  withCard: boolean;
  /** The list's width in px (0: the page's), as a dock or a sidebar gives it. */
  width: number;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

/**
 * Six calls: two from contacts no one owns (R10), one for each of Léa
 * (agent, all), Hugo (agent, team Support), Sam (agent, self, Support) and
 * Tom (agent, team Sales), so that every role's tabs have something to show
 * and to hide (R14).
 */
export const SEVERAL: readonly RingSpec[] = [
  { target: { kind: 'unassigned' }, rungFor: 42 },
  { target: { kind: 'assigned', userId: DEMO_USER_IDS.agentAll }, rungFor: 95 },
  { target: { kind: 'assigned', userId: 'u-hugo' }, rungFor: 30 },
  { target: { kind: 'assigned', userId: DEMO_USER_IDS.agentSelf }, rungFor: 64 },
  { target: { kind: 'assigned', userId: DEMO_USER_IDS.agentTeam }, rungFor: 20 },
  { target: { kind: 'unassigned' }, rungFor: 7 },
];

const render = ({ userId, calls, filter, withCard, width, theme }: IncomingCallsArgs): TemplateResult => {
  const { store } = callStory(userId, {
    live: (scene) => {
      if (calls === 'several') for (const spec of SEVERAL) scene.ring(spec);
    },
  });
  const content = withCard
    ? html`<inbox-provider .store=${store}>
        <div style="display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1rem; align-items: start">
          <incoming-calls filter=${filter} theme=${ifDefined(theme)}></incoming-calls>
          <call-card theme=${ifDefined(theme)}></call-card>
        </div>
      </inbox-provider>`
    : html`<incoming-calls
        .store=${store}
        filter=${filter}
        theme=${ifDefined(theme)}
        style=${ifDefined(width ? `inline-size: ${String(width)}px; border: 1px solid #d1d9e0` : undefined)}
      ></incoming-calls>`;
  return theme === 'dark' ? html`<div style="color-scheme: dark; background: #0d1117; padding: 1rem">${content}</div>` : content;
};

const meta = {
  title: 'Elements/incoming-calls',
  component: 'incoming-calls',
  // The constants above are for tests, not stories.
  excludeStories: /^[A-Z_]+$/,
  args: { userId: DEMO_USER_IDS.agentAll, calls: 'several', filter: 'all', withCard: false, width: 0 },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    calls: { control: 'select', options: CALL_SETS },
    filter: { control: 'select', options: CALL_FILTERS },
    withCard: { control: 'boolean' },
    width: { control: { type: 'number', min: 0, max: 1400, step: 10 } },
  },
  render,
} satisfies Meta<IncomingCallsArgs>;

export default meta;

export type Story = StoryObj<IncomingCallsArgs> & { globals?: StoryGlobals };

/** An agent who sees everything: six calls ringing, longest waiting first, one line each; the list scrolls past four. */
export const Several: Story = {};
/** Unassigned calls only: answering one assigns the contact and the conversation (R10). */
export const Unassigned: Story = { args: { filter: 'unassigned' } };
/** No call rings. */
export const Empty: Story = { args: { calls: 'none' } };
/** An agent with visibility `self`: only their own calls, and no filter to choose (R14). */
export const AgentSelf: Story = { args: { userId: DEMO_USER_IDS.agentSelf } };
/** An agent with visibility `team`: their team's calls, no Unassigned (R14). */
export const AgentTeam: Story = { args: { userId: DEMO_USER_IDS.agentTeam } };
/** With a `<call-card>` in the same provider: an answered call moves to the card. */
export const WithCard: Story = { args: { withCard: true } };
/** In a 320 px sidebar, as a strip: the name, the time, Answer and Decline on one line. */
export const Narrow: Story = { args: { width: 320 } };
export const Dark: Story = { args: { theme: 'dark', withCard: true }, globals: { theme: 'dark' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Spanish: Story = { globals: { locale: 'es' } };
