import { html, type TemplateResult, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import { getLocale } from '../../i18n/localization.js';
import type { Id, SnoozeUntil } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { PickerBase, type PickerOption, type PickResult } from '../picker-base.js';
import { datePlaceholder, formatTime, parseDate, parseTime } from '../shared/dates.js';

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

/**
 * @summary Snoozes conversations (R18): in an hour, tomorrow at 9:00, next
 * Monday at 9:00, until the contact replies, or until a date and time.
 *
 * A menu button with a listbox popover. Choosing a preset (click, Enter or
 * Space) dispatches `snooze` for every id at once and closes; the date and
 * time fields below the list take any future time, typed in the inbox's
 * language (`31/12/2026` and `15:30` in French; the browser's own date
 * picker would follow the browser's language instead). Arrows, Home/End and type-ahead
 * move; Esc closes and returns focus. Works inside an `<inbox-provider>` or
 * with `.store`; `.ids` defaults to the checked, else the open conversation.
 *
 * @fires close - {PickerCloseEvent} The popover closed; `reason` is `applied` (with the `command`) or `cancel`.
 *
 * @csspart trigger - The menu button (absent with `no-trigger`).
 * @csspart panel - The popover.
 * @csspart listbox - The list of presets.
 * @csspart option - One preset; `option-active` marks the highlighted one.
 * @csspart date - The date field.
 * @csspart time - The time field.
 * @csspart apply - The button that snoozes until the date.
 *
 * @cssprop --inbox-picker-background - Background of the popover. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-picker-min-width - Minimum width of the popover. Defaults to `15rem`.
 * @cssprop --inbox-picker-max-height - Maximum height of the popover. Defaults to `min(24rem, 70vh)`.
 */
export class SnoozePicker extends PickerBase {
  static override properties: PropertyDeclarations = {
    now: { attribute: false },
    date: { state: true, attribute: false },
    time: { state: true, attribute: false },
  };

  /** The clock the presets count from (tests, demos). */
  now: () => number = Date.now;

  /** The date and time typed, as typed. */
  private date = '';
  private time = '';

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

  /** The typed date and time (09:00 when none) as a time, if it is a real, future one. */
  get #customTime(): number | null {
    const day = parseDate(this.date, getLocale());
    const minutes = this.time.trim() === '' ? 9 * 60 : parseTime(this.time);
    if (day === null || minutes === null) return null;
    const at = new Date(day);
    at.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0);
    return at.getTime() > this.now() ? at.getTime() : null;
  }

  #snoozeCustom(event: Event): void {
    event.preventDefault();
    const until = this.#customTime;
    const store = this.activeStore;
    if (until === null || !store) return;
    store.dispatch('snooze', { ids: this.targetIds, until });
    this.date = '';
    this.time = '';
    this.close('applied', 'snooze');
  }

  protected override renderFooter(): TemplateResult {
    const locale = getLocale();
    const typed = this.date.trim() !== '';
    const invalid = typed && this.#customTime === null;
    return html`<form class="footer" @submit=${this.#snoozeCustom}>
      <fieldset class="when">
        <legend>${msg('Until a date', { id: 'picker.snooze.date' })}</legend>
        <label
          ><span class="visually-hidden">${msg('Date', { id: 'picker.snooze.day' })}</span
          ><input
            part="date"
            class="control field"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            placeholder=${datePlaceholder(locale)}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby="when-hint"
            .value=${this.date}
            @input=${(e: Event) => (this.date = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          ><span class="visually-hidden">${msg('Time', { id: 'picker.snooze.time' })}</span
          ><input
            part="time"
            class="control field time"
            type="text"
            autocomplete="off"
            placeholder=${formatTime(9 * 60, locale)}
            .value=${this.time}
            @input=${(e: Event) => (this.time = (e.target as HTMLInputElement).value)}
        /></label>
        <span id="when-hint" class="hint">${invalid
          ? msg('Not a future date and time.', { id: 'picker.snooze.invalid' })
          : msg(str`As ${datePlaceholder(locale)}, at 9:00 unless you say`, { id: 'picker.snooze.hint' })}</span>
      </fieldset>
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
