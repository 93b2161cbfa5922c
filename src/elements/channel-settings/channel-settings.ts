import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import { StoreController } from '../../controllers/store.controller.js';
import { canRenameChannels, checkChannelName, MAX_CHANNEL_NAME } from '../../model/channel-names.js';
import type { Channel, Id, User } from '../../model/types.js';
import type { StoreState } from '../../store/inbox-store.js';
import { controlStyles } from '../../styles/controls.js';
import { channelIcon, channelLabel } from '../shared/channel-icons.js';
import { InboxElement } from '../shared/inbox-element.js';
import { formatNumber } from '../shared/numbers.js';

const selectChannels = (s: StoreState): readonly Channel[] => [...s.model.channels.values()];
const selectUser = (s: StoreState): User | undefined => s.model.users.get(s.userId);

/**
 * @summary The workspace's channels, and their display names (R30): owners
 * and managers rename them; everyone sees the new name at once.
 *
 * One row per channel: its kind's icon and name, its address, and, for an
 * owner or a manager, a labelled text field with Save (Enter saves too).
 * A name is 1 to 255 characters once trimmed; anything else is said under
 * the field in the user's language and nothing is sent. A name changed
 * elsewhere (another agent, another tab) shows at once unless the field
 * holds unsaved text. Agents see the names only. A host puts it in its own
 * settings page. Works inside an `<inbox-provider>` or with `.store`.
 *
 * @csspart list - The list of channels.
 * @csspart row - One channel's row.
 * @csspart name - A channel's name, where it cannot be changed.
 * @csspart name-input - The name's text field.
 * @csspart save - The Save button.
 * @csspart error - What is wrong with the name typed.
 * @csspart status - The line that says a name was saved.
 */
export class ChannelSettings extends InboxElement {
  static override styles = [
    InboxElement.styles,
    controlStyles,
    css`
      :host {
        display: block;
        color: var(--_inbox-color-text);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_inbox-space-3);
      }
      li {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: var(--_inbox-space-1) var(--_inbox-space-3);
        align-items: center;
        padding: var(--_inbox-space-3);
        border: 1px solid var(--_inbox-color-border);
        border-radius: var(--_inbox-radius-lg);
        background: var(--_inbox-color-surface);
      }
      .kind {
        display: flex;
        color: var(--_inbox-color-text-muted);
      }
      .address {
        grid-column: 2;
        font-size: var(--_inbox-font-size-sm);
        color: var(--_inbox-color-text-muted);
        overflow-wrap: anywhere;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_inbox-space-2);
        align-items: center;
        min-inline-size: 0;
      }
      input {
        flex: 1 1 12rem;
        min-inline-size: 0;
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .error {
        grid-column: 2;
        margin: 0;
        font-size: var(--_inbox-font-size-sm);
        color: var(--_inbox-status-blocked);
      }
      .status {
        display: block;
        margin-block-start: var(--_inbox-space-2);
        font-size: var(--_inbox-font-size-sm);
        color: var(--_inbox-color-text-muted);
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    drafts: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    status: { state: true, attribute: false },
  };

  /** Text typed and not yet saved, by channel id. */
  private drafts = new Map<Id, string>();
  /** What is wrong with a channel's typed name, by channel id. */
  private errors = new Map<Id, string>();
  private status = '';

  readonly #channels = new StoreController(this, selectChannels);
  readonly #user = new StoreController(this, selectUser);

  #problem(problem: 'empty' | 'too-long'): string {
    if (problem === 'empty') return msg('Write a name.', { id: 'channels.error.empty' });
    const most = formatNumber(MAX_CHANNEL_NAME);
    return msg(str`A name has at most ${most} characters.`, { id: 'channels.error.tooLong' });
  }

  #save(channel: Channel): void {
    const store = this.#channels.store;
    const typed = this.drafts.get(channel.id);
    if (!store || typed === undefined) return;
    const checked = checkChannelName(typed);
    const errors = new Map(this.errors);
    if ('problem' in checked) {
      errors.set(channel.id, this.#problem(checked.problem));
      this.errors = errors;
      this.status = '';
      return;
    }
    const result = store.dispatch('renameChannel', { channelId: channel.id, name: typed }, { undoable: false });
    if (!result.ok) {
      errors.set(channel.id, msg('This name could not be saved.', { id: 'channels.error.refused' }));
      this.errors = errors;
      return;
    }
    errors.delete(channel.id);
    this.errors = errors;
    const drafts = new Map(this.drafts);
    drafts.delete(channel.id);
    this.drafts = drafts;
    const name = checked.name;
    this.status = msg(str`Saved: ${name}.`, { id: 'channels.saved' });
  }

  #onInput(channel: Channel, event: Event): void {
    const drafts = new Map(this.drafts);
    drafts.set(channel.id, (event.target as HTMLInputElement).value);
    this.drafts = drafts;
    if (this.errors.has(channel.id)) {
      const errors = new Map(this.errors);
      errors.delete(channel.id);
      this.errors = errors;
    }
  }

  #row(channel: Channel, editable: boolean) {
    const inputId = `name-${channel.id}`;
    const errorId = `error-${channel.id}`;
    const error = this.errors.get(channel.id);
    const draft = this.drafts.get(channel.id);
    const kind = channelLabel(channel.kind);
    return html`<li part="row">
      <span class="kind" aria-hidden="true">${channelIcon(channel.kind, 18)}</span>
      ${editable
        ? html`<form
            @submit=${(event: Event) => {
              event.preventDefault();
              this.#save(channel);
            }}
          >
            <label class="visually-hidden" for=${inputId}>${msg(str`Name of the ${kind} channel ${channel.address}`, { id: 'channels.nameLabel' })}</label>
            <input
              id=${inputId}
              part="name-input"
              class="control"
              type="text"
              maxlength="1000"
              autocomplete="off"
              .value=${draft ?? channel.name}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? errorId : nothing}
              @input=${(event: Event) => this.#onInput(channel, event)}
            />
            <button part="save" class="button" type="submit" ?disabled=${draft === undefined || draft === channel.name}>
              ${msg('Save', { id: 'channels.save' })}
            </button>
          </form>`
        : html`<span part="name" class="name">${channel.name}</span>`}
      <span class="address">${kind} · ${channel.address}</span>
      ${error ? html`<p id=${errorId} part="error" class="error">${error}</p>` : nothing}
    </li>`;
  }

  protected override render() {
    const channels = this.#channels.value ?? [];
    const user = this.#user.value;
    const editable = canRenameChannels(user);
    return html`
      <ul part="list" aria-label=${msg('Channels', { id: 'channels.label' })}>
        ${channels.map((channel) => this.#row(channel, editable))}
      </ul>
      ${editable ? nothing : html`<p class="status">${msg('Only owners and managers can rename channels.', { id: 'channels.readOnly' })}</p>`}
      <span part="status" class="status" role="status">${this.status}</span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'channel-settings': ChannelSettings;
  }
}
