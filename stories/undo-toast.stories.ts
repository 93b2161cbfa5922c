import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { BulkCommand } from '../src/elements/bulk-bar/bulk-bar.js';
import type { StoryGlobals } from './inbox-list.stories.js';
import { ROLE_USERS, storyStore } from './demo-stores.js';

export interface UndoToastArgs {
  /** The change to show. */
  command: BulkCommand;
  /** On how many conversations. */
  count: number;
  /** Milliseconds before it dismisses itself (0: never). */
  duration: number;
}

export function renderToast({ command, count, duration }: UndoToastArgs): TemplateResult {
  const store = storyStore({ userId: ROLE_USERS.owner });
  void store.ready.then(() => {
    const ids = store.selectors.list(store.state).slice(0, count).map((c) => c.id);
    store.dispatch(command, { ids });
  });
  return html`<div style="position: relative; block-size: 8rem">
    <undo-toast .store=${store} duration=${duration}></undo-toast>
  </div>`;
}

const meta = {
  title: 'Elements/undo-toast',
  component: 'undo-toast',
  args: { command: 'markDone', count: 3, duration: 0 },
  argTypes: {
    command: { control: 'select', options: ['markDone', 'reopen', 'markUnread', 'markRead', 'trash', 'markSpam'] },
    count: { control: { type: 'number', min: 1, max: 50 } },
    duration: { control: { type: 'number', min: 0, step: 1000 } },
  },
  render: renderToast,
} satisfies Meta<UndoToastArgs>;

export default meta;

export type Story = StoryObj<UndoToastArgs> & { globals?: StoryGlobals };

/** "Marked done · 3 conversations · Undo". */
export const Default: Story = {};

/** One conversation. */
export const One: Story = { args: { count: 1, command: 'trash' } };

/** Dismisses itself after 4 seconds. */
export const AutoDismiss: Story = { args: { duration: 4000 } };

export const Dark: Story = {
  globals: { theme: 'dark' },
  render: (args) => html`<div data-theme="dark" style="color-scheme: dark; background: #0d1117; padding: 1rem">${renderToast(args)}</div>`,
};

export const French: Story = { globals: { locale: 'fr' } };
export const Spanish: Story = { globals: { locale: 'es' } };
