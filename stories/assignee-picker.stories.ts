import type { Meta } from '@storybook/web-components-vite';
import { pickerArgs, pickerArgTypes, pickerStories, renderPicker, type PickerArgs, type PickerStory } from './picker-story.js';

/** Stories double as test fixtures (src/elements/assignee-picker/assignee-picker.test.ts renders them). */
const meta = {
  title: 'Elements/assignee-picker',
  component: 'assignee-picker',
  args: pickerArgs,
  argTypes: pickerArgTypes,
  render: renderPicker('assignee-picker'),
} satisfies Meta<PickerArgs>;

export default meta;
export type Story = PickerStory;

export const Default: Story = pickerStories.Default;
export const Open: Story = pickerStories.Open;
export const Loading: Story = pickerStories.Loading;
export const Empty: Story = pickerStories.Empty;
export const AgentSelf: Story = pickerStories.AgentSelf;
export const Dark: Story = pickerStories.Dark;
export const French: Story = pickerStories.French;
export const Spanish: Story = pickerStories.Spanish;
