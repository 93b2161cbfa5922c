import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { Contact } from '../../model/types.js';
import { STANDARD_FIELDS, formatNumber, isFieldKey, type FieldKey } from './contact-labels.js';
import { focusAfterUpdate, type PanelHost } from './panel-host.js';

/** Every field a contact can show: the standard ones, then its custom attributes. */
const allFields = (contact: Contact): FieldKey[] => [
  ...STANDARD_FIELDS,
  ...Object.keys(contact.attributes).map((key): FieldKey => `custom:${key}`),
];

/** The fields shown, in order: the known, distinct ones of `fields`, else all of them. */
export function shownFields(fields: readonly string[] | undefined, contact: Contact): FieldKey[] {
  return fields ? [...new Set(fields.filter(isFieldKey))] : allFields(contact);
}

/**
 * The Customize menu: a checkbox per field to show or hide it, Up and Down
 * buttons to reorder the shown ones. It changes nothing itself: `change`
 * receives the new list, for the panel to set and announce to the host.
 */
export class FieldOrderMenu {
  #open = false;
  readonly #panel: PanelHost;
  readonly #change: (next: readonly FieldKey[]) => void;

  constructor(panel: PanelHost, change: (next: readonly FieldKey[]) => void) {
    this.#panel = panel;
    this.#change = change;
  }

  /** The Customize button and its menu, offering the shown fields in order, then the rest. */
  render(contact: Contact, shown: readonly FieldKey[]): TemplateResult {
    const menuId = `${this.#panel.uid}-customize`;
    const candidates = [...shown, ...allFields(contact).filter((key) => !shown.includes(key))];
    return html`<div class="customize">
      <button
        type="button"
        part="customize"
        aria-expanded=${this.#open ? 'true' : 'false'}
        aria-controls=${menuId}
        @click=${() => this.#setOpen(!this.#open)}
      >
        ${msg('Customize fields', { id: 'contactPanel.customize' })}
      </button>
      <div id=${menuId} class="customize-menu" part="customize-menu" ?hidden=${!this.#open} @keydown=${this.#keydown}>
        <ul class="plain" aria-label=${msg('Fields shown, in order', { id: 'contactPanel.customize.label' })}>
          ${repeat(
            candidates,
            (key) => key,
            (key) => {
              const index = shown.indexOf(key);
              const label = this.#panel.fieldLabel(key);
              return html`<li>
                <label
                  ><input type="checkbox" .checked=${live(index >= 0)} @change=${() => this.#toggle(key, shown)} />
                  ${label}</label
                >
                ${index >= 0
                  ? html`<button
                        type="button"
                        data-move="up"
                        data-field=${key}
                        aria-label=${msg(str`Move ${label} up`, { id: 'contactPanel.customize.up' })}
                        ?disabled=${index === 0}
                        @click=${() => this.#move(key, shown, -1)}
                      >
                        <span aria-hidden="true">↑</span> ${msg('Up', { id: 'contactPanel.customize.upShort' })}
                      </button>
                      <button
                        type="button"
                        data-move="down"
                        data-field=${key}
                        aria-label=${msg(str`Move ${label} down`, { id: 'contactPanel.customize.down' })}
                        ?disabled=${index === shown.length - 1}
                        @click=${() => this.#move(key, shown, 1)}
                      >
                        <span aria-hidden="true">↓</span> ${msg('Down', { id: 'contactPanel.customize.downShort' })}
                      </button>`
                  : nothing}
              </li>`;
            },
          )}
        </ul>
      </div>
    </div>`;
  }

  #setOpen(open: boolean): void {
    this.#open = open;
    this.#panel.element.requestUpdate();
  }

  #toggle(key: FieldKey, shown: readonly FieldKey[]): void {
    const showing = shown.includes(key);
    this.#change(showing ? shown.filter((k) => k !== key) : [...shown, key]);
    this.#panel.announce(
      showing
        ? msg(str`${this.#panel.fieldLabel(key)} hidden.`, { id: 'contactPanel.customize.hidden' })
        : msg(str`${this.#panel.fieldLabel(key)} shown.`, { id: 'contactPanel.customize.shown' }),
    );
  }

  #move(key: FieldKey, shown: readonly FieldKey[], by: -1 | 1): void {
    const from = shown.indexOf(key);
    const to = from + by;
    if (from < 0 || to < 0 || to >= shown.length) return;
    const next = [...shown];
    next.splice(from, 1);
    next.splice(to, 0, key);
    this.#change(next);
    const position = formatNumber(to + 1);
    const count = formatNumber(next.length);
    this.#panel.announce(
      msg(str`${this.#panel.fieldLabel(key)} moved to position ${position} of ${count}.`, { id: 'contactPanel.customize.moved' }),
    );
    // The button pressed stays focused, unless the field reached the end it moved to.
    const atEnd = by < 0 ? to === 0 : to === next.length - 1;
    const direction = (by < 0) !== atEnd ? 'up' : 'down';
    void focusAfterUpdate(this.#panel.element, `[data-move="${direction}"][data-field="${CSS.escape(key)}"]`);
  }

  readonly #keydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.#setOpen(false);
    void focusAfterUpdate(this.#panel.element, '[part~=customize]');
  };
}
