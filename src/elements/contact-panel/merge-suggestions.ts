import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { DuplicateSuggestion } from '../../model/duplicates.js';
import type { Contact, Id } from '../../model/types.js';
import { formatNumber, pluralOther } from './contact-labels.js';
import { focusAfterUpdate, type PanelHost } from './panel-host.js';

/**
 * The merge suggestions: the other contacts that share a phone or an
 * e-mail, each with a Merge button that asks for confirmation before it
 * dispatches `mergeContacts` with the shown contact as the target.
 */
export class MergeSuggestions {
  /** The suggestion whose confirmation is shown. */
  #confirming: Id | null = null;
  /** Refusals, by suggested contact. */
  #errors: ReadonlyMap<Id, string> = new Map();
  readonly #panel: PanelHost;

  constructor(panel: PanelHost) {
    this.#panel = panel;
  }

  /** Forgets confirmations and refusals: they belonged to another contact. */
  reset(): void {
    this.#confirming = null;
    this.#errors = new Map();
    this.#panel.element.requestUpdate();
  }

  /** `conversationCount` says how many conversations a suggested contact would bring (in the confirmation). */
  render(
    contact: Contact,
    suggestions: readonly DuplicateSuggestion[],
    conversationCount: (contactId: Id) => number,
  ): TemplateResult {
    const headingId = `${this.#panel.uid}-suggestions`;
    return html`<section part="suggestions" aria-labelledby=${headingId}>
      <h3 id=${headingId} tabindex="-1">${msg('Possible duplicates', { id: 'contactPanel.duplicates' })}</h3>
      ${suggestions.length === 0
        ? html`<p class="muted">${msg('No other contact shares a phone or an e-mail.', { id: 'contactPanel.noDuplicates' })}</p>`
        : html`<ul class="plain">
            ${repeat(
              suggestions,
              (s) => s.contact.id,
              (s) => this.#suggestion(contact, s, conversationCount),
            )}
          </ul>`}
    </section>`;
  }

  #focus(selector: string): void {
    void focusAfterUpdate(this.#panel.element, selector);
  }

  #setError(sourceId: Id, error: string | null): void {
    const errors = new Map(this.#errors);
    if (error === null) errors.delete(sourceId);
    else errors.set(sourceId, error);
    this.#errors = errors;
    this.#panel.element.requestUpdate();
  }

  #ask(sourceId: Id): void {
    this.#confirming = sourceId;
    this.#setError(sourceId, null);
    this.#focus('[data-confirm-merge]');
  }

  #cancel(sourceId: Id): void {
    this.#confirming = null;
    this.#panel.element.requestUpdate();
    this.#focus(`[data-merge="${CSS.escape(sourceId)}"]`);
  }

  #merge(target: Contact, source: Contact): void {
    const store = this.#panel.store();
    if (!store) return;
    const result = store.dispatch('mergeContacts', { targetId: target.id, sourceId: source.id }, { undoable: false });
    this.#confirming = null;
    this.#panel.element.requestUpdate();
    if (!result.ok) {
      this.#setError(source.id, result.refusal.reason);
      this.#focus(`[data-merge="${CSS.escape(source.id)}"]`);
      return;
    }
    this.#panel.track(result.command.id, target.id, (reason) => this.#setError(source.id, reason));
    this.#panel.announce(msg(str`${source.name} was merged into ${target.name}.`, { id: 'contactPanel.merged' }));
    this.#focus(`#${this.#panel.uid}-suggestions`);
  }

  #suggestion(
    contact: Contact,
    suggestion: DuplicateSuggestion,
    conversationCount: (contactId: Id) => number,
  ): TemplateResult {
    const source = suggestion.contact;
    const error = this.#errors.get(source.id);
    const confirmId = `${this.#panel.uid}-confirm-${source.id.replace(/[^\w-]/g, '_')}`;
    const shared = [...suggestion.phones, ...suggestion.emails].join(', ');
    return html`<li class="suggestion" part="suggestion" data-contact=${source.id}>
      <strong>${source.name}</strong>
      <span class="meta">${msg(str`Shares ${shared}`, { id: 'contactPanel.shares' })}</span>
      ${this.#confirming === source.id
        ? html`<div class="confirm" role="group" aria-labelledby=${confirmId} @keydown=${(event: KeyboardEvent) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            this.#cancel(source.id);
          }}>
            <p id=${confirmId}>${confirmText(contact, source, conversationCount(source.id))}</p>
            <div class="actions">
              <button type="button" class="primary" part="merge" data-confirm-merge @click=${() => this.#merge(contact, source)}>
                ${msg('Merge', { id: 'contactPanel.merge' })}
              </button>
              <button type="button" @click=${() => this.#cancel(source.id)}>${msg('Cancel', { id: 'contactPanel.cancel' })}</button>
            </div>
          </div>`
        : html`<div class="actions">
            <button
              type="button"
              part="merge"
              data-merge=${source.id}
              aria-label=${msg(str`Merge ${source.name} into ${contact.name}`, { id: 'contactPanel.mergeInto' })}
              @click=${() => this.#ask(source.id)}
            >
              ${msg('Merge', { id: 'contactPanel.merge' })}
            </button>
          </div>`}
      ${error ? html`<p class="error" part="error" role="alert">${error}</p>` : nothing}
    </li>`;
  }
}

function confirmText(target: Contact, source: Contact, conversations: number): string {
  const from = source.name;
  const into = target.name;
  const count = formatNumber(conversations);
  return !pluralOther(conversations)
    ? msg(str`Merge ${from} into ${into}? Their phones, e-mails, tags and attributes are added to ${into}, their conversation moves to ${into}, and ${from} is removed. This cannot be undone.`, {
        id: 'contactPanel.confirm.one',
      })
    : msg(str`Merge ${from} into ${into}? Their phones, e-mails, tags and attributes are added to ${into}, their ${count} conversations move to ${into}, and ${from} is removed. This cannot be undone.`, {
        id: 'contactPanel.confirm.other',
      });
}
