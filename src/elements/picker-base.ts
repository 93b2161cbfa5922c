import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { InboxElement } from './shared/inbox-element.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { StoreController } from '../controllers/store.controller.js';
import { PickerCloseEvent, type PickerCloseReason } from '../events/picker-close.js';
import type { CommandType } from '../model/commands.js';
import { normalize } from '../model/search.js';
import type { Id, InboxState } from '../model/types.js';
import type { InboxStore } from '../store/inbox-store.js';
import { buttonStyles, controlStyles, optionStyles, popupStyles } from '../styles/controls.js';
import { styles } from './picker-base.styles.js';

/** One choice of a picker. */
export interface PickerOption {
  /** Stable within one picker; the option's DOM id derives from it. */
  readonly key: string;
  readonly label: string;
  /** Secondary text at the end of the row (a time, "Away", "deactivated"). */
  readonly description?: string | undefined;
  /** The heading of the group the option belongs to; consecutive options share it. */
  readonly group?: string | undefined;
  readonly disabled?: boolean | undefined;
  /** Single choice: the value all the target conversations have now. */
  readonly selected?: boolean | undefined;
  /** Multiple choice: on all targets, none, or some (`mixed`). */
  readonly checked?: boolean | 'mixed' | undefined;
}

/** What choosing an option did: the command dispatched, and whether the picker stays open. */
export interface PickResult {
  readonly command: CommandType | null;
  readonly keepOpen?: boolean;
}

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

let nextAnchor = 0;

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * The behaviour the four pickers share: a menu button (optional) and a
 * popover holding a listbox, keyboard operable (arrows, Home/End, Enter,
 * Space, type-ahead; Esc closes and returns focus), optionally with a
 * filter field in the combobox pattern. Subclasses supply the options and
 * what choosing one does; they dispatch their store command themselves.
 *
 * Keys pressed inside the panel never propagate out of it, so a list's
 * single-key shortcuts (E, S, A...) do not fire while a picker is open.
 */
export abstract class PickerBase extends InboxElement {
  static override styles = [InboxElement.styles, buttonStyles, controlStyles, popupStyles, optionStyles, styles];

  static override properties: PropertyDeclarations = {
    ids: { attribute: false },
    open: { type: Boolean, reflect: true },
    noTrigger: { type: Boolean, reflect: true, attribute: 'no-trigger' },
    filter: { state: true, attribute: false },
    activeKey: { state: true, attribute: false },
  };

  /**
   * The conversations to act on. Empty: the checked conversations of the
   * store's UI state, or else the open one.
   */
  ids: readonly Id[] = [];

  /** Whether the popover is shown. */
  open = false;

  /** Hides the built-in trigger button: the host opens the picker with `show()` and places the element. */
  noTrigger = false;

  protected filter = '';
  protected activeKey: string | null = null;

  /** Re-renders on every model change: labels, assignees and priorities come from it. */
  protected readonly model = new StoreController<InboxState>(this, (s) => s.model);

  /** Options of a filterable picker are narrowed by the text typed in its field. */
  protected filterable = false;
  /** Several options can be checked at once (the listbox stays open on a choice). */
  protected multiple = false;

  readonly #anchor = `--inbox-picker-${String(++nextAnchor)}`;
  #options: readonly PickerOption[] = [];
  #returnFocus: HTMLElement | null = null;

  /** The trigger button's text. */
  protected abstract triggerLabel(): string;
  /** The listbox's accessible name. */
  protected abstract listLabel(): string;
  /** The choices, in order; filterable pickers apply `this.filter` themselves (see `filterMatches`). */
  protected abstract options(): readonly PickerOption[];
  /** Applies a choice to `ids` through the store. */
  protected abstract choose(option: PickerOption, ids: readonly Id[], store: InboxStore): PickResult;

  /** The filter field's label. */
  protected filterLabel(): string {
    return msg('Filter', { id: 'picker.filter' });
  }

  /** Extra controls under the list (the snooze picker's date field). */
  protected renderFooter(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Accent- and case-insensitive substring match of the filter text. */
  protected filterMatches(...texts: readonly string[]): boolean {
    const wanted = normalize(this.filter.trim());
    return wanted === '' || texts.some((text) => normalize(text).includes(wanted));
  }

  /** The conversations a choice applies to (see `ids`). */
  get targetIds(): readonly Id[] {
    if (this.ids.length > 0) return this.ids;
    const ui = this.activeStore?.state.ui;
    if (!ui) return [];
    if (ui.checked.size > 0) return [...ui.checked];
    return ui.openId === null ? [] : [ui.openId];
  }

  /** Opens the popover and focuses its list (or filter field). */
  show(): void {
    this.open = true;
  }

  /**
   * Closes the popover, fires `close`, and returns focus to the trigger or
   * to what had it before `show()`.
   */
  close(reason: PickerCloseReason = 'cancel', command: CommandType | null = null, restoreFocus = true): void {
    if (!this.open) return;
    this.open = false;
    this.#hidePanel();
    if (restoreFocus) {
      const back = this.noTrigger ? this.#returnFocus : this.renderRoot.querySelector<HTMLElement>('.trigger');
      if (back?.isConnected) back.focus();
    }
    this.#returnFocus = null;
    this.dispatchEvent(new PickerCloseEvent(reason, command));
  }

  toggle(): void {
    if (this.open) this.close();
    else this.show();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open && changed.get('open') !== true) {
      this.#returnFocus = deepActiveElement();
      this.filter = '';
      this.activeKey = null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open) {
      document.addEventListener('pointerdown', this.#onOutsidePointer, true);
      const panel = this.#panel;
      if (panel && supportsPopover && !panel.matches(':popover-open')) panel.showPopover();
      this.#focusList();
    } else {
      this.#hidePanel();
    }
  }

  #hidePanel(): void {
    document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
    const panel = this.#panel;
    if (panel && supportsPopover && panel.matches(':popover-open')) panel.hidePopover();
  }

  get #panel(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.panel');
  }

  #focusList(): void {
    const target = this.filterable ? '.filter' : '.listbox';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  readonly #onOutsidePointer = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.close('cancel', null, false);
  };

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget;
    // null: a click on something unfocusable; the outside-pointer listener handles clicks.
    if (!(next instanceof Node)) return;
    if (next === this || this.contains(next) || this.renderRoot.contains(next)) return;
    this.close('cancel', null, false);
  }

  get #enabled(): readonly PickerOption[] {
    return this.#options.filter((o) => !o.disabled);
  }

  /** The highlighted option: the one last moved to, else the current value, else the first. */
  get #active(): PickerOption | undefined {
    const enabled = this.#enabled;
    return (
      enabled.find((o) => o.key === this.activeKey) ??
      (this.filter.trim() === '' ? enabled.find((o) => o.selected === true) : undefined) ??
      enabled[0]
    );
  }

  #move(to: 'next' | 'previous' | 'first' | 'last'): void {
    const enabled = this.#enabled;
    if (enabled.length === 0) return;
    const at = enabled.indexOf(this.#active!);
    const index =
      to === 'first' ? 0
      : to === 'last' ? enabled.length - 1
      : to === 'next' ? (at + 1) % enabled.length
      : (at - 1 + enabled.length) % enabled.length;
    this.activeKey = enabled[index]!.key;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector(`#${this.#optionId(this.activeKey!)}`)?.scrollIntoView({ block: 'nearest' }),
    );
  }

  #typeAhead(char: string): void {
    const enabled = this.#enabled;
    const start = enabled.indexOf(this.#active!) + 1;
    const wanted = normalize(char);
    for (let i = 0; i < enabled.length; i++) {
      const option = enabled[(start + i) % enabled.length]!;
      if (normalize(option.label).startsWith(wanted)) {
        this.activeKey = option.key;
        return;
      }
    }
  }

  /** Runs a choice; closes unless the subclass keeps the picker open. */
  protected pick(option: PickerOption | undefined): void {
    if (!option || option.disabled) return;
    const store = this.activeStore;
    if (!store) return;
    this.activeKey = option.key;
    const result = this.choose(option, this.targetIds, store);
    if (!result.keepOpen) this.close('applied', result.command);
  }

  #onKeydown(event: KeyboardEvent): void {
    event.stopPropagation();
    const target = event.composedPath()[0];
    const inList = target instanceof HTMLElement && (target.classList.contains('listbox') || target.classList.contains('filter'));
    const inListbox = target instanceof HTMLElement && target.classList.contains('listbox');
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close('cancel');
      return;
    }
    if (!inList || event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, 'next' | 'previous' | 'first' | 'last'> = {
      ArrowDown: 'next',
      ArrowUp: 'previous',
      ...(inListbox ? { Home: 'first', End: 'last' } : {}),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.#move(move);
    } else if (event.key === 'Enter' || (event.key === ' ' && inListbox)) {
      event.preventDefault();
      this.pick(this.#active);
    } else if (inListbox && event.key.length === 1 && event.key !== ' ') {
      this.#typeAhead(event.key);
    }
  }

  #onFilterInput(event: InputEvent): void {
    this.filter = (event.target as HTMLInputElement).value;
    this.activeKey = null;
  }

  #optionId(key: string): string {
    return `option-${key.replace(/[^\w-]/g, (ch) => `_${ch.charCodeAt(0).toString(16)}`)}`;
  }

  protected override render() {
    const options = this.open ? this.options() : [];
    this.#options = options;
    const active = this.open ? this.#active : undefined;
    const activeId = active ? this.#optionId(active.key) : undefined;
    const label = this.listLabel();
    return html`
      <span class="anchor" style=${`anchor-name: ${this.#anchor}`}>
        ${this.noTrigger
          ? nothing
          : html`<button
              part="trigger"
              class="trigger button"
              type="button"
              aria-haspopup="listbox"
              aria-expanded=${String(this.open)}
              @click=${() => this.toggle()}
            >
              ${this.triggerLabel()}
            </button>`}
      </span>
      <div
        part="panel"
        class="popup panel"
        style=${`position-anchor: ${this.#anchor}`}
        popover=${supportsPopover ? 'manual' : nothing}
        ?hidden=${!supportsPopover && !this.open}
        tabindex="-1"
        @keydown=${this.#onKeydown}
        @focusout=${this.#onFocusOut}
      >
        ${this.open ? this.#renderBody(options, label, active, activeId) : nothing}
      </div>
    `;
  }

  #renderBody(
    options: readonly PickerOption[],
    label: string,
    active: PickerOption | undefined,
    activeId: string | undefined,
  ): TemplateResult {
    return html`
      ${this.filterable
        ? html`<input
            part="filter"
            class="control filter"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-expanded="true"
            aria-controls="listbox"
            aria-autocomplete="list"
            aria-activedescendant=${activeId ?? nothing}
            aria-label=${this.filterLabel()}
            placeholder=${this.filterLabel()}
            .value=${live(this.filter)}
            @input=${this.#onFilterInput}
          />`
        : nothing}
      <div
        id="listbox"
        part="listbox"
        class="listbox"
        role="listbox"
        aria-label=${label}
        aria-multiselectable=${this.multiple ? 'true' : nothing}
        aria-activedescendant=${!this.filterable && activeId ? activeId : nothing}
        tabindex=${this.filterable ? '-1' : '0'}
      >
        ${options.length === 0
          ? html`<div class="option" role="option" aria-disabled="true" aria-selected="false" id="option-none">
              <span class="label">${msg('No matches', { id: 'picker.noMatches' })}</span>
            </div>`
          : this.#renderGroups(options, active)}
      </div>
      ${this.renderFooter()}
    `;
  }

  #renderGroups(options: readonly PickerOption[], active: PickerOption | undefined): TemplateResult[] {
    const groups: { label: string | undefined; options: PickerOption[] }[] = [];
    for (const option of options) {
      const last = groups.at(-1);
      if (last && last.label === option.group) last.options.push(option);
      else groups.push({ label: option.group, options: [option] });
    }
    return groups.map(({ label, options: members }, index) =>
      label === undefined
        ? html`${members.map((o) => this.#renderOption(o, o === active))}`
        : html`<div role="group" aria-labelledby="group-${index}">
            <div class="group-label" id="group-${index}" role="presentation">${label}</div>
            ${members.map((o) => this.#renderOption(o, o === active))}
          </div>`,
    );
  }

  #renderOption(option: PickerOption, active: boolean): TemplateResult {
    const checked = option.checked;
    const mark = this.multiple ? (checked === true ? '✓' : checked === 'mixed' ? '–' : '') : option.selected ? '✓' : '';
    return html`<div
      id=${this.#optionId(option.key)}
      part="option${active ? ' option-active' : ''}"
      class="option ${active ? 'active' : ''}"
      role="option"
      aria-selected=${this.multiple ? nothing : String(option.selected === true)}
      aria-checked=${this.multiple ? (checked === 'mixed' ? 'mixed' : String(checked === true)) : nothing}
      aria-disabled=${option.disabled ? 'true' : nothing}
      data-key=${option.key}
      @pointerdown=${(e: PointerEvent) => e.preventDefault()}
      @click=${() => this.pick(option)}
    >
      <span class="check" aria-hidden="true">${mark}</span>
      <span class="label">${option.label}</span>
      ${option.description ? html`<span class="description">${option.description}</span>` : nothing}
    </div>`;
  }
}
