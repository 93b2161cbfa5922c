import type { Id, NoteItem } from './types.js';

/**
 * R20 notes: a note attached to one message is changed (edited or deleted)
 * only by its author. The rules (rules.people.ts) refuse anyone else, and
 * the timeline shows Edit and Delete only to whom this returns true. The
 * system (null) writes no notes and so changes none.
 */
export function canChangeNote(note: Pick<NoteItem, 'authorId'>, actorId: Id | null): boolean {
  return actorId !== null && note.authorId === actorId;
}
