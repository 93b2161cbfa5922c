import { BehaviorSubject, Subject, distinctUntilChanged, map, type Observable, type Subscription } from 'rxjs';
import type { Command, CommandArgs, CommandType } from '../model/commands.js';
import { UNDOABLE_COMMANDS } from '../model/commands.js';
import type { DomainEvent, Refusal } from '../model/events.js';
import { newId } from '../model/ids.js';
import { clearDot, dotViewFor, lightDot, type Dots } from '../model/indicators.js';
import { DEFAULT_QUERY, type Query } from '../model/query.js';
import { warmSearchKeys } from '../model/rows.js';
import { apply } from '../model/rules.js';
import { emptyState, reduceAll, stateFromSnapshot, upsertTimelineItem } from '../model/state.js';
import type { Attachment, Filters, Id, InboxState, Millis, SortOrder, TimelineItem } from '../model/types.js';
import { invert } from '../model/undo.js';
import { usableView, type StatusTab, type ViewId } from '../model/views.js';
import { loadProtocol, type ProtocolModule } from '../protocol/loading.js';
import type { Presence, ServerMessage, StatsRequest, TeamStats, Transport } from '../transport/transport.js';
import { rebase, remove, settle, update, type PendingCommand } from './pending.js';
import { sameSelection, type InboxSelection } from './selection.js';
import { createSelectors, type Selectors } from './selectors.js';
import type { QueryWindow, Windower } from './window.js';

export type ConnectionStatus = 'connecting' | 'live' | 'offline';

/** The UI state every element of one inbox shares (and the URL round-trips). */
export interface UiState extends Query {
  readonly openId: Id | null;
  readonly focusedMessageId: Id | null;
  readonly checked: ReadonlySet<Id>;
  /** R15 new-message dots: view id to the conversations that lit it. */
  readonly dots: Dots;
}

export interface TimelinePaging {
  readonly loading: boolean;
  readonly hasMore: boolean;
}

export interface StoreState {
  readonly userId: Id;
  /** Confirmed state with the pending commands applied on top: what people see. */
  readonly model: InboxState;
  readonly ui: UiState;
  readonly connection: ConnectionStatus;
  /** True once the first snapshot arrived. */
  readonly ready: boolean;
  readonly pending: readonly PendingCommand[];
  readonly paging: ReadonlyMap<Id, TimelinePaging>;
  /** Who else is viewing or typing, by conversation (R17). */
  readonly presence: ReadonlyMap<Id, readonly Presence[]>;
  /** The newest entry of the undo stack, for the undo toast. */
  readonly lastUndoable: UndoEntry | null;
  /**
   * Null while the store holds every conversation the user may see; else
   * the window it holds over a query the backend answers a page at a time
   * (issue 13, store/window.ts): `model` then holds only those pages, what
   * live events brought, and what the agent works on.
   */
  readonly window: QueryWindow | null;
}

export interface UndoEntry {
  readonly commandId: Id;
  readonly type: CommandType;
  readonly count: number;
}

export type StoreError =
  | {
      readonly kind: 'rejected';
      /** The command rolled back; a reply keeps its body here for the composer. */
      readonly command: Command;
      readonly refusal: Refusal;
    }
  | { readonly kind: 'protocol'; readonly message: string }
  | { readonly kind: 'transport'; readonly message: string };

export type DispatchResult = { ok: true; command: Command } | { ok: false; refusal: Refusal };

export interface InboxStoreOptions {
  readonly transport: Transport;
  readonly userId: Id;
  readonly now?: () => Millis;
  /**
   * Schedules the flush of backend events; by default just after the next
   * frame is painted, so that a burst notifies subscribers at most once per
   * frame, and the confirmation of what a key just did never lands in the
   * frame that answers the key (INP).
   */
  readonly schedule?: (flush: () => void) => void;
  /** Connect on construction (default true). */
  readonly connect?: boolean;
  readonly undoLimit?: number;
  /** Milliseconds before the first reconnect; doubles up to 30 s. */
  readonly reconnectDelay?: number;
}

const defaultSchedule = (flush: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(flush));
  else setTimeout(flush, 16);
};

type TaskScheduler = { postTask(task: () => void, options: { priority: 'user-visible' }): Promise<unknown> };

/**
 * Runs `task` in slices of about 8 ms between frames and input, through
 * `scheduler.postTask` where there is one, else an idle callback; nothing
 * outside a browser. Not at background priority: an animating page starves
 * that (and idle callbacks) for seconds, and what it prepares (the search
 * keys) is wanted as soon as a person types.
 */
const inSlices = (task: (hasTime: () => boolean) => void): void => {
  const slice = () => {
    const end = performance.now() + 8;
    task(() => performance.now() < end);
  };
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(slice, { priority: 'user-visible' });
  else if (typeof requestIdleCallback === 'function') requestIdleCallback(slice, { timeout: 1000 });
};

/**
 * One inbox's state: normalised entities plus shared UI state, kept live by
 * a transport. Commands apply at once through model/ (optimistic), go to
 * the backend, and are confirmed or rolled back; backend events rebase the
 * pending commands on top so nothing flickers back. No module-level state:
 * two stores on a page are fully independent.
 */
export class InboxStore {
  readonly errors$: Observable<StoreError>;
  readonly ready: Promise<void>;
  /** Memoised queries over this store's state (the list, counts, views). */
  readonly selectors: Selectors;
  /**
   * What the agent works on, for a host's panel beside the inbox: `none`,
   * `one` conversation with its contact, or `many` (the checked rows win
   * over the open conversation). Emits on change only.
   */
  readonly selection$: Observable<InboxSelection>;

  readonly #transport: Transport;
  readonly #now: () => Millis;
  readonly #schedule: (flush: () => void) => void;
  readonly #undoLimit: number;
  readonly #reconnectDelay: number;
  readonly #state$: BehaviorSubject<StoreState>;
  readonly #errors$ = new Subject<StoreError>();
  #confirmed: InboxState;
  #seq = -1;
  /** The history #seq counts in (the snapshot's epoch), named when resuming. */
  #epoch: string | undefined;
  #queue: ServerMessage[] = [];
  #flushScheduled = false;
  #undo: { entry: UndoEntry; inverse: readonly Command[] }[] = [];
  #subscription: Subscription | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #attempt = 0;
  /** Set on each (re)connect: the first batch from the stream resends unanswered commands. */
  #resendOnLive = false;
  #resendTimer: ReturnType<typeof setTimeout> | null = null;
  #destroyed = false;
  #warming = false;
  /** connect() waits for the protocol's schemas (see #withProtocol). */
  #awaitingProtocol = false;
  #resolveReady!: () => void;
  /** Keeps the window when the backend hands one (loaded with it, store/window.ts). */
  #windower: Windower | null = null;

  constructor(options: InboxStoreOptions) {
    this.#transport = options.transport;
    this.#now = options.now ?? Date.now;
    this.#schedule = options.schedule ?? defaultSchedule;
    this.#undoLimit = options.undoLimit ?? 20;
    this.#reconnectDelay = options.reconnectDelay ?? 500;
    this.#confirmed = emptyState();
    this.#state$ = new BehaviorSubject<StoreState>({
      userId: options.userId,
      model: this.#confirmed,
      ui: {
        ...DEFAULT_QUERY,
        openId: null,
        focusedMessageId: null,
        checked: new Set(),
        dots: new Map(),
      },
      connection: 'connecting',
      ready: false,
      pending: [],
      paging: new Map(),
      presence: new Map(),
      lastUndoable: null,
      window: null,
    });
    this.errors$ = this.#errors$.asObservable();
    this.selectors = createSelectors(this.#now);
    this.selection$ = this.select(this.selectors.selection, sameSelection);
    this.ready = new Promise((resolve) => (this.#resolveReady = resolve));
    if (options.connect !== false) this.connect();
    else void loadProtocol().catch(() => undefined); // early, for receive()
  }

  get state(): StoreState {
    return this.#state$.value;
  }

  get userId(): Id {
    return this.state.userId;
  }

  readonly state$ = (): Observable<StoreState> => this.#state$.asObservable();

  /** An observable of one slice of the state that emits only when it changes. */
  select<T>(selector: (state: StoreState) => T, equal: (a: T, b: T) => boolean = Object.is): Observable<T> {
    return this.#state$.pipe(map(selector), distinctUntilChanged(equal));
  }

  // ---- connection ----

  connect(): void {
    if (this.#subscription || this.#destroyed) return;
    this.#set({ connection: 'connecting' });
    if (!loadProtocol.loaded) {
      // Every message is checked against the protocol's schemas, which load on demand: connect once they are here.
      if (this.#awaitingProtocol) return;
      this.#awaitingProtocol = true;
      loadProtocol().then(
        () => {
          this.#awaitingProtocol = false;
          if (this.state.connection === 'connecting') this.connect();
        },
        (error: unknown) => {
          this.#awaitingProtocol = false;
          if (this.state.connection === 'connecting') this.#dropped(`could not load the protocol's schemas (${String(error)})`);
        },
      );
      return;
    }
    this.#resendOnLive = true;
    const since = this.#seq >= 0 ? this.#seq : undefined;
    const onOpen = () => this.#opened();
    this.#subscription = this.#transport.connect({ userId: this.userId, since, epoch: this.#epoch, onOpen }).subscribe({
      next: (message) => this.receive(message),
      error: (error: unknown) => this.#dropped(String(error)),
      complete: () => this.#dropped('the connection closed'),
    });
  }

  /**
   * The transport says the backend accepted the stream. A resumed stream
   * with nothing missed brings no message to flush, so this is what ends
   * the back-off and resends unanswered commands then.
   */
  #opened(): void {
    if (this.#destroyed || this.#subscription === null) return;
    this.#attempt = 0;
    if (!this.state.ready) return; // the snapshot to come does the rest
    if (this.state.connection !== 'live') this.#set({ connection: 'live' });
    if (this.#resendOnLive) {
      this.#resendOnLive = false;
      this.#resend();
    }
  }

  disconnect(): void {
    if (this.#retry) clearTimeout(this.#retry);
    if (this.#resendTimer) clearTimeout(this.#resendTimer);
    this.#retry = null;
    this.#resendTimer = null;
    this.#subscription?.unsubscribe();
    this.#subscription = null;
    this.#set({ connection: 'offline' });
  }

  destroy(): void {
    this.#destroyed = true;
    this.#windower?.destroy();
    this.disconnect();
    this.#state$.complete();
    this.#errors$.complete();
  }

  #dropped(reason: string): void {
    this.#subscription = null;
    if (this.#destroyed) return;
    this.#set({ connection: 'offline' });
    this.#errors$.next({ kind: 'transport', message: `Disconnected: ${reason}` });
    const delay = Math.min(30_000, this.#reconnectDelay * 2 ** this.#attempt++);
    this.#retry = setTimeout(() => {
      this.#retry = null;
      this.connect();
    }, delay);
  }

  /**
   * Takes one message from the transport. Malformed messages are reported
   * on errors$ and dropped: the state stays as it was. Synchronous once the
   * protocol's schemas have loaded (`await loadProtocol()`); before, messages
   * wait for them, in order.
   */
  receive(input: unknown): void {
    // A big snapshot, and what follows it, waits for the compiled checks (protocol.ts, whenCheckable).
    this.#withProtocol((protocol) => protocol.whenCheckable(this, input, (message) => this.#receive(protocol, message)));
  }

  #receive({ parseServerMessage }: ProtocolModule, input: unknown): void {
    if (this.#destroyed) return; // a message held for the schemas, arriving after destroy()
    const parsed = parseServerMessage(input);
    if (!parsed.ok) {
      this.#errors$.next({ kind: 'protocol', message: parsed.error.message });
      return;
    }
    const message = parsed.value;
    if (message.kind === 'presence') {
      this.#receivePresence(message.presence);
      return;
    }
    if (message.kind === 'snapshot') {
      // A snapshot replaces everything queued before it.
      this.#queue = [message];
      this.#flush();
      return;
    }
    this.#queue.push(message);
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      this.#schedule(() => this.#flush());
    }
  }

  /** Applies every queued backend message at once, then notifies subscribers once. */
  #flush(): void {
    this.#flushScheduled = false;
    const queue = this.#queue;
    if (queue.length === 0) return;
    this.#queue = [];
    let confirmed = this.#confirmed;
    let snapshot = false;
    let window = this.state.window;
    const events: DomainEvent[] = [];
    for (const message of queue) {
      if (message.kind === 'snapshot') {
        confirmed = stateFromSnapshot(message.snapshot);
        events.length = 0;
        this.#seq = message.seq;
        this.#epoch = message.epoch;
        snapshot = true;
        window = message.windowed === true ? { key: '', next: null, total: 0, counts: new Map(), loading: true } : null;
      } else if (message.kind === 'event' && message.seq > this.#seq) {
        events.push(message.event);
        this.#seq = message.seq;
      }
    }
    const before = confirmed;
    confirmed = reduceAll(confirmed, events);
    this.#confirmed = confirmed;
    const pending = settle(this.state.pending, this.#seq);
    const { state: model } = rebase(confirmed, pending, this.userId);
    const dots = this.#lightDots(before, model, events);
    this.#attempt = 0;
    let ui = dots === this.state.ui.dots ? this.state.ui : { ...this.state.ui, dots };
    // R14: a view the user may not open (the default All for a `self` agent, a
    // view from a link, a saved view deleted meanwhile) gives way to their first.
    const user = model.users.get(this.userId);
    const view = user ? usableView(model, user, ui.view) : ui.view;
    if (view !== ui.view) ui = { ...ui, view, checked: new Set() };
    // A windowed store is ready with its first page (store/window.ts).
    const waiting = window !== null && window.key === '';
    this.#set({
      model,
      pending,
      connection: 'live',
      ready: !waiting,
      ui,
      window,
      ...(snapshot ? { paging: new Map() } : {}),
    });
    if (snapshot) {
      if (!waiting) this.#resolveReady();
      this.#warmSearch();
      this.#keepWindow(window !== null);
    }
    if (this.#resendOnLive) {
      this.#resendOnLive = false;
      this.#resend();
    }
  }

  /**
   * Makes the search keys of every conversation in slices after a
   * snapshot, so that the first search at 100,000 conversations does not
   * spend 200 ms making them. Each slice works on the newest state; the
   * keys carry over to later states.
   */
  #warmSearch(): void {
    if (this.#warming) return;
    this.#warming = true;
    const slice = (hasTime: () => boolean) => {
      if (this.#destroyed) return;
      if (warmSearchKeys(this.state.model, hasTime)) this.#warming = false;
      else inSlices(slice);
    };
    inSlices(slice);
  }

  /** R15: each conversation that received an inbound message lights one view's dot. */
  #lightDots(before: InboxState, after: InboxState, events: readonly DomainEvent[]): Dots {
    let dots = this.state.ui.dots;
    const user = after.users.get(this.userId);
    if (!user) return dots;
    for (const event of events) {
      if (event.type !== 'conversation.upserted') continue;
      const next = after.conversations.get(event.conversation.id);
      const previous = before.conversations.get(event.conversation.id);
      if (!next || next.lastInboundAt === null) continue;
      if (previous && previous.lastInboundAt !== null && previous.lastInboundAt >= next.lastInboundAt) continue;
      if (next.id === this.state.ui.openId) continue;
      const view = dotViewFor(after, next, user);
      if (view && view !== this.state.ui.view) dots = lightDot(dots, next.id, view);
    }
    return dots;
  }

  #receivePresence(presence: Presence): void {
    if (presence.userId === this.userId) return;
    const next = new Map<Id, readonly Presence[]>();
    for (const [conversationId, list] of this.state.presence) {
      const kept = list.filter((p) => p.userId !== presence.userId);
      if (kept.length) next.set(conversationId, kept);
    }
    if (presence.conversationId) {
      next.set(presence.conversationId, [...(next.get(presence.conversationId) ?? []), presence]);
    }
    this.#set({ presence: next });
  }

  // ---- commands ----

  /**
   * Applies a command at once (optimistic) and sends it. Resolves to the
   * local verdict; the backend's verdict arrives later and, if it refuses,
   * rolls the command back and reports on errors$.
   */
  dispatch<T extends CommandType>(
    type: T,
    args: CommandArgs[T],
    options: { undoable?: boolean } = {},
  ): DispatchResult {
    const command = { id: newId('cmd'), type, args } as unknown as Command;
    return this.#dispatch(command, options.undoable ?? true);
  }

  #dispatch(command: Command, recordUndo: boolean): DispatchResult {
    const at = this.#now();
    const before = this.state.model;
    const result = apply(before, command, { actorId: this.userId, now: at });
    if (!result.ok) {
      this.#errors$.next({ kind: 'rejected', command, refusal: result.refusal });
      return { ok: false, refusal: result.refusal };
    }
    if (recordUndo && UNDOABLE_COMMANDS.includes(command.type) && result.events.length > 0) {
      this.#pushUndo(command, invert(before, command, { actorId: this.userId, now: at }, result));
    }
    const entry: PendingCommand = { command, at, ackSeq: null, inFlight: true };
    this.#set({ model: result.state, pending: [...this.state.pending, entry] });
    this.#send(entry);
    return { ok: true, command };
  }

  /** Sends a pending command already marked in flight. */
  #send(entry: PendingCommand): void {
    const id = entry.command.id;
    this.#transport.send(entry.command, this.userId).then(
      (answer) => this.#acknowledged(entry.command, answer),
      (error: unknown) => {
        // Unreachable backend: keep the command and try again, on reconnecting
        // or after a pause, whichever comes first. Ids make a resend safe.
        if (this.#destroyed) return;
        this.#set({ pending: update(this.state.pending, id, { inFlight: false }) });
        this.#errors$.next({ kind: 'transport', message: `Could not send: ${String(error)}` });
        // A transport may say how long the backend asked it to wait (HTTP's Retry-After on a 429).
        const asked = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
        const wait = Math.max(this.#reconnectDelay * 2, typeof asked === 'number' && Number.isFinite(asked) ? Math.min(asked, 300_000) : 0);
        this.#resendTimer ??= setTimeout(() => {
          this.#resendTimer = null;
          if (this.state.connection === 'live') this.#resend();
        }, wait);
      },
    );
  }

  /**
   * Runs `use` with the protocol's schemas: now when they are loaded, else
   * when they are (calls keep their order). A failed load is reported, then
   * `failed` runs instead; the store asks again on its next connect.
   */
  #withProtocol(use: (protocol: ProtocolModule) => void, failed?: () => void): void {
    const loaded = loadProtocol.loaded;
    if (loaded) {
      use(loaded);
      return;
    }
    loadProtocol().then(use, (error: unknown) => {
      this.#errors$.next({ kind: 'transport', message: `Could not load the protocol's schemas: ${String(error)}` });
      failed?.();
    });
  }

  #acknowledged(command: Command, answer: unknown): void {
    // An answer that cannot be checked is as good as none: the command is sent again on reconnecting.
    const unanswered = () => {
      if (!this.#destroyed) this.#set({ pending: update(this.state.pending, command.id, { inFlight: false }) });
    };
    this.#withProtocol((protocol) => this.#acknowledge(protocol, command, answer), unanswered);
  }

  #acknowledge({ parseCommandAck }: ProtocolModule, command: Command, answer: unknown): void {
    if (this.#destroyed) return;
    const parsed = parseCommandAck(answer);
    if (!parsed.ok) {
      this.#errors$.next({ kind: 'protocol', message: parsed.error.message });
      this.#rollBack(command, { code: 'invalid', reason: parsed.error.message });
      return;
    }
    const ack = parsed.value;
    if (!ack.ok) {
      this.#rollBack(command, ack.refusal);
      return;
    }
    const updated = update(this.state.pending, command.id, { ackSeq: ack.seq, inFlight: false });
    const pending = settle(updated, this.#seq);
    if (pending.length === updated.length) {
      this.#set({ pending });
      return;
    }
    // The stream already carried the command's effects: drop its optimistic copy, or it
    // stays applied twice on top of them (a reply's version one ahead) until the next event.
    this.#set({ pending, model: rebase(this.#confirmed, pending, this.userId).state });
  }

  #rollBack(command: Command, refusal: Refusal): void {
    const pending = remove(this.state.pending, command.id);
    this.#undo = this.#undo.filter((u) => u.entry.commandId !== command.id);
    this.#set({
      pending,
      model: rebase(this.#confirmed, pending, this.userId).state,
      lastUndoable: this.#undo.at(-1)?.entry ?? null,
    });
    this.#errors$.next({ kind: 'rejected', command, refusal });
  }

  /** After a (re)connect, sends again what never got an answer; ids make it safe. */
  #resend(): void {
    const waiting = this.state.pending.filter((entry) => !entry.inFlight && entry.ackSeq === null);
    for (const entry of waiting) {
      this.#set({ pending: update(this.state.pending, entry.command.id, { inFlight: true }) });
      this.#send(entry);
    }
  }

  // ---- undo ----

  #pushUndo(command: Command, inverse: readonly Command[]): void {
    if (inverse.length === 0) return;
    const count = 'ids' in command.args ? command.args.ids.length : 1;
    const entry: UndoEntry = { commandId: command.id, type: command.type, count };
    this.#undo = [...this.#undo, { entry, inverse }].slice(-this.#undoLimit);
    this.#set({ lastUndoable: entry });
  }

  /** Reverses the newest undoable change (key Z, the undo toast). False if there is none. */
  undo(): boolean {
    const last = this.#undo.pop();
    if (!last) return false;
    this.#set({ lastUndoable: this.#undo.at(-1)?.entry ?? null });
    for (const command of last.inverse) this.#dispatch({ ...command, id: newId('undo') }, false);
    return true;
  }

  /** Forgets the undo toast's entry without undoing it. */
  dismissUndo(): void {
    this.#set({ lastUndoable: null });
  }

  // ---- timelines ----

  /** Loads the newest page of a conversation's timeline, or the page before the oldest loaded item. */
  async loadTimeline(conversationId: Id, options: { older?: boolean; limit?: number } = {}): Promise<void> {
    const paging = this.state.paging.get(conversationId);
    if (paging?.loading || (options.older && paging && !paging.hasMore)) return;
    const loaded = this.#confirmed.timelines.get(conversationId);
    const before = options.older ? loaded?.[0]?.id : undefined;
    this.#setPaging(conversationId, { loading: true, hasMore: paging?.hasMore ?? true });
    try {
      const answer = await this.#transport.timeline(
        { conversationId, before, limit: options.limit ?? 50 },
        this.userId,
      );
      const { parseTimelinePage } = loadProtocol.loaded ?? (await loadProtocol());
      const parsed = parseTimelinePage(answer);
      if (!parsed.ok) throw parsed.error;
      this.#mergeTimeline(conversationId, parsed.value.items);
      this.#setPaging(conversationId, { loading: false, hasMore: parsed.value.hasMore });
    } catch (error) {
      this.#setPaging(conversationId, { loading: false, hasMore: paging?.hasMore ?? true });
      this.#errors$.next({ kind: 'protocol', message: String(error) });
    }
  }

  #mergeTimeline(conversationId: Id, items: readonly TimelineItem[]): void {
    let timeline = this.#confirmed.timelines.get(conversationId);
    for (const item of items) timeline = upsertTimelineItem(timeline, item);
    const timelines = new Map(this.#confirmed.timelines);
    timelines.set(conversationId, timeline ?? []);
    this.#confirmed = { ...this.#confirmed, timelines };
    this.#set({ model: rebase(this.#confirmed, this.state.pending, this.userId).state });
  }

  #setPaging(conversationId: Id, paging: TimelinePaging): void {
    const next = new Map(this.state.paging);
    next.set(conversationId, paging);
    this.#set({ paging: next });
  }

  // ---- the window (issue 13) ----

  /** Starts, restarts or stops keeping a window, after a snapshot. */
  #keepWindow(windowed: boolean): void {
    if (!windowed) {
      this.#windower?.destroy();
      this.#windower = null;
    } else if (this.#windower) {
      this.#windower.reload();
    } else {
      const report = (message: string) => this.#errors$.next({ kind: 'transport', message });
      import('./window.js').then(({ Windower }) => {
        if (this.#destroyed || this.#windower || !this.state.window) return;
        this.#windower = new Windower({
          store: this,
          transport: this.#transport,
          report,
          confirmed: () => this.#confirmed,
          take: (confirmed, window) => {
            const first = !this.state.ready && confirmed !== null;
            if (confirmed) this.#confirmed = confirmed;
            this.#set(confirmed ? { model: rebase(confirmed, this.state.pending, this.userId).state, window, ready: true } : { window });
            if (first) this.#resolveReady();
          },
        });
      }, report);
    }
  }

  /**
   * The list shows rows up to `index` (inbox-list says so as it scrolls):
   * a windowed store loads the next page when that nears its last loaded row.
   */
  showing(index: number): void {
    this.#windower?.showing(index);
  }

  // ---- presence and files ----

  /**
   * Tells the other agents what this user is viewing and whether they type
   * (R17). Best effort: a transport without presence, or a failure, changes
   * nothing here.
   */
  setPresence(conversationId: Id | null, typing = false): void {
    try {
      this.#transport.presence?.(conversationId, typing, this.userId).catch(() => undefined);
    } catch {
      // A transport that throws instead of rejecting: still best effort.
    }
  }

  /** True when the transport stores files, so a composer may offer attachments. */
  get canUpload(): boolean {
    return typeof this.#transport.upload === 'function';
  }

  /** Uploads a file through the transport; resolves to a validated Attachment for a `reply`. */
  async upload(file: File): Promise<Attachment> {
    if (!this.#transport.upload) throw new Error('This transport does not take attachments');
    const answer = await this.#transport.upload(file, this.userId);
    const { parseAttachment } = loadProtocol.loaded ?? (await loadProtocol());
    const parsed = parseAttachment(answer);
    if (!parsed.ok) {
      this.#errors$.next({ kind: 'protocol', message: parsed.error.message });
      throw parsed.error;
    }
    return parsed.value;
  }

  // ---- team stats ----

  /**
   * Team stats (R28) for a range, counted by the backend over what this user
   * may see (R14) and checked like every message (store/team-stats.ts, loaded
   * on demand: a page without stats never loads it).
   */
  teamStats(request: StatsRequest): Promise<TeamStats> {
    return import('./team-stats.js').then((module) => module.askTeamStats(this, this.#transport, this.#errors$, request));
  }

  // ---- UI state ----

  /** Opens a view; R15: opening a view clears its dot. */
  setView(view: ViewId): void {
    const ui = this.state.ui;
    this.#setUi({ view, checked: new Set(), dots: clearDot(ui.dots, view) });
  }

  setTab(tab: StatusTab): void {
    this.#setUi({ tab, checked: new Set() });
  }

  setFilters(filters: Filters): void {
    this.#setUi({ filters });
  }

  setSearch(search: string): void {
    this.#setUi({ search });
  }

  setSort(sort: SortOrder): void {
    this.#setUi({ sort });
  }

  /** Replaces several fields at once (a URL read on load, a saved view applied). */
  setQuery(query: Partial<Query>): void {
    this.#setUi(query);
  }

  /** Opens a conversation; R4: opening an unread conversation marks it read. */
  openConversation(id: Id | null, focusedMessageId: Id | null = null): void {
    this.#setUi({ openId: id, focusedMessageId });
    if (!id) return;
    const conversation = this.state.model.conversations.get(id);
    if (conversation && (conversation.unread || conversation.mentionsUnread.includes(this.userId))) {
      this.dispatch('markRead', { ids: [id] }, { undoable: false });
    }
  }

  setChecked(ids: Iterable<Id>): void {
    this.#setUi({ checked: new Set(ids) });
  }

  toggleChecked(id: Id, checked = !this.state.ui.checked.has(id)): void {
    const next = new Set(this.state.ui.checked);
    if (checked) next.add(id);
    else next.delete(id);
    this.#setUi({ checked: next });
  }

  /** "Select all matching": every conversation the query matches, not only the rows on screen. */
  checkAllMatching(): void {
    this.setChecked(this.selectors.list(this.state).map((conversation) => conversation.id));
  }

  #setUi(change: Partial<UiState>): void {
    this.#set({ ui: { ...this.state.ui, ...change } });
  }

  #set(change: Partial<StoreState>): void {
    if (this.#destroyed) return;
    this.#state$.next({ ...this.state, ...change });
  }
}
