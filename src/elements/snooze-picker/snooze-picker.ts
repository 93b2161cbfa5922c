import { html, type TemplateResult, type PropertyDeclarations } from 'lit';
import { updateWhenLocaleChanges, msg } from '@lit/localize';
import { getLocale } from '../../i18n/localization.js';
import type { Id, SnoozeUntil } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { PickerBase, type PickerOption, type PickResult } from '../picker-base.js';

const HOUR = 60 * 60 * 1000;

/** The presets of R18, in menu order. */
export const SNOOZE_PRESETS = ['hour', 'tomorrow', 'next-week', 'next-message'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

/** 9:00 local time on the day `days` after `now`'s. */
function atNine(now: number, days: number): number {
  const date = new Date(now);
  date.setDate(date.getDate() + days);
  date.setHours(9, 0, 0, 0);
  return date.getTime();
}

/**
 * When a preset ends, in local time: in an hour; tomorrow at 9:00; next
 * week, on Monday at 9:00 (a week from today on a Monday); or until the
 * contact's next message.
 */
export function snoozeUntil(preset: SnoozePreset, now: number): SnoozeUntil {
  switch (preset) {
    case 'hour':
      return now + HOUR;
    case 'tomorrow':
      return atNine(now, 1);
    case 'next-week': {
      const day = new Date(now).getDay(); // 0 Sunday .. 6 Saturday
      return atNine(now, ((8 - day) % 7) || 7);
    }
    case 'next-message':
      return 'next-message';
  }
}

/** `YYYY-MM-DDTHH:mm` in local time, the value format of `<input type="datetime-local">`. */
export function toLocalInput(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear())}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * @summary Snoozes conversations (R18): in an hour, tomorrow at 9:00, next
 * Monday at 9:00, until the contact replies, or until a date and time.
 *
 * A menu button with a listbox popover. Choosing a preset (click, Enter or
 * Space) dispatches `snooze` for every id at once and closes; the date field
 * below the list takes any future time. Arrows, Home/End and type-ahead
 * move; Esc closes and returns focus. Works inside an `<inbox-provider>` or
 * with `.store`; `.ids` defaults to the checked, else the open conversation.
 *
 * @fires close - {PickerCloseEvent} The popover closed; `reason` is `applied` (with the `command`) or `cancel`.
 *
 * @csspart trigger - The menu button (absent with `no-trigger`).
 * @csspart panel - The popover.
 * @csspart listbox - The list of presets.
 * @csspart option - One preset; `option-active` marks the highlighted one.
 * @csspart date - The date and time field.
 * @csspart apply - The button that snoozes until the date.
 *
 * @cssprop --inbox-picker-background - Background of the popover. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-picker-min-width - Minimum width of the popover. Defaults to `15rem`.
 * @cssprop --inbox-picker-max-height - Maximum height of the popover. Defaults to `min(24rem, 70vh)`.
 */
export class SnoozePicker extends PickerBase {
  static {
    this.addInitializer(updateWhenLocaleChanges); // re-renders on setLocale(), as @localized() would
  }

  static override properties: PropertyDeclarations = {
    now: { attribute: false },
    custom: { state: true, attribute: false },
  };

  /** The clock the presets count from (tests, demos). */
  now: () => number = Date.now;

  private custom = '';

  protected override triggerLabel(): string {
    return msg('Snooze', { id: 'picker.snooze.trigger' });
  }

  protected override listLabel(): string {
    return msg('Snooze until', { id: 'picker.snooze.label' });
  }

  #presetLabel(preset: SnoozePreset): string {
    switch (preset) {
      case 'hour':
        return msg('In an hour', { id: 'picker.snooze.hour' });
      case 'tomorrow':
        return msg('Tomorrow', { id: 'picker.snooze.tomorrow' });
      case 'next-week':
        return msg('Next week', { id: 'picker.snooze.nextWeek' });
      case 'next-message':
        return msg('Until the contact replies', { id: 'picker.snooze.nextMessage' });
    }
  }

  protected override options(): readonly PickerOption[] {
    const now = this.now();
    const locale = getLocale();
    const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
    const dayTime = new Intl.DateTimeFormat(locale, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
    return SNOOZE_PRESETS.map((preset) => {
      const until = snoozeUntil(preset, now);
      const description = until === 'next-message' ? undefined : (preset === 'hour' ? time : dayTime).format(until);
      return { key: preset, label: this.#presetLabel(preset), description };
    });
  }

  protected override choose(option: PickerOption, ids: readonly Id[], store: InboxStore): PickResult {
    const until = snoozeUntil(option.key as SnoozePreset, this.now());
    store.dispatch('snooze', { ids, until });
    return { command: 'snooze' };
  }

  /** The custom time as a number, if it is a valid future time. */
  get #customTime(): number | null {
    if (this.custom === '') return null;
    const time = new Date(this.custom).getTime();
    return Number.isFinite(time) && time > this.now() ? time : null;
  }

  #snoozeCustom(event: Event): void {
    event.preventDefault();
    const until = this.#customTime;
    const store = this.activeStore;
    if (until === null || !store) return;
    store.dispatch('snooze', { ids: this.targetIds, until });
    this.custom = '';
    this.close('applied', 'snooze');
  }

  protected override renderFooter(): TemplateResult {
    const min = toLocalInput(this.now());
    return html`<form class="footer" @submit=${this.#snoozeCustom}>
      <label
        >${msg('Until a date', { id: 'picker.snooze.date' })}
        <input
          part="date"
          class="control field"
          type="datetime-local"
          min=${min}
          .value=${this.custom}
          @input=${(e: Event) => (this.custom = (e.target as HTMLInputElement).value)}
      /></label>
      <button part="apply" class="button primary" type="submit" ?disabled=${this.#customTime === null}>
        ${msg('Snooze', { id: 'picker.snooze.apply' })}
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'snooze-picker': SnoozePicker;
  }
}
