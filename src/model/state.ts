import type { DomainEvent } from './events.js';
import { asPersistent, PersistentMap, type MapDraft } from './persistent-map.js';
import type { Id, InboxState, Settings, Snapshot, TimelineItem } from './types.js';
import { DEFAULT_SETTINGS } from './types.js';

export function emptyState(settings: Settings = DEFAULT_SETTINGS): InboxState {
  return {
    users: new Map(),
    bots: new Map(),
    teams: new Map(),
    channels: new Map(),
    contacts: new Map(),
    conversations: new Map(),
    views: new Map(),
    timelines: new Map(),
    settings,
  };
}

/**
 * Arrays handed out by `valuesById`, with the collection they are the
 * values of. They are frozen, so they still are.
 */
const handedOut = new WeakMap<readonly unknown[], PersistentMap<Id, unknown>>();

/**
 * A collection's values as a frozen array, for a snapshot. An in-page
 * backend hands its collections out this way: a store in the same page
 * then takes the collection itself (`stateFromSnapshot`, after checking
 * every value) instead of indexing 100,000 conversations a second time.
 */
export function valuesById<T extends { readonly id: Id }>(map: ReadonlyMap<Id, T>): readonly T[] {
  const values = Object.freeze([...map.values()]);
  if (map instanceof PersistentMap) handedOut.set(values, map as PersistentMap<Id, unknown>);
  return values;
}

const byId = <T extends { readonly id: Id }>(items: readonly T[]): PersistentMap<Id, T> =>
  (handedOut.get(items) as PersistentMap<Id, T> | undefined) ?? PersistentMap.fromValues(items, (item) => item.id);

export function stateFromSnapshot(snapshot: Snapshot): InboxState {
  return {
    users: byId(snapshot.users),
    bots: byId(snapshot.bots),
    teams: byId(snapshot.teams),
    channels: byId(snapshot.channels),
    contacts: byId(snapshot.contacts),
    conversations: byId(snapshot.conversations),
    views: byId(snapshot.views),
    timelines: PersistentMap.empty(),
    settings: snapshot.settings,
  };
}

export function toSnapshot(state: InboxState): Snapshot {
  return {
    users: [...state.users.values()],
    bots: [...state.bots.values()],
    teams: [...state.teams.values()],
    channels: [...state.channels.values()],
    contacts: [...state.contacts.values()],
    conversations: [...state.conversations.values()],
    views: [...state.views.values()],
    settings: state.settings,
  };
}

/** Inserts or replaces an item, keeping the timeline in time order (ties by id). */
export function upsertTimelineItem(
  timeline: readonly TimelineItem[] | undefined,
  item: TimelineItem,
): readonly TimelineItem[] {
  const items = (timeline ?? []).filter((existing) => existing.id !== item.id);
  let at = items.length;
  while (at > 0) {
    const before = items[at - 1]!;
    if (before.at < item.at || (before.at === item.at && before.id <= item.id)) break;
    at--;
  }
  items.splice(at, 0, item);
  return items;
}

type Draft = { -readonly [K in keyof InboxState]: InboxState[K] };
type Collection = Exclude<keyof InboxState, 'settings'>;
type DraftOf<K extends Collection> = InboxState[K] extends ReadonlyMap<infer I, infer V> ? MapDraft<I, V> : never;

/**
 * Folds events over a state. Pure from outside (the input is never
 * mutated). The collections are PersistentMaps: a touched one is edited
 * through a draft that copies each chunk it writes once per call, so one
 * command at 100,000 conversations copies 512 entries, not 100,000, and a
 * burst of 10,000 events still applies in one pass.
 */
export function reduceAll(state: InboxState, events: readonly DomainEvent[]): InboxState {
  if (events.length === 0) return state;
  const drafts: Partial<Record<Collection, MapDraft<unknown, unknown>>> = {};
  const draft: Draft = { ...state };
  const writable = <K extends Collection>(key: K): DraftOf<K> => {
    let map = drafts[key];
    if (!map) {
      map = asPersistent(state[key] as ReadonlyMap<unknown, unknown>).edit();
      drafts[key] = map;
      (draft as Record<K, unknown>)[key] = map;
    }
    return map as unknown as DraftOf<K>;
  };
  for (const event of events) {
    switch (event.type) {
      case 'conversation.upserted':
        writable('conversations').set(event.conversation.id, event.conversation);
        break;
      case 'conversation.deleted':
        writable('conversations').delete(event.id);
        if (draft.timelines.has(event.id)) writable('timelines').delete(event.id);
        break;
      case 'contact.upserted':
        writable('contacts').set(event.contact.id, event.contact);
        break;
      case 'contact.deleted':
        writable('contacts').delete(event.id);
        break;
      case 'user.upserted':
        writable('users').set(event.user.id, event.user);
        break;
      case 'team.upserted':
        writable('teams').set(event.team.id, event.team);
        break;
      case 'bot.upserted':
        writable('bots').set(event.bot.id, event.bot);
        break;
      case 'channel.upserted':
        writable('channels').set(event.channel.id, event.channel);
        break;
      case 'view.upserted':
        writable('views').set(event.view.id, event.view);
        break;
      case 'view.deleted':
        writable('views').delete(event.id);
        break;
      case 'timeline.upserted': {
        const timelines = writable('timelines');
        const id = event.item.conversationId;
        timelines.set(id, upsertTimelineItem(timelines.get(id), event.item));
        break;
      }
      case 'timeline.deleted': {
        const timelines = writable('timelines');
        const items = timelines.get(event.conversationId);
        if (items) timelines.set(event.conversationId, items.filter((item) => item.id !== event.id));
        break;
      }
    }
  }
  for (const key of Object.keys(drafts) as Collection[]) {
    (draft as Record<Collection, unknown>)[key] = drafts[key]!.done();
  }
  return draft;
}

export function reduce(state: InboxState, event: DomainEvent): InboxState {
  return reduceAll(state, [event]);
}
