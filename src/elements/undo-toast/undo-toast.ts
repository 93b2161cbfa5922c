import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { InboxElement } from '../shared/inbox-element.js';
import { msg, str } from '@lit/localize';
import { ShortcutsController } from '../../controllers/shortcuts.controller.js';
import { DEFAULT_KEYMAP, type Keymap } from '../../controllers/keymap.js';
import type { CommandType } from '../../model/commands.js';
import type { UndoEntry } from '../../store/inbox-store.js';
import { styles } from './undo-toast.styles.js';

/** What was done, in the past tense, for the toast. */
export function undoLabel(type: CommandType): string {
  switch (type) {
    case 'markDone':
      return msg('Marked done', { id: 'toast.markDone' });
    case 'reopen':
      return msg('Reopened', { id: 'toast.reopen' });
    case 'markUnread':
      return msg('Marked unread', { id: 'toast.markUnread' });
    case 'markRead':
      return msg('Marked read', { id: 'toast.markRead' });
    case 'markOpen':
      return msg('Marked open', { id: 'toast.markOpen' });
    case 'markWaiting':
      return msg('Moved to Waiting', { id: 'toast.markWaiting' });
    case 'markNew':
      return msg('Moved to New', { id: 'toast.markNew' });
    case 'assign':
      return msg('Assigned', { id: 'toast.assign' });
    case 'snooze':
      return msg('Snoozed', { id: 'toast.snooze' });
    case 'unsnooze':
      return msg('Unsnoozed', { id: 'toast.unsnooze' });
    case 'trash':
      return msg('Moved to trash', { id: 'toast.trash' });
    case 'restore':
      return msg('Restored', { id: 'toast.restore' });
    case 'markSpam':
      return msg('Marked as spam', { id: 'toast.markSpam' });
    case 'unmarkSpam':
      return msg('Marked as not spam', { id: 'toast.unmarkSpam' });
    case 'setPriority':
      return msg('Priority changed', { id: 'toast.setPriority' });
    case 'addLabels':
      return msg('Labels added', { id: 'toast.addLabels' });
    case 'removeLabels':
      return msg('Labels removed', { id: 'toast.removeLabels' });
    case 'pin':
      return msg('Pin changed', { id: 'toast.pin' });
    case 'blockContact':
      return msg('Sender blocked', { id: 'toast.blockContact' });
    case 'unblockContact':
      return msg('Sender unblocked', { id: 'toast.unblockContact' });
    default:
      return msg('Changed', { id: 'toast.changed' });
  }
}

/** Commands on a contact, not on conversations: the toast counts no conversations for them. */
const CONTACT_COMMANDS: readonly CommandType[] = ['blockContact', 'unblockContact'];

export function countLabel(count: number): string {
  return count === 1
    ? msg('1 conversation', { id: 'toast.count.one' })
    : msg(str`${count.toLocaleString()} conversations`, { id: 'toast.count.other' });
}

/**
 * @summary The undo toast: "Marked done · 3 conversations · Undo" after
 * every change the store can undo, for a few seconds.
 *
 * Shows the store's `lastUndoable`. Undo (the button, or the Undo key, Z,
 * inside the inbox) calls `store.undo()`; it dismisses itself after
 * `duration` ms (`store.dismissUndo()`), paused while hovered or focused.
 * The message is a polite live region (`role="status"`), present before it
 * fills, so screen readers announce each change without taking focus.
 *
 * @csspart toast - The toast.
 * @csspart message - The text.
 * @csspart undo - The Undo button.
 * @csspart close - The dismiss button.
 *
 * @cssprop --inbox-toast-background - Background. Defaults to `--inbox-color-text` (an inverted surface).
 * @cssprop --inbox-toast-color - Text colour. Defaults to `--inbox-color-surface`.
 */
export class UndoToast extends InboxElement {
  static override styles = [InboxElement.styles, styles];

  static override properties: PropertyDeclarations = {
    duration: { type: Number },
    keymap: { attribute: false },
  };

  /** Milliseconds before the toast dismisses itself (0: never). */
  duration = 6000;

  /** The keys of each action (the Undo key). */
  keymap: Keymap = DEFAULT_KEYMAP;

  // The toast is not what answers E or Z (the row is): it is drawn just after that frame.
  readonly #entry = this.select((s) => s.lastUndoable, undefined, { background: true });
  #timer: ReturnType<typeof setTimeout> | undefined;
  #paused = false;

  constructor() {
    super();
    new ShortcutsController(this, {
      keymap: () => this.keymap,
      handle: (action) => action === 'undo' && this.#entry.store?.state.lastUndoable != null && this.undo(),
    });
    this.addEventListener('pointerenter', () => this.#pause(true));
    this.addEventListener('pointerleave', () => this.#pause(false));
    this.addEventListener('focusin', () => this.#pause(true));
    this.addEventListener('focusout', () => this.#pause(false));
  }

  /** Undoes the change shown; false when there is none. */
  undo(): boolean {
    return this.#entry.store?.undo() ?? false;
  }

  /** Hides the toast without undoing. */
  dismiss(): void {
    this.#entry.store?.dismissUndo();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  #pause(paused: boolean): void {
    this.#paused = paused;
    if (paused) clearTimeout(this.#timer);
    else this.#arm();
  }

  #arm(): void {
    clearTimeout(this.#timer);
    if (this.#entry.value == null || this.duration <= 0 || this.#paused) return;
    const entry = this.#entry.value;
    this.#timer = setTimeout(() => {
      if (this.#entry.value === entry) this.dismiss();
    }, this.duration);
  }

  #last: UndoEntry | null | undefined;

  protected override updated(changed: PropertyValues<this>): void {
    if (this.#entry.value !== this.#last || changed.has('duration')) {
      this.#last = this.#entry.value;
      this.#arm();
    }
  }

  protected override render() {
    const entry = this.#entry.value;
    return html`<div class="region" role="status">
      ${entry
        ? html`<div class="toast" part="toast">
            <span class="message" part="message"
              >${undoLabel(entry.type)}${CONTACT_COMMANDS.includes(entry.type) ? '' : ` · ${countLabel(entry.count)}`}</span
            >
            <button type="button" part="undo" class="undo" @click=${() => this.undo()}>
              ${msg('Undo', { id: 'toast.undo' })}
            </button>
            <button
              type="button"
              part="close"
              class="close"
              aria-label=${msg('Dismiss', { id: 'toast.dismiss' })}
              @click=${() => this.dismiss()}
            >
              ×
            </button>
          </div>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'undo-toast': UndoToast;
  }
}
