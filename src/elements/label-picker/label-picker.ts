import { msg, str } from '@lit/localize';
import { knownLabels } from '../../model/labels.js';
import { normalize } from '../../model/search.js';
import type { Conversation, Id } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { PickerBase, type PickerOption, type PickResult } from '../picker-base.js';

/** Whether a label is on all, none or some of the conversations. */
export function labelState(label: string, conversations: readonly Conversation[]): boolean | 'mixed' {
  const on = conversations.filter((c) => c.labels.includes(label)).length;
  return on === 0 ? false : on === conversations.length ? true : 'mixed';
}

/**
 * @summary Adds and removes labels on conversations (R19), one or many at
 * once, and creates a label by typing its name.
 *
 * A menu button with a filter field and a multi-select listbox of every
 * label the store's conversations use. Each label is checked when all the
 * target conversations have it, unchecked when none do, and mixed when some
 * do; choosing it (click, Enter) adds it to all of them, or removes it from
 * all when it was checked. Typing a name that does not exist offers
 * "Create label"; Enter creates it on every target. The popover stays open
 * for several changes; Esc closes it and returns focus. Works inside an
 * `<inbox-provider>` or with `.store`; `.ids` defaults to the checked, else
 * the open conversation.
 *
 * @fires close - {PickerCloseEvent} The popover closed (`reason` is `cancel`: labels apply as they are chosen).
 *
 * @csspart trigger - The menu button (absent with `no-trigger`).
 * @csspart panel - The popover.
 * @csspart filter - The field that filters, and names a new label.
 * @csspart listbox - The list of labels.
 * @csspart option - One label; `option-active` marks the highlighted one.
 *
 * @cssprop --inbox-picker-background - Background of the popover. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-picker-min-width - Minimum width of the popover. Defaults to `15rem`.
 * @cssprop --inbox-picker-max-height - Maximum height of the popover. Defaults to `min(24rem, 70vh)`.
 */
export class LabelPicker extends PickerBase {
  protected override filterable = true;
  protected override multiple = true;

  protected override triggerLabel(): string {
    return msg('Labels', { id: 'picker.label.trigger' });
  }

  protected override listLabel(): string {
    return msg('Labels', { id: 'picker.label.label' });
  }

  protected override filterLabel(): string {
    return msg('Find or create a label', { id: 'picker.label.filter' });
  }

  protected override options(): readonly PickerOption[] {
    const model = this.model.value;
    if (!model) return [];
    const targets = this.targetIds.flatMap((id) => model.conversations.get(id) ?? []);
    const options: PickerOption[] = knownLabels(model.conversations)
      .filter((label) => this.filterMatches(label))
      .map((label) => ({ key: `label:${label}`, label, checked: labelState(label, targets) }));
    const name = this.filter.trim();
    const exists = knownLabels(model.conversations).some((label) => normalize(label) === normalize(name));
    if (name !== '' && !exists) {
      options.push({ key: `create:${name}`, label: msg(str`Create label "${name}"`, { id: 'picker.label.create' }) });
    }
    return options;
  }

  protected override choose(option: PickerOption, ids: readonly Id[], store: InboxStore): PickResult {
    if (option.key.startsWith('create:')) {
      const label = option.key.slice('create:'.length);
      store.dispatch('addLabels', { ids, labels: [label] });
      this.filter = '';
      this.activeKey = `label:${label}`;
      return { command: 'addLabels', keepOpen: true };
    }
    const label = option.key.slice('label:'.length);
    if (option.checked === true) {
      store.dispatch('removeLabels', { ids, labels: [label] });
      return { command: 'removeLabels', keepOpen: true };
    }
    store.dispatch('addLabels', { ids, labels: [label] });
    return { command: 'addLabels', keepOpen: true };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'label-picker': LabelPicker;
  }
}
