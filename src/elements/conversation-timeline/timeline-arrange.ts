import type { Id, NoteItem, TimelineItem } from '../../model/types.js';

/**
 * A timeline as the timeline element shows it: notes go under the message
 * they are attached to, everything else is one item of the feed, in time
 * order (the store keeps timelines sorted).
 */
export interface Arranged {
  /** The feed's items: messages, calls, comments and events, oldest first. */
  readonly items: readonly TimelineItem[];
  /** Position of each item in `items`. */
  readonly index: ReadonlyMap<Id, number>;
  /** Notes by the id of their message, oldest first. */
  readonly notes: ReadonlyMap<Id, readonly NoteItem[]>;
  /** The message of each note, by note id. */
  readonly noteMessage: ReadonlyMap<Id, Id>;
}

const EMPTY: Arranged = { items: [], index: new Map(), notes: new Map(), noteMessage: new Map() };

// A timeline array is immutable: each change makes a new one. One arrangement per array.
const memo = new WeakMap<readonly TimelineItem[], Arranged>();

export function arrange(timeline: readonly TimelineItem[] | undefined): Arranged {
  if (!timeline || timeline.length === 0) return EMPTY;
  let arranged = memo.get(timeline);
  if (arranged) return arranged;
  const items: TimelineItem[] = [];
  const index = new Map<Id, number>();
  const notes = new Map<Id, NoteItem[]>();
  const noteMessage = new Map<Id, Id>();
  for (const item of timeline) {
    if (item.type === 'note') {
      const list = notes.get(item.messageId);
      if (list) list.push(item);
      else notes.set(item.messageId, [item]);
      noteMessage.set(item.id, item.messageId);
    } else {
      index.set(item.id, items.length);
      items.push(item);
    }
  }
  arranged = { items, index, notes, noteMessage };
  memo.set(timeline, arranged);
  return arranged;
}

/** The feed item that shows `id`: the item itself, or the message a note is attached to. */
export function itemShowing(arranged: Arranged, id: Id): Id | undefined {
  if (arranged.index.has(id)) return id;
  const message = arranged.noteMessage.get(id);
  return message !== undefined && arranged.index.has(message) ? message : undefined;
}

/** A DOM id for an item: item ids may hold any character, DOM ids must not hold spaces. */
export function domId(id: Id): string {
  return `i-${id.replace(/[^a-zA-Z0-9-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`)}`;
}
