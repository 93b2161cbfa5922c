import { expect } from '@open-wc/testing';
import { InboxStore } from './inbox-store.js';
import { MemoryTransport } from '../transport/memory/memory-transport.js';
import { selectionOf, sameSelection, type InboxSelection } from './selection.js';

/** What a host's CRM panel beside the inbox follows: none, one conversation and its contact, or many. */
describe('the selection (store.selection$)', () => {
  let store: InboxStore;
  beforeEach(async () => {
    store = new InboxStore({ transport: new MemoryTransport({ demo: true, conversations: 300 }), userId: 'u-ana' });
    await store.ready;
  });
  afterEach(() => store.destroy());

  it('is none, then the open conversation with its contact, then the checked rows, then the open one again', () => {
    const seen: InboxSelection[] = [];
    const subscription = store.selection$.subscribe((s) => seen.push(s));
    const [a, b] = [...store.state.model.conversations.values()].slice(0, 2);
    const ids = (s: InboxSelection) => (s.type === 'one' ? [s.conversation.id] : s.type === 'many' ? s.conversations.map((c) => c.id).sort() : []);
    const steps = () => seen.map((s) => `${s.type}:${ids(s).join('+')}`).filter((step, i, all) => step !== all[i - 1]);
    store.openConversation(a!.id); // opening also marks it read (R4): the same selection, a newer conversation
    expect(steps()).to.deep.equal(['none:', `one:${a!.id}`]);
    const one = seen.at(-1) as Extract<InboxSelection, { type: 'one' }>;
    expect(one.conversation).to.equal(store.state.model.conversations.get(a!.id));
    expect(one.contact).to.equal(store.state.model.contacts.get(a!.contactId));
    store.setChecked(new Set([a!.id, b!.id]));
    store.setChecked(new Set([b!.id]));
    store.setChecked(new Set());
    subscription.unsubscribe();
    expect(steps()).to.deep.equal(['none:', `one:${a!.id}`, `many:${[a!.id, b!.id].sort().join('+')}`, `one:${b!.id}`, `one:${a!.id}`]);
  });

  it('emits when the selected conversation changes, and not for unrelated changes', () => {
    const [a, other] = [...store.state.model.conversations.values()].filter((c) => c.status === 'open');
    store.openConversation(a!.id);
    const seen: InboxSelection[] = [];
    const subscription = store.selection$.subscribe((s) => seen.push(s));
    store.setSearch('zzz-nothing');
    store.dispatch('markDone', { ids: [other!.id] });
    expect(seen).to.have.length(1);
    store.dispatch('markUnread', { ids: [a!.id] });
    subscription.unsubscribe();
    expect(seen).to.have.length(2);
    expect((seen[1] as Extract<InboxSelection, { type: 'one' }>).conversation.unread).to.equal(true);
  });

  it('leaves out checked ids the store does not hold, and compares by the entities', () => {
    const a = [...store.state.model.conversations.values()][0]!;
    const ui = { checked: new Set(['c-missing']), openId: null };
    expect(selectionOf(store.state.model, ui).type).to.equal('none');
    const one = selectionOf(store.state.model, { checked: new Set([a.id]), openId: null });
    expect(sameSelection(one, selectionOf(store.state.model, { checked: new Set(), openId: a.id }))).to.equal(true);
    expect(sameSelection(one, { type: 'none' })).to.equal(false);
  });
});
