import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Subscription } from 'rxjs';
import type { Command } from '../../model/commands.js';
import type { Refusal } from '../../model/events.js';
import { mentionsIn } from '../../model/mentions.js';
import type { Attachment, Id } from '../../model/types.js';
import { clearDraft, defaultDraftStorage, isEmptyDraft, loadDraft, saveDraft, type Draft, type DraftAddress } from '../../store/drafts.js';
import type { InboxStore, StoreError } from '../../store/inbox-store.js';
import type { PendingCommand } from '../../store/pending.js';
import { failureMessage, type ComposerMode } from './composer-labels.js';
import { sameAddress } from './draft.controller.js';

/** A reply or comment as it was sent, to confirm it, restore it or send it again. */
export interface Outgoing {
  readonly conversationId: Id;
  readonly mode: ComposerMode;
  readonly itemId: Id;
  /** What the person wrote (restored on failure). */
  readonly body: string;
  /** What went out: the body with its links shortened. */
  readonly sentBody: string;
  readonly attachments: readonly Attachment[];
  readonly channelId?: Id | undefined;
}

export interface Failure {
  readonly outgoing: Outgoing;
  readonly refusal: Refusal;
  /** The text went back into the composer (or its draft): Retry sends the composer's content. */
  readonly restored: boolean;
}

/** What the outbox reads from and does to the composer. */
export interface OutboxOptions {
  readonly store: () => InboxStore | undefined;
  /** The store's pending commands: a send that left them without a refusal is confirmed. */
  readonly pending: () => readonly PendingCommand[] | undefined;
  /** The draft the composer shows. */
  readonly address: () => DraftAddress | null;
  /** The text in the composer. */
  readonly body: () => string;
  /** Whether the composer holds neither text nor files. */
  readonly empty: () => boolean;
  /** A send went to the store (accepted or not): the typing signal ends. */
  readonly sent: () => void;
  /** The store took a send, a `reply` or `comment` command (optimistically applied): the host announces it. */
  readonly accepted: (command: Command) => void;
  /** The composer still shows what was sent: it empties for the next message. */
  readonly clear: () => void;
  /** A refused send goes back into the (empty) composer. */
  readonly restore: (outgoing: Outgoing) => void;
  /** Saves the composer's draft now. */
  readonly save: () => void;
  /** A send was refused (its failure is recorded): the host says so. */
  readonly failed?: (failure: Failure) => void;
}

const isOutgoingCommand = (command: Command): command is Command<'reply' | 'comment'> =>
  command.type === 'reply' || command.type === 'comment';

const draftOf = (outgoing: Outgoing): Draft => ({
  body: outgoing.body,
  attachments: outgoing.attachments,
  channelId: outgoing.channelId,
  sentAs: outgoing.itemId,
});

/**
 * The composer's sends, from dispatch to the backend's answer. A send is
 * dispatched as a `reply` or `comment` command and followed until it leaves
 * the store's pending list: then it is confirmed and its draft (which kept
 * the sent text, `sentAs`) goes. A refusal, at once or later on
 * `store.errors$`, becomes the conversation's `failure(id)`: the text goes
 * back into the composer, or its draft, unless something new was written
 * there meanwhile. A reload or remount picks up a send still in flight from
 * its draft (`resume`).
 */
export class OutboxController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: OutboxOptions;
  /** Sends awaiting the backend, by command id. */
  readonly #inflight = new Map<Id, Outgoing>();
  #failures: ReadonlyMap<Id, Failure> = new Map();
  #errors: { store: InboxStore; subscription: Subscription } | null = null;
  #lastPending: readonly PendingCommand[] | null = null;

  constructor(host: ReactiveControllerHost, options: OutboxOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    const store = this.#options.store();
    if (store && this.#errors?.store !== store) {
      this.#errors?.subscription.unsubscribe();
      this.#errors = { store, subscription: store.errors$.subscribe((error) => this.#onStoreError(error)) };
    }
    const pending = this.#options.pending();
    if (pending && pending !== this.#lastPending) {
      this.#lastPending = pending;
      this.#confirm(pending);
    }
  }

  hostDisconnected(): void {
    this.#errors?.subscription.unsubscribe();
    this.#errors = null;
  }

  /** The refused send of a conversation, if any. */
  failure(conversationId: Id): Failure | undefined {
    return this.#failures.get(conversationId);
  }

  /** Whether a send of this conversation awaits the backend. */
  sending(conversationId: Id): boolean {
    for (const outgoing of this.#inflight.values()) if (outgoing.conversationId === conversationId) return true;
    return false;
  }

  /** The last unconfirmed send of a draft, as the draft to keep while the composer is empty. */
  held(address: DraftAddress): Draft | undefined {
    const held = [...this.#inflight.values()].reverse().find((o) => sameAddress(this.addressOf(o), address));
    return held ? draftOf(held) : undefined;
  }

  /** The draft a send came from. */
  addressOf(outgoing: Outgoing): DraftAddress | null {
    const userId = this.#options.store()?.userId;
    return userId === undefined ? null : { userId, conversationId: outgoing.conversationId, mode: outgoing.mode };
  }

  /** Dismisses a conversation's failure. */
  forget(conversationId: Id): void {
    if (!this.#failures.has(conversationId)) return;
    const failures = new Map(this.#failures);
    failures.delete(conversationId);
    this.#failures = failures;
    this.#host.requestUpdate();
  }

  /**
   * Dispatches a send; false when the store refused it at once. The
   * composer empties if it still shows what was sent; the draft keeps the
   * sent text until the backend confirms it.
   */
  dispatch(store: InboxStore, outgoing: Outgoing): boolean {
    const address = this.addressOf(outgoing);
    const result =
      outgoing.mode === 'reply'
        ? store.dispatch(
            'reply',
            {
              conversationId: outgoing.conversationId,
              itemId: outgoing.itemId,
              body: outgoing.sentBody,
              ...(outgoing.channelId !== undefined ? { channelId: outgoing.channelId } : {}),
              ...(outgoing.attachments.length > 0 ? { attachments: outgoing.attachments } : {}),
            },
            { undoable: false },
          )
        : store.dispatch(
            'comment',
            {
              conversationId: outgoing.conversationId,
              itemId: outgoing.itemId,
              body: outgoing.sentBody,
              mentions: mentionsIn(outgoing.sentBody, store.state.model.users.values()),
            },
            { undoable: false },
          );
    this.#options.sent();
    if (!result.ok) {
      this.#failed(outgoing, result.refusal, true);
      return false;
    }
    this.#inflight.set(result.command.id, outgoing);
    const failure = this.#failures.get(outgoing.conversationId);
    if (failure && (failure.restored || failure.outgoing.itemId === outgoing.itemId)) this.forget(outgoing.conversationId);
    const here = sameAddress(address, this.#options.address());
    const cleared = here && this.#options.body() === outgoing.body;
    if (cleared) this.#options.clear();
    if (address) {
      const storage = defaultDraftStorage();
      const stored = loadDraft(storage, address);
      if (cleared || (!here && (isEmptyDraft(stored) || stored?.body === outgoing.body || stored?.sentAs !== undefined))) {
        saveDraft(storage, address, draftOf(outgoing));
      }
    }
    this.#host.requestUpdate();
    this.#options.accepted(result.command);
    return true;
  }

  /**
   * A draft holding a send not yet confirmed (a remount, a reload). Still
   * pending in the store: it is followed again and the composer stays
   * empty. Already in the timeline: it went, the draft goes. Otherwise (the
   * page reloaded before the backend answered): the text comes back.
   */
  resume(address: DraftAddress, draft: Draft): Draft | null {
    const storage = defaultDraftStorage();
    const state = this.#options.store()?.state;
    const entry = state?.pending.find((p) => isOutgoingCommand(p.command) && p.command.args.itemId === draft.sentAs);
    if (entry) {
      if (![...this.#inflight.values()].some((o) => o.itemId === draft.sentAs)) {
        const args = entry.command.args as Command<'reply'>['args'];
        this.#inflight.set(entry.command.id, {
          conversationId: address.conversationId,
          mode: address.mode,
          itemId: draft.sentAs!,
          body: draft.body,
          sentBody: args.body,
          attachments: draft.attachments,
          channelId: draft.channelId,
        });
      }
      return null;
    }
    if (state?.model.timelines.get(address.conversationId)?.some((item) => item.id === draft.sentAs)) {
      clearDraft(storage, address);
      return null;
    }
    const kept = { ...draft, sentAs: undefined };
    saveDraft(storage, address, kept);
    return kept;
  }

  /** The alert of a refused send: why, Retry (`retry`) and Dismiss. */
  renderFailure(failure: Failure, retry: () => void): TemplateResult {
    return html`<div class="error" part="error" role="alert">
      <span class="message">${failureMessage(failure.outgoing.mode, failure.refusal)}</span>
      <button type="button" part="retry" class="button" @click=${retry}>
        ${msg('Retry', { id: 'composer.retry' })}
      </button>
      <button type="button" part="dismiss" class="button" @click=${() => this.forget(failure.outgoing.conversationId)}>
        ${msg('Dismiss', { id: 'composer.dismiss' })}
      </button>
    </div>`;
  }

  #onStoreError(error: StoreError): void {
    if (error.kind !== 'rejected' || !isOutgoingCommand(error.command)) return;
    const itemId = error.command.args.itemId;
    for (const [commandId, outgoing] of this.#inflight) {
      if (outgoing.itemId !== itemId) continue;
      this.#inflight.delete(commandId);
      this.#failed(outgoing, error.refusal, false);
      return;
    }
  }

  /** Sends that left the pending list without a refusal are confirmed: their draft goes. */
  #confirm(pending: readonly PendingCommand[]): void {
    if (this.#inflight.size === 0) return;
    const waiting = new Set(pending.map((p) => p.command.id));
    for (const [commandId, outgoing] of this.#inflight) {
      if (waiting.has(commandId)) continue;
      this.#inflight.delete(commandId);
      const address = this.addressOf(outgoing);
      if (address && loadDraft(defaultDraftStorage(), address)?.sentAs === outgoing.itemId) {
        clearDraft(defaultDraftStorage(), address);
      }
    }
  }

  /**
   * A send was refused: say why, and put the text back in the composer (or
   * its draft) unless something new was written there meanwhile.
   */
  #failed(outgoing: Outgoing, refusal: Refusal, local: boolean): void {
    const address = this.addressOf(outgoing);
    const storage = defaultDraftStorage();
    let restored = false;
    if (address && sameAddress(address, this.#options.address())) {
      if (local) {
        restored = this.#options.body() === outgoing.body;
      } else if (this.#options.empty()) {
        this.#options.restore(outgoing);
        restored = true;
      }
      if (restored) this.#options.save();
    } else if (address) {
      const stored = loadDraft(storage, address);
      if (isEmptyDraft(stored) || stored?.sentAs === outgoing.itemId) {
        saveDraft(storage, address, { ...draftOf(outgoing), sentAs: undefined });
        restored = true;
      }
    }
    const failures = new Map(this.#failures);
    const failure = { outgoing, refusal, restored };
    failures.set(outgoing.conversationId, failure);
    this.#failures = failures;
    this.#options.failed?.(failure);
    this.#host.requestUpdate();
  }

}
