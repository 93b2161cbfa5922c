import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Attachment, Id } from '../../model/types.js';
import { defaultDraftStorage, loadDraft, saveDraft, type Draft, type DraftAddress } from '../../store/drafts.js';

export interface DraftOptions {
  /** The uploaded files the composer shows. */
  readonly attachments: () => readonly Attachment[];
  /** Shows these files in the composer. */
  readonly showAttachments: (attachments: readonly Attachment[]) => void;
  /** A draft holding an unconfirmed send (`sentAs`): what the composer shows of it (the outbox's `resume`). */
  readonly resume: (address: DraftAddress, draft: Draft) => Draft | null;
  /** The draft to keep for an emptied composer whose last send is unconfirmed (the outbox's `held`). */
  readonly held: (address: DraftAddress) => Draft | undefined;
}

/** What the composer holds of a draft: its text, its files and the reply channel picked. */
export type DraftContent = Pick<Draft, 'body' | 'attachments' | 'channelId'>;

const SAVE_DELAY = 400;

/** Whether two addresses name the same draft (same user, conversation and mode). */
export const sameAddress = (a: DraftAddress | null, b: DraftAddress | null): boolean =>
  a === b ||
  (a !== null && b !== null && a.userId === b.userId && a.conversationId === b.conversationId && a.mode === b.mode);

/** Whether a body holds anything to send: blank lines and spaces alone do not count. */
export const hasText = (text: string): boolean => /\S/.test(text);

/**
 * The draft the composer shows (per user, conversation and mode, in
 * localStorage through `store/drafts`): which one (`address`), its text
 * and reply channel (its files are the attachments controller's). It is
 * saved as one types, after a short pause, and at once on blur, on
 * switching drafts and on disconnect; a remount reads it again.
 *
 * The text lives here and in the textarea, never in the store while typing,
 * and a keystroke re-renders the host only when the field turns empty or
 * not empty.
 */
export class DraftController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: DraftOptions;
  #address: DraftAddress | null = null;
  #body = '';
  #hasText = false;
  /** The reply channel picked, or null for the conversation's own. */
  #channel: Id | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(host: ReactiveControllerHost, options: DraftOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // A remount shows the draft again (the host's next update calls `show`).
    this.#address = null;
  }

  hostDisconnected(): void {
    this.flush();
  }

  /** The draft shown, or null (no conversation). */
  get address(): DraftAddress | null {
    return this.#address;
  }

  get body(): string {
    return this.#body;
  }

  /** Whether the text holds anything to send. */
  get hasText(): boolean {
    return this.#hasText;
  }

  /** The reply channel picked, or null for the conversation's own. */
  get channel(): Id | null {
    return this.#channel;
  }

  /** Shows the draft of `address` (after saving the one shown). */
  show(address: DraftAddress | null): void {
    this.flush();
    this.#address = address;
    let draft = address ? loadDraft(defaultDraftStorage(), address) : null;
    if (address && draft?.sentAs !== undefined) draft = this.#options.resume(address, draft);
    this.fill(draft);
  }

  /** Puts this content in the composer (nothing: empties it), without saving. */
  fill(content: DraftContent | null): void {
    this.#body = content?.body ?? '';
    this.#setHasText(hasText(this.#body));
    this.#options.showAttachments(content?.attachments ?? []);
    this.#setChannel(content?.channelId ?? null);
  }

  /** Empties the composer for the next message, dropping a scheduled save. */
  clear(): void {
    this.cancel();
    this.fill(null);
  }

  /** The text was edited: the draft is saved after a pause. */
  edit(body: string): void {
    this.#body = body;
    this.#setHasText(hasText(body));
    this.schedule();
  }

  /** A reply channel was picked (null: the conversation's own): saved at once. */
  choose(channel: Id | null): void {
    this.#setChannel(channel);
    this.flush();
  }

  /** Saves after a pause (the last call wins). */
  schedule(): void {
    this.cancel();
    this.#saveTimer = setTimeout(() => this.flush(), SAVE_DELAY);
  }

  /** Drops a scheduled save. */
  cancel(): void {
    if (this.#saveTimer !== null) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
  }

  /** Saves now. */
  flush(): void {
    this.cancel();
    const address = this.#address;
    if (!address) return;
    const draft: Draft = {
      body: this.#body,
      attachments: this.#options.attachments(),
      channelId: address.mode === 'reply' && this.#channel !== null ? this.#channel : undefined,
    };
    // An emptied composer whose last send is unconfirmed keeps that send as its draft.
    const held = !hasText(draft.body) && draft.attachments.length === 0 ? this.#options.held(address) : undefined;
    saveDraft(defaultDraftStorage(), address, held ?? draft);
  }

  #setHasText(value: boolean): void {
    if (value === this.#hasText) return;
    this.#hasText = value;
    this.#host.requestUpdate();
  }

  #setChannel(value: Id | null): void {
    if (value === this.#channel) return;
    this.#channel = value;
    this.#host.requestUpdate();
  }
}
