import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import { DEMO_USER_IDS } from '../src/backend/demo-data.js';
import { callStory, endedCallConversation } from './call-story.js';

/**
 * Stories double as test fixtures (src/elements/call-card/call-card.test.ts
 * renders them): each renders from its args alone, on a fresh demo store
 * whose phone system sets up the story's call once the store is live.
 */
export const CALL_SCENES = ['active', 'recording', 'ended', 'outgoing', 'none', 'conversation'] as const;
export type CallSceneName = (typeof CALL_SCENES)[number];

export interface CallCardArgs {
  userId: string;
  scene: CallSceneName;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

/** How long the story's call has been talked on, in seconds. */
export const TALKED_FOR = 83;

const render = ({ userId, scene, theme }: CallCardArgs): TemplateResult => {
  // The user's call as it happens, or (ended, conversation) one from before, named by id.
  let named: { conversationId: string; itemId?: string } | undefined;
  const { store } = callStory(userId, {
    before: (phone) => {
      if (scene === 'ended') {
        const ids = phone.answered(userId, 200);
        phone.record(userId, ids);
        phone.end(userId, ids, 185);
        named = ids;
      } else if (scene === 'conversation') {
        named = { conversationId: endedCallConversation(phone.backend) };
      }
    },
    live: (phone) => {
      if (scene === 'active') phone.answered(userId, TALKED_FOR);
      else if (scene === 'recording') phone.record(userId, phone.answered(userId, TALKED_FOR));
      else if (scene === 'outgoing') phone.placed(userId);
    },
  });
  const card = html`<call-card
    .store=${store}
    conversation-id=${ifDefined(named?.conversationId)}
    item-id=${ifDefined(named?.itemId)}
    theme=${ifDefined(theme)}
    style="max-width: 24rem"
  ></call-card>`;
  return theme === 'dark' ? html`<div style="color-scheme: dark; background: #0d1117; padding: 1rem">${card}</div>` : card;
};

const meta = {
  title: 'Elements/call-card',
  component: 'call-card',
  // The constants above are for tests, not stories.
  excludeStories: /^[A-Z_]+$/,
  args: { userId: DEMO_USER_IDS.agentAll, scene: 'active' },
  argTypes: {
    userId: { control: 'select', options: Object.values(DEMO_USER_IDS) },
    scene: { control: 'select', options: CALL_SCENES },
  },
  render,
} satisfies Meta<CallCardArgs>;

export default meta;

export type Story = StoryObj<CallCardArgs> & { globals?: StoryGlobals };

/** The user's call in progress, answered 1:23 ago: the timer runs. */
export const Active: Story = {};
/** The same, being recorded. */
export const Recording: Story = { args: { scene: 'recording' } };
/** A call that is over, named by `conversation-id` and `item-id`: its outcome and duration. */
export const Ended: Story = { args: { scene: 'ended' } };
/** The user called a contact; it still rings. */
export const Outgoing: Story = { args: { scene: 'outgoing' } };
/** The user is on no call. */
export const Empty: Story = { args: { scene: 'none' } };
/** Alone with `conversation-id`: that conversation's newest call, from its history (a CRM page). */
export const ForConversation: Story = { args: { scene: 'conversation' } };
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Spanish: Story = { globals: { locale: 'es' } };
