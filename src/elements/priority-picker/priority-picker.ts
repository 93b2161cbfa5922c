import { msg } from '@lit/localize';
import { PRIORITIES, type Id, type Priority } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { PickerBase, type PickerOption, type PickResult } from '../picker-base.js';
import { priorityLabel } from '../shared/priority.js';

/**
 * @summary Sets the priority of conversations (R19): none, low, medium, high
 * or urgent, on one or many at once.
 *
 * A menu button with a listbox popover; the priority every target shares is
 * marked selected. Choosing one (click, Enter, Space) dispatches
 * `setPriority` for all the ids and closes. Arrows, Home/End and type-ahead
 * move; Esc closes and returns focus. Works inside an `<inbox-provider>` or
 * with `.store`; `.ids` defaults to the checked, else the open conversation.
 *
 * @fires close - {PickerCloseEvent} The popover closed; `reason` is `applied` (with the `command`) or `cancel`.
 *
 * @csspart trigger - The menu button (absent with `no-trigger`).
 * @csspart panel - The popover.
 * @csspart listbox - The list of priorities.
 * @csspart option - One priority; `option-active` marks the highlighted one.
 *
 * @cssprop --inbox-picker-background - Background of the popover. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-picker-min-width - Minimum width of the popover. Defaults to `15rem`.
 * @cssprop --inbox-picker-max-height - Maximum height of the popover. Defaults to `min(24rem, 70vh)`.
 */
export class PriorityPicker extends PickerBase {
  protected override triggerLabel(): string {
    return msg('Priority', { id: 'picker.priority.trigger' });
  }

  protected override listLabel(): string {
    return msg('Set priority', { id: 'picker.priority.label' });
  }

  protected override options(): readonly PickerOption[] {
    const conversations = this.model.value?.conversations;
    const current = new Set(this.targetIds.map((id) => conversations?.get(id)?.priority));
    const shared = current.size === 1 ? [...current][0] : undefined;
    return PRIORITIES.map((priority) => ({ key: priority, label: priorityLabel(priority), selected: priority === shared }));
  }

  protected override choose(option: PickerOption, ids: readonly Id[], store: InboxStore): PickResult {
    store.dispatch('setPriority', { ids, priority: option.key as Priority });
    return { command: 'setPriority' };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'priority-picker': PriorityPicker;
  }
}
