import { expect } from '@open-wc/testing';
import type { Attachment } from '../model/types.js';
import { clearDraft, draftKey, isEmptyDraft, loadDraft, saveDraft, type DraftAddress } from './drafts.js';

/** A Storage in memory, optionally refusing every write (a full quota) or every access. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  constructor(private readonly fail: 'none' | 'write' | 'all' = 'none') {}
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    if (this.fail === 'all') throw new DOMException('denied', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    if (this.fail !== 'none') throw new DOMException('denied', 'SecurityError');
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.fail !== 'none') throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

const at: DraftAddress = { userId: 'u-ana', conversationId: 'c-1', mode: 'reply' };
const file: Attachment = { id: 'att-1', name: 'invoice.pdf', mime: 'application/pdf', size: 2048, url: 'blob:x' };

describe('drafts', () => {
  it('keys a draft by user, conversation and mode', () => {
    expect(draftKey(at)).to.equal('inbox-elements:draft:u-ana:c-1:reply');
    expect(draftKey({ ...at, mode: 'comment' })).to.equal('inbox-elements:draft:u-ana:c-1:comment');
  });

  it('saves and loads a draft with its attachments, channel and pending send', () => {
    const storage = new MemoryStorage();
    expect(saveDraft(storage, at, { body: 'Hello', attachments: [file], channelId: 'ch-email', sentAs: 'm-1' })).to.be.true;
    expect(loadDraft(storage, at)).to.deep.equal({ body: 'Hello', attachments: [file], channelId: 'ch-email', sentAs: 'm-1' });
    expect(loadDraft(storage, { ...at, mode: 'comment' }), 'another mode has its own draft').to.equal(null);
    expect(loadDraft(storage, { ...at, userId: 'u-lea' }), 'another user has their own').to.equal(null);
  });

  it('removes the draft when saving an empty one, and on clear', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, at, { body: 'Hello', attachments: [] });
    saveDraft(storage, at, { body: '   ', attachments: [] });
    expect(storage.length).to.equal(0);
    saveDraft(storage, at, { body: 'Hello', attachments: [] });
    expect(clearDraft(storage, at)).to.be.true;
    expect(loadDraft(storage, at)).to.equal(null);
  });

  it('keeps a draft made of an attachment alone, or of a send awaiting confirmation', () => {
    expect(isEmptyDraft({ body: '', attachments: [file] })).to.be.false;
    expect(isEmptyDraft({ body: '', attachments: [], sentAs: 'm-1' })).to.be.false;
    expect(isEmptyDraft({ body: ' \n', attachments: [] })).to.be.true;
    expect(isEmptyDraft(null)).to.be.true;
  });

  it('ignores what is not a draft: broken JSON, another shape, bad attachments', () => {
    const storage = new MemoryStorage();
    storage.setItem(draftKey(at), '{not json');
    expect(loadDraft(storage, at)).to.equal(null);
    storage.setItem(draftKey(at), JSON.stringify({ text: 'x' }));
    expect(loadDraft(storage, at)).to.equal(null);
    storage.setItem(draftKey(at), JSON.stringify({ body: 'x', attachments: [file, { id: 1 }, null], channelId: 4 }));
    expect(loadDraft(storage, at)).to.deep.equal({ body: 'x', attachments: [file] });
  });

  it('never throws: a full or forbidden storage, or none, only reports false', () => {
    expect(saveDraft(new MemoryStorage('write'), at, { body: 'Hello', attachments: [] })).to.be.false;
    expect(clearDraft(new MemoryStorage('write'), at)).to.be.false;
    expect(loadDraft(new MemoryStorage('all'), at)).to.equal(null);
    expect(saveDraft(null, at, { body: 'Hello', attachments: [] })).to.be.false;
    expect(loadDraft(null, at)).to.equal(null);
  });
});
