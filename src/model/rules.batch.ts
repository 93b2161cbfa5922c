/**
 * A read view of "state plus these events" that copies nothing, so that
 * `applyAll` can decide command after command against the evolving state
 * and still fold the whole batch with one `reduceAll` (one draft per
 * collection, not one per command). Reads only: the real fold stays
 * `reduceAll`, and tests hold the two to the same result.
 */
import type { DomainEvent } from './events.js';
import { upsertTimelineItem } from './state.js';
import type { Id, InboxState, TimelineItem } from './types.js';

const GONE = Symbol('gone');

class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  private readonly changed = new Map<K, V | typeof GONE>();

  constructor(private readonly base: ReadonlyMap<K, V>) {}

  set(key: K, value: V): void {
    this.changed.set(key, value);
  }

  delete(key: K): void {
    this.changed.set(key, GONE);
  }

  get(key: K): V | undefined {
    const value = this.changed.get(key);
    if (value === undefined) return this.base.get(key);
    return value === GONE ? undefined : value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    let size = this.base.size;
    for (const [key, value] of this.changed) {
      const inBase = this.base.has(key);
      if (value === GONE && inBase) size--;
      else if (value !== GONE && !inBase) size++;
    }
    return size;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      const now = this.changed.get(key) ?? value;
      if (now !== GONE) yield [key, now];
    }
    for (const [key, value] of this.changed) {
      if (value !== GONE && !this.base.has(key)) yield [key, value];
    }
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

export class Batch {
  private readonly users;
  private readonly bots;
  private readonly teams;
  private readonly channels;
  private readonly contacts;
  private readonly conversations;
  private readonly views;
  private readonly timelines;
  /** The state with every added event folded in, for reading. */
  readonly state: InboxState;

  constructor(base: InboxState) {
    this.users = new OverlayMap(base.users);
    this.bots = new OverlayMap(base.bots);
    this.teams = new OverlayMap(base.teams);
    this.channels = new OverlayMap(base.channels);
    this.contacts = new OverlayMap(base.contacts);
    this.conversations = new OverlayMap(base.conversations);
    this.views = new OverlayMap(base.views);
    this.timelines = new OverlayMap<Id, readonly TimelineItem[]>(base.timelines);
    this.state = {
      users: this.users,
      bots: this.bots,
      teams: this.teams,
      channels: this.channels,
      contacts: this.contacts,
      conversations: this.conversations,
      views: this.views,
      timelines: this.timelines,
      settings: base.settings,
    };
  }

  add(events: readonly DomainEvent[]): void {
    for (const event of events) this.addOne(event);
  }

  // Mirrors reduceAll in state.ts, case for case.
  private addOne(event: DomainEvent): void {
    switch (event.type) {
      case 'conversation.upserted':
        this.conversations.set(event.conversation.id, event.conversation);
        break;
      case 'conversation.deleted':
        this.conversations.delete(event.id);
        if (this.timelines.has(event.id)) this.timelines.delete(event.id);
        break;
      case 'contact.upserted':
        this.contacts.set(event.contact.id, event.contact);
        break;
      case 'user.upserted':
        this.users.set(event.user.id, event.user);
        break;
      case 'team.upserted':
        this.teams.set(event.team.id, event.team);
        break;
      case 'bot.upserted':
        this.bots.set(event.bot.id, event.bot);
        break;
      case 'channel.upserted':
        this.channels.set(event.channel.id, event.channel);
        break;
      case 'view.upserted':
        this.views.set(event.view.id, event.view);
        break;
      case 'view.deleted':
        this.views.delete(event.id);
        break;
      case 'timeline.upserted': {
        const id = event.item.conversationId;
        this.timelines.set(id, upsertTimelineItem(this.timelines.get(id), event.item));
        break;
      }
      case 'timeline.deleted': {
        const items = this.timelines.get(event.conversationId);
        if (items) this.timelines.set(event.conversationId, items.filter((item) => item.id !== event.id));
        break;
      }
    }
  }
}
