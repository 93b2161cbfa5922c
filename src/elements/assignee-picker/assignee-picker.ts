import { msg } from '@lit/localize';
import type { Assignee, Id } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { PickerBase, type PickerOption, type PickResult } from '../picker-base.js';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * @summary Assigns conversations (R10) to a user, a bot or nobody, or moves
 * them to a team, one or many at once, with a type-ahead filter.
 *
 * A menu button with a filter field (combobox pattern) over a listbox
 * grouped as Nobody, People, Bots and Teams. Deactivated users are listed,
 * marked, and cannot be chosen; away users are marked. The current
 * assignee of all the targets is marked selected. Choosing (click, Enter)
 * dispatches `assign` (or `setTeam` for a team) for every id and closes;
 * arrows move, Esc closes and returns focus. Works inside an
 * `<inbox-provider>` or with `.store`; `.ids` defaults to the checked, else
 * the open conversation.
 *
 * @fires close - {PickerCloseEvent} The popover closed; `reason` is `applied` (with the `command`) or `cancel`.
 *
 * @csspart trigger - The menu button (absent with `no-trigger`).
 * @csspart panel - The popover.
 * @csspart filter - The type-ahead field.
 * @csspart listbox - The list of assignees.
 * @csspart option - One assignee; `option-active` marks the highlighted one.
 *
 * @cssprop --inbox-picker-background - Background of the popover. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-picker-min-width - Minimum width of the popover. Defaults to `15rem`.
 * @cssprop --inbox-picker-max-height - Maximum height of the popover. Defaults to `min(24rem, 70vh)`.
 */
export class AssigneePicker extends PickerBase {
  protected override filterable = true;

  protected override triggerLabel(): string {
    return msg('Assign', { id: 'picker.assign.trigger' });
  }

  protected override listLabel(): string {
    return msg('Assign to', { id: 'picker.assign.label' });
  }

  protected override filterLabel(): string {
    return msg('Find a person, bot or team', { id: 'picker.assign.filter' });
  }

  protected override options(): readonly PickerOption[] {
    const model = this.model.value;
    if (!model) return [];
    const targets = this.targetIds.flatMap((id) => model.conversations.get(id) ?? []);
    const keyOf = (a: Assignee | null) => (a === null ? 'nobody' : `${a.type}:${a.id}`);
    const assignees = new Set(targets.map((c) => keyOf(c.assignee)));
    const current = assignees.size === 1 ? [...assignees][0] : undefined;
    const teams = new Set(targets.map((c) => c.teamId));
    const currentTeam = teams.size === 1 ? [...teams][0] : undefined;

    const options: PickerOption[] = [];
    const nobody = msg('Nobody', { id: 'picker.assign.nobody' });
    if (this.filterMatches(nobody)) options.push({ key: 'nobody', label: nobody, selected: current === 'nobody' });

    const people = msg('People', { id: 'picker.assign.people' });
    const deactivated = msg('deactivated', { id: 'picker.assign.deactivated' });
    const away = msg('away', { id: 'picker.assign.away' });
    for (const user of [...model.users.values()].sort(byName)) {
      if (!this.filterMatches(user.name)) continue;
      options.push({
        key: `user:${user.id}`,
        label: user.name,
        group: people,
        disabled: !user.active,
        description: !user.active ? deactivated : user.availability === 'away' ? away : undefined,
        selected: current === `user:${user.id}`,
      });
    }
    const bots = msg('Bots', { id: 'picker.assign.bots' });
    for (const bot of [...model.bots.values()].sort(byName)) {
      if (this.filterMatches(bot.name)) {
        options.push({ key: `bot:${bot.id}`, label: bot.name, group: bots, selected: current === `bot:${bot.id}` });
      }
    }
    const teamGroup = msg('Teams', { id: 'picker.assign.teams' });
    for (const team of [...model.teams.values()].sort(byName)) {
      if (this.filterMatches(team.name)) {
        options.push({ key: `team:${team.id}`, label: team.name, group: teamGroup, selected: currentTeam === team.id });
      }
    }
    return options;
  }

  protected override choose(option: PickerOption, ids: readonly Id[], store: InboxStore): PickResult {
    const colon = option.key.indexOf(':');
    const type = colon < 0 ? option.key : option.key.slice(0, colon);
    const id = option.key.slice(colon + 1);
    if (type === 'team') {
      store.dispatch('setTeam', { ids, teamId: id });
      return { command: 'setTeam' };
    }
    const assignee: Assignee | null = type === 'user' ? { type: 'user', id } : type === 'bot' ? { type: 'bot', id } : null;
    store.dispatch('assign', { ids, assignee });
    return { command: 'assign' };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'assignee-picker': AssigneePicker;
  }
}
