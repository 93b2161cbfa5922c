import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { insertMention, mentionCandidates, mentionQueryAt } from '../../model/mentions.js';
import type { Id, User } from '../../model/types.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface MentionOptions {
  /** The text field mentions are typed in. */
  readonly textarea: () => HTMLTextAreaElement | null;
  /** Whether mentions are offered (comment mode). */
  readonly enabled: () => boolean;
  /** The users one may mention (inactive ones are left out). */
  readonly users: () => Iterable<User>;
  /** The author, never offered. */
  readonly author: () => Id | undefined;
  /** A name went into the field: for the host, as if it had been typed. */
  readonly inserted: (textarea: HTMLTextAreaElement) => void;
}

/** The open suggestion list: the mention being typed, its candidates and the highlighted one. */
export interface MentionState {
  readonly start: number;
  readonly query: string;
  readonly options: readonly User[];
  readonly active: number;
}

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;
let nextAnchor = 0;

/**
 * The @mention autocomplete of a text field (the WAI-ARIA combobox with a
 * listbox popup): typing `@` and a name opens the active teammates that
 * match (model `mentionQueryAt`, `mentionCandidates`); ↓/↑ move, Enter or
 * Tab pick (model `insertMention`), Esc closes it for that `@`. Focus stays
 * in the field: the host renders `aria-controls` and `aria-activedescendant`
 * from `current`, and the list with `render()`, as a popover anchored to
 * the element styled with `anchor`.
 *
 * It re-renders the host only when the list opens, changes or closes, never
 * for a keystroke that leaves it as it was.
 */
export class MentionController implements ReactiveController {
  /** The CSS anchor name the list is positioned against. */
  readonly anchor = `--inbox-composer-${String(++nextAnchor)}`;
  readonly #host: Host;
  readonly #options: MentionOptions;
  #current: MentionState | null = null;
  /** Where the list was closed with Esc: it stays closed for that `@`. */
  #dismissedAt: number | null = null;

  constructor(host: Host, options: MentionOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The open list, or null. */
  get current(): MentionState | null {
    return this.#current;
  }

  hostUpdated(): void {
    const list = this.#list;
    if (supportsPopover && list) {
      const open = list.matches(':popover-open');
      if (this.#current && !open) list.showPopover();
      if (!this.#current && open) list.hidePopover();
    }
  }

  hostDisconnected(): void {
    const list = this.#list;
    if (supportsPopover && list?.matches(':popover-open')) list.hidePopover();
  }

  /** Closes the list (it opens again as the person types on). */
  close(): void {
    this.#set(null);
  }

  /** Closes the list and forgets an Esc: another draft is shown. */
  reset(): void {
    this.#set(null);
    this.#dismissedAt = null;
  }

  /** Follows the text and caret of the field: opens, updates or closes the list. */
  update(textarea: HTMLTextAreaElement): void {
    if (!this.#options.enabled() || textarea.selectionStart !== textarea.selectionEnd) {
      this.#set(null);
      return;
    }
    const found = mentionQueryAt(textarea.value, textarea.selectionStart);
    if (!found || found.start !== this.#dismissedAt) this.#dismissedAt = null;
    if (!found || this.#dismissedAt !== null) {
      this.#set(null);
      return;
    }
    const current = this.#current;
    if (current && current.start === found.start && current.query === found.query) return;
    const options = mentionCandidates(this.#options.users(), found.query, { exclude: this.#options.author() });
    if (options.length === 0) {
      this.#set(null);
      return;
    }
    // A new query highlights its best match.
    this.#set({ start: found.start, query: found.query, options, active: 0 });
  }

  /**
   * The field's keydown while the list is open: true when the key was the
   * list's (moved, picked or closed), and the host should do nothing more.
   */
  keydown(event: KeyboardEvent): boolean {
    const mention = this.#current;
    if (!mention || event.altKey || event.ctrlKey || event.metaKey) return false;
    const count = mention.options.length;
    const move = (by: number) => {
      event.preventDefault();
      this.#set({ ...mention, active: (mention.active + by + count) % count });
    };
    switch (event.key) {
      case 'ArrowDown':
        move(1);
        return true;
      case 'ArrowUp':
        move(-1);
        return true;
      case 'Enter':
      case 'Tab':
        if (event.shiftKey) return false;
        event.preventDefault();
        this.#pick(mention.options[mention.active]);
        return true;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.#dismissedAt = mention.start;
        this.#set(null);
        return true;
    }
    return false;
  }

  /** For the field's `@keyup` and `@click`: the caret moved. */
  readonly onCaretMove = (event: Event): void => {
    if (event instanceof KeyboardEvent && !['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(event.key)) return;
    this.update(event.target as HTMLTextAreaElement);
  };

  /** The suggestion list, `mention` the list to show (null: closed). */
  render(mention: MentionState | null): TemplateResult {
    return html`<ul
      id="mentions"
      part="mentions"
      class="popup mentions"
      role="listbox"
      popover=${supportsPopover ? 'manual' : nothing}
      ?hidden=${!supportsPopover && !mention}
      aria-label=${msg('Mention a teammate', { id: 'composer.mentions' })}
      style=${`position-anchor: ${this.anchor}`}
    >
      ${(mention?.options ?? []).map(
        (user, i) => html`<li
          id=${`mention-${i}`}
          part="mention${i === mention?.active ? ' mention-active' : ''}"
          class="mention"
          role="option"
          aria-selected=${String(i === mention?.active)}
          @pointerdown=${(e: PointerEvent) => e.preventDefault()}
          @click=${() => this.#pick(user)}
        >
          ${user.name}
        </li>`,
      )}
    </ul>`;
  }

  get #list(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('.mentions');
  }

  #set(mention: MentionState | null): void {
    if (mention === this.#current) return;
    this.#current = mention;
    this.#host.requestUpdate();
  }

  #pick(user: User | undefined): void {
    const textarea = this.#options.textarea();
    const mention = this.#current;
    if (!textarea || !mention || !user) return;
    const { text, caret } = insertMention(textarea.value, mention.start, textarea.selectionStart, user.name);
    textarea.value = text;
    textarea.setSelectionRange(caret, caret);
    this.#set(null);
    // The name is complete: that @ opens no list again.
    this.#dismissedAt = mention.start;
    this.#options.inserted(textarea);
  }
}
