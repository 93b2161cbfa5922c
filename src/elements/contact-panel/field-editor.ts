import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { cleanContactPatch, validateContactPatch, type ContactPatch } from '../../model/contacts.js';
import type { Contact } from '../../model/types.js';
import { attributeValue, customKey, displayName, entryLabel, problemMessage, type EditKey, type FieldKey } from './contact-labels.js';
import { focusAfterUpdate, type PanelHost } from './panel-host.js';

/** An inline editor's state: what is typed, and what is wrong with it. */
interface Editor {
  readonly values: readonly string[];
  /** Per input, a localized problem, or null. */
  readonly errors: readonly (string | null)[];
  /** A refusal of the whole field (from the rules or the backend), shown under the first input. */
  readonly message: string | null;
}

const isList = (key: EditKey): key is 'phones' | 'emails' => key === 'phones' || key === 'emails';

/**
 * The inline editing of the contact's name and fields: each shows its
 * value and an Edit button, or its editor. What is typed is checked with
 * model/contacts.ts before `updateContact` is dispatched, and stays when
 * the check, the rules or (later) the backend refuses it. The editors'
 * state lives here; changing it asks the panel to update.
 */
export class FieldEditor {
  #editors: ReadonlyMap<EditKey, Editor> = new Map();
  readonly #panel: PanelHost;

  constructor(panel: PanelHost) {
    this.#panel = panel;
  }

  /** Closes every editor: they belonged to another contact. */
  reset(): void {
    this.#editors = new Map();
    this.#panel.element.requestUpdate();
  }

  /** The name, or its editor (the panel's header). */
  name(contact: Contact): TemplateResult {
    const editor = this.#editors.get('name');
    return editor
      ? this.#editor('name', editor, contact)
      : html`<h2 part="name">${contact.name}</h2>
          ${this.#editButton('name', contact)}`;
  }

  /** One detail: its label, then its value and Edit button, or its editor. */
  field(key: FieldKey, contact: Contact): TemplateResult {
    const editor = this.#editors.get(key);
    return html`<div class="field" part="field" data-field=${key}>
      <dt>${this.#panel.fieldLabel(key)}</dt>
      ${editor
        ? html`<dd class="editor-cell">${this.#editor(key, editor, contact)}</dd>`
        : html`<dd>${fieldValue(key, contact)}</dd>
            <dd>${this.#editButton(key, contact)}</dd>`}
    </div>`;
  }

  #focus(selector: string): void {
    void focusAfterUpdate(this.#panel.element, selector);
  }

  #set(key: EditKey, editor: Editor | null): void {
    const next = new Map(this.#editors);
    if (editor) next.set(key, editor);
    else next.delete(key);
    this.#editors = next;
    this.#panel.element.requestUpdate();
  }

  #start(key: EditKey, contact: Contact): void {
    const values = valuesOf(key, contact);
    this.#set(key, { values: values.length > 0 ? values : [''], errors: [], message: null });
    this.#focus(`[data-editor="${key}"] input`);
  }

  #cancel(key: EditKey): void {
    this.#set(key, null);
    this.#focus(`[data-edit="${key}"]`);
  }

  #input(key: EditKey, index: number, event: Event): void {
    const editor = this.#editors.get(key);
    if (!editor) return;
    const values = [...editor.values];
    values[index] = (event.target as HTMLInputElement).value;
    const errors = [...editor.errors];
    errors[index] = null;
    this.#set(key, { values, errors, message: null });
  }

  #addEntry(key: 'phones' | 'emails'): void {
    const editor = this.#editors.get(key);
    if (!editor) return;
    this.#set(key, { ...editor, values: [...editor.values, ''] });
    this.#focus(`[data-editor="${key}"] [data-index="${String(editor.values.length)}"]`);
  }

  #removeEntry(key: 'phones' | 'emails', index: number): void {
    const editor = this.#editors.get(key);
    if (!editor) return;
    const values = editor.values.filter((_, i) => i !== index);
    const errors = editor.errors.filter((_, i) => i !== index);
    this.#set(key, { values: values.length > 0 ? values : [''], errors, message: null });
    const next = Math.min(index, values.length - 1);
    this.#focus(next >= 0 ? `[data-editor="${key}"] [data-index="${next}"]` : `[data-editor="${key}"] input`);
  }

  #save(key: EditKey, contact: Contact): void {
    const editor = this.#editors.get(key);
    const store = this.#panel.store();
    if (!editor || !store) return;
    const errors = check(key, editor.values);
    const invalid = errors.findIndex((error) => error !== null);
    if (invalid >= 0) {
      this.#set(key, { ...editor, errors, message: null });
      this.#focus(`[data-editor="${key}"] [data-index="${invalid}"]`);
      return;
    }
    const patch = patchOf(key, editor.values, contact);
    const result = store.dispatch('updateContact', { contactId: contact.id, patch }, { undoable: false });
    if (!result.ok) {
      this.#set(key, { ...editor, errors: [], message: result.refusal.reason });
      this.#focus(`[data-editor="${key}"] input`);
      return;
    }
    const values = editor.values;
    this.#panel.track(result.command.id, contact.id, (reason) => {
      // The backend refused it: the editor opens again with what was typed, and why.
      this.#set(key, { values, errors: [], message: reason });
      this.#focus(`[data-editor="${key}"] input`);
    });
    this.#set(key, null);
    this.#panel.announce(msg(str`${this.#panel.fieldLabel(key)} saved.`, { id: 'contactPanel.saved' }));
    this.#focus(`[data-edit="${key}"]`);
  }

  #keydown(event: KeyboardEvent, key: EditKey, contact: Contact): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#cancel(key);
    } else if (event.key === 'Enter' && (event.target as HTMLElement).localName === 'input') {
      event.preventDefault();
      this.#save(key, contact);
    }
  }

  #editButton(key: EditKey, contact: Contact): TemplateResult {
    return html`<button
      type="button"
      part="edit"
      data-edit=${key}
      aria-label=${msg(str`Edit ${this.#panel.fieldLabel(key)}`, { id: 'contactPanel.editField' })}
      @click=${() => this.#start(key, contact)}
    >
      ${msg('Edit', { id: 'contactPanel.edit' })}
    </button>`;
  }

  #editor(key: EditKey, editor: Editor, contact: Contact): TemplateResult {
    const label = this.#panel.fieldLabel(key);
    const list = isList(key);
    const type = key === 'phones' ? 'tel' : key === 'emails' ? 'email' : 'text';
    return html`<div
      class="editor"
      part="editor"
      role="group"
      data-editor=${key}
      aria-label=${msg(str`Edit ${label}`, { id: 'contactPanel.editField' })}
      @keydown=${(event: KeyboardEvent) => this.#keydown(event, key, contact)}
    >
      ${editor.values.map((value, index) => {
        const error = editor.errors[index] ?? (index === 0 ? editor.message : null);
        const errorId = `${this.#panel.uid}-error-${key.replace(/[^\w-]/g, '_')}-${String(index)}`;
        return html`<div class="entry">
            <input
              part="input"
              type=${type}
              data-index=${index}
              autocomplete="off"
              maxlength="1000"
              .value=${live(value)}
              aria-label=${list ? entryLabel(key, index + 1) : label}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${ifDefined(error ? errorId : undefined)}
              @input=${(event: Event) => this.#input(key, index, event)}
            />
            ${list
              ? html`<button
                  type="button"
                  aria-label=${msg(str`Remove ${entryLabel(key, index + 1)}`, { id: 'contactPanel.removeEntry' })}
                  @click=${() => this.#removeEntry(key, index)}
                >
                  ${msg('Remove', { id: 'contactPanel.remove' })}
                </button>`
              : nothing}
          </div>
          ${error ? html`<p class="error" part="error" id=${errorId}>${error}</p>` : nothing}`;
      })}
      <div class="actions">
        ${list
          ? html`<button type="button" @click=${() => this.#addEntry(key)}>
              ${key === 'phones'
                ? msg('Add a phone', { id: 'contactPanel.addPhone' })
                : msg('Add an e-mail', { id: 'contactPanel.addEmail' })}
            </button>`
          : nothing}
        <button type="button" class="primary" part="save" @click=${() => this.#save(key, contact)}>
          ${msg('Save', { id: 'contactPanel.save' })}
        </button>
        <button type="button" part="cancel" @click=${() => this.#cancel(key)}>
          ${msg('Cancel', { id: 'contactPanel.cancel' })}
        </button>
      </div>
    </div>`;
  }
}

/** What an editor starts with: the field's current values. */
function valuesOf(key: EditKey, contact: Contact): string[] {
  switch (key) {
    case 'name':
      return [contact.name];
    case 'phones':
      return [...contact.phones];
    case 'emails':
      return [...contact.emails];
    case 'company':
    case 'country':
    case 'language':
      return [contact[key] ?? ''];
    default:
      return [contact.attributes[customKey(key) ?? ''] ?? ''];
  }
}

/** The model's verdict on what is typed, input by input, localized. */
function check(key: EditKey, values: readonly string[]): (string | null)[] {
  if (isList(key)) {
    return values.map((value) => {
      const typed = value.trim();
      if (typed === '') return null;
      const error = validateContactPatch({ [key]: [typed] })[0];
      return error ? problemMessage(error) : null;
    });
  }
  if (customKey(key) !== null) return [null];
  const error = validateContactPatch(cleanContactPatch({ [key]: values[0] ?? '' }))[0];
  return [error ? problemMessage(error) : null];
}

function patchOf(key: EditKey, values: readonly string[], contact: Contact): ContactPatch {
  if (isList(key)) return { [key]: values.map((v) => v.trim()).filter(Boolean) };
  const attribute = customKey(key);
  const value = values[0] ?? '';
  if (attribute === null) return { [key]: value };
  const others = Object.entries(contact.attributes).filter(([name]) => name !== attribute);
  const typed = value.trim();
  return { attributes: Object.fromEntries(typed ? [...others, [attribute, typed]] : others) };
}

function fieldValue(key: FieldKey, contact: Contact): TemplateResult | string {
  const unset = html`<span class="unset">${msg('Not set', { id: 'contactPanel.unset' })}</span>`;
  switch (key) {
    case 'phones':
    case 'emails': {
      const list = contact[key];
      return list.length === 0 ? unset : html`<ul>${list.map((value) => html`<li>${value}</li>`)}</ul>`;
    }
    case 'country':
      return contact.country ? withCode(displayName('region', contact.country), contact.country) : unset;
    case 'language':
      return contact.language ? withCode(displayName('language', contact.language), contact.language) : unset;
    case 'company':
      return contact.company || unset;
    default: {
      const value = contact.attributes[customKey(key) ?? ''];
      return value ? attributeValue(value) : unset;
    }
  }
}

/** "France (FR)", with the code muted; the code alone when it has no name. */
function withCode(name: string, code: string): TemplateResult | string {
  return name === code ? code : html`${name} <span class="code">(${code})</span>`;
}
