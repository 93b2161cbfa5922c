import { expect } from '@open-wc/testing';
import { canChangeNote } from './notes.js';
import type { NoteItem } from './types.js';

const note: NoteItem = {
  type: 'note',
  id: 'n-1',
  conversationId: 'c-1',
  at: 0,
  messageId: 'm-1',
  authorId: 'u-ana',
  body: 'Called back',
  editedAt: null,
};

describe('notes', () => {
  it('R20 only its author may change a note', () => {
    expect(canChangeNote(note, 'u-ana')).to.be.true;
    expect(canChangeNote(note, 'u-lea')).to.be.false;
  });

  it('R20 the system changes no note', () => {
    expect(canChangeNote(note, null)).to.be.false;
  });
});
