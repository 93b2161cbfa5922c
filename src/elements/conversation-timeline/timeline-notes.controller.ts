import type { LitElement, ReactiveController } from 'lit';
import { msg } from '@lit/localize';
import type { Subscription } from 'rxjs';
import type { Refusal } from '../../model/events.js';
import { newId } from '../../model/ids.js';
import type { Id, TimelineItem } from '../../model/types.js';
import type { InboxStore, StoreError } from '../../store/inbox-store.js';
import { domId } from './timeline-arrange.js';

type PendingNote =
  | { readonly kind: 'add' | 'edit'; readonly key: Id; readonly body: string }
  | { readonly kind: 'delete'; readonly key: Id };

type FocusTarget = () => HTMLElement | null | undefined;

function refusalMessage(refusal: Refusal): string {
  switch (refusal.code) {
    case 'invalid':
      return msg('A note cannot be empty.', { id: 'timeline.note.invalid' });
    case 'forbidden':
      return msg('Only its author can change a note.', { id: 'timeline.note.forbidden' });
    case 'not-found':
      return msg('This message or note no longer exists.', { id: 'timeline.note.notFound' });
    default:
      return msg('The note could not be saved. Try again.', { id: 'timeline.note.failed' });
  }
}

export interface TimelineNotesOptions {
  readonly store: () => InboxStore | undefined;
  /** The conversation on screen. */
  readonly conversation: () => Id | null;
  readonly timeline: () => readonly TimelineItem[];
  /** What gets focus after the next update. */
  readonly focusAfter: (target: FocusTarget) => void;
  /** Says something in the element's status region. */
  readonly announce: (text: string) => void;
}

/**
 * Notes on messages (R20): the open "Add note" and Edit forms with the text
 * typed in them, adding, editing and deleting, and a note the backend
 * refuses coming back in its form with the text as typed.
 */
export class TimelineNotesController implements ReactiveController {
  readonly #host: LitElement;
  readonly #options: TimelineNotesOptions;

  /** Open "Add note" forms: message id to the text typed. */
  readonly adding = new Map<Id, string>();
  /** Notes being edited: note id to the text typed. */
  readonly editing = new Map<Id, string>();
  /** What went wrong, by message id (adding) or note id (editing, deleting). */
  readonly errors = new Map<Id, string>();
  readonly #pending = new Map<Id, PendingNote>();

  #errorsStore: InboxStore | undefined;
  #errorsSubscription: Subscription | undefined;

  constructor(host: LitElement, options: TimelineNotesOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#errorsSubscription?.unsubscribe();
    this.#errorsSubscription = undefined;
    this.#errorsStore = undefined;
  }

  /** Listens to `store`'s errors (refused note commands), once per store. */
  watch(store: InboxStore | undefined): void {
    if (store === this.#errorsStore) return;
    this.#errorsSubscription?.unsubscribe();
    this.#errorsStore = store;
    this.#errorsSubscription = store?.errors$.subscribe((error) => this.#onError(error));
  }

  reset(): void {
    this.adding.clear();
    this.editing.clear();
    this.errors.clear();
  }

  /** Runs a notes action of a button or a field; false when `action` is not one. */
  act(action: string, id: Id): boolean {
    switch (action) {
      case 'add-note':
        this.adding.set(id, '');
        this.#options.focusAfter(() => this.#query(`#${domId(id)}-new`));
        return true;
      case 'cancel-note':
        this.adding.delete(id);
        this.errors.delete(id);
        this.#options.focusAfter(this.#button('add-note', id));
        return true;
      case 'save-note':
        this.#saveNote(id);
        return true;
      case 'edit-note': {
        const note = this.#note(id);
        if (!note) return false;
        this.editing.set(id, note.body);
        this.errors.delete(id);
        this.#options.focusAfter(() => this.#query(`#${domId(id)}-edit`));
        return true;
      }
      case 'cancel-edit':
        this.editing.delete(id);
        this.errors.delete(id);
        this.#options.focusAfter(this.#button('edit-note', id));
        return true;
      case 'save-edit':
        this.#saveEdit(id);
        return true;
      case 'delete-note':
        this.#deleteNote(id);
        return true;
      default:
        return false;
    }
  }

  /** Ctrl/Cmd+Enter saves a note's field, Escape cancels it. */
  fieldKey(event: KeyboardEvent, field: HTMLTextAreaElement): void {
    const id = field.dataset['id'];
    if (id === undefined) return;
    let action: string;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) action = field.dataset['save'] ?? '';
    else if (event.key === 'Escape') action = field.dataset['cancel'] ?? '';
    else return;
    event.preventDefault();
    event.stopPropagation();
    if (this.act(action, id)) this.#host.requestUpdate();
  }

  readonly onInput = (event: Event): void => {
    const field = event.target as HTMLTextAreaElement;
    const id = field.dataset['id'];
    if (field.localName !== 'textarea' || id === undefined) return;
    (field.dataset['save'] === 'save-edit' ? this.editing : this.adding).set(id, field.value);
  };

  #query(selector: string): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(selector);
  }

  #button(action: string, id: Id): FocusTarget {
    return () => this.#query(`[data-action="${action}"][data-id="${CSS.escape(id)}"]`);
  }

  #note(id: Id) {
    const item = this.#options.timeline().find((candidate) => candidate.id === id);
    return item?.type === 'note' ? item : undefined;
  }

  #saveNote(messageId: Id): void {
    const store = this.#options.store();
    const conversationId = this.#options.conversation();
    if (!store || !conversationId) return;
    const body = this.adding.get(messageId) ?? '';
    const result = store.dispatch('addNote', { conversationId, itemId: newId('note'), messageId, body }, { undoable: false });
    if (!result.ok) {
      this.errors.set(messageId, refusalMessage(result.refusal));
      this.#options.focusAfter(() => this.#query(`#${domId(messageId)}-new`));
      return;
    }
    this.#pending.set(result.command.id, { kind: 'add', key: messageId, body });
    this.adding.delete(messageId);
    this.errors.delete(messageId);
    this.#options.announce(msg('Note added.', { id: 'timeline.note.added' }));
    this.#options.focusAfter(this.#button('add-note', messageId));
  }

  #saveEdit(noteId: Id): void {
    const store = this.#options.store();
    const conversationId = this.#options.conversation();
    if (!store || !conversationId) return;
    const body = this.editing.get(noteId) ?? '';
    const result = store.dispatch('editNote', { conversationId, itemId: noteId, body }, { undoable: false });
    if (!result.ok) {
      this.errors.set(noteId, refusalMessage(result.refusal));
      this.#options.focusAfter(() => this.#query(`#${domId(noteId)}-edit`));
      return;
    }
    this.#pending.set(result.command.id, { kind: 'edit', key: noteId, body });
    this.editing.delete(noteId);
    this.errors.delete(noteId);
    this.#options.announce(msg('Note saved.', { id: 'timeline.note.saved' }));
    this.#options.focusAfter(this.#button('edit-note', noteId));
  }

  #deleteNote(noteId: Id): void {
    const store = this.#options.store();
    const conversationId = this.#options.conversation();
    const note = this.#note(noteId);
    if (!store || !conversationId || !note) return;
    const result = store.dispatch('deleteNote', { conversationId, itemId: noteId }, { undoable: false });
    if (!result.ok) {
      this.errors.set(noteId, refusalMessage(result.refusal));
      return;
    }
    this.#pending.set(result.command.id, { kind: 'delete', key: noteId });
    this.#options.announce(msg('Note deleted.', { id: 'timeline.note.deleted' }));
    this.#options.focusAfter(() => this.#query(`#${domId(note.messageId)}`));
  }

  /** A note command the backend refused: the store rolled it back; the text comes back as typed. */
  #onError(error: StoreError): void {
    if (error.kind !== 'rejected') return;
    const pending = this.#pending.get(error.command.id);
    if (!pending) return;
    this.#pending.delete(error.command.id);
    if (pending.kind === 'add' && !this.adding.get(pending.key)) this.adding.set(pending.key, pending.body);
    if (pending.kind === 'edit' && !this.editing.get(pending.key)) this.editing.set(pending.key, pending.body);
    const text = refusalMessage(error.refusal);
    this.errors.set(pending.key, text);
    this.#options.announce(text);
    this.#host.requestUpdate();
  }
}
