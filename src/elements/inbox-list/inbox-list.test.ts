import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../define.js';
import { demoBackend, injectInbound, injectNewConversation, storyStore } from '../../../stories/demo-stores.js';
import meta, * as stories from '../../../stories/inbox-list.stories.js';
import type { Story } from '../../../stories/inbox-list.stories.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import { isCallConversation } from '../../model/list-modes.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { InboxList } from './inbox-list.js';
import type { ConversationOpenEvent } from '../../events/conversation-open.js';
import type { TemplateResult } from 'lit';
import { relativeTime } from '../shared/relative-time.js';
import { priorityLabel } from '../shared/priority.js';
import { channelLabel } from '../shared/channel-icons.js';
import { activeRowId, frames, listbox, mountList, rowById, rowsOf, until } from './list.testing.js';

const stores: InboxStore[] = [];
const track = (store: InboxStore): InboxStore => (stores.push(store), store);

const sized = (content: unknown) =>
  html`<div style="block-size: 480px; inline-size: 640px; display: flex; flex-direction: column">${content}</div>`;

async function mountStore(store: InboxStore) {
  track(store);
  return mountList(sized(html`<inbox-list .store=${store}></inbox-list>`));
}

async function renderStory(story: Story) {
  const args = { ...meta.args, ...story.args };
  const render = story.render ?? meta.render;
  if (story.globals?.locale) await setLocale(story.globals.locale);
  const mounted = await mountList(render(args, {} as never) as TemplateResult);
  track(mounted.store);
  return mounted;
}

const conversation = (store: InboxStore, id: string) => store.state.model.conversations.get(id)!;
const press = async (list: InboxList, key: string) => {
  await sendKeys({ press: key });
  await list.updateComplete;
};
const shadow = (list: InboxList) => list.shadowRoot!;

describe('<inbox-list>', () => {
  afterEach(async () => {
    for (const store of stores.splice(0)) store.destroy();
    await resetMouse();
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('inbox-list')).to.equal(InboxList);
  });

  describe('rows', () => {
    it('a new query (here the order) draws the rows in view first and the rows kept for scrolling on the next frame', async () => {
      const { list, store } = await mountStore(storyStore({}));
      const height = rowsOf(list)[0]!.getBoundingClientRect().height;
      const inView = Math.ceil(listbox(list).clientHeight / height);
      const full = rowsOf(list).length;
      expect(full, 'ten rows kept below the view').to.equal(inView + 10);
      store.setSort('oldest');
      await list.updateComplete;
      expect(list.rows.length).to.be.greaterThan(inView + 20);
      expect(rowsOf(list).length, 'the frame that answers the new order').to.equal(inView + 2);
      await frames(2);
      expect(rowsOf(list).length, 'a frame later').to.equal(inView + 10);
      // Scrolling (not a new query) keeps the whole overscan.
      listbox(list).scrollTop = 5 * height;
      await until(() => rowsOf(list).length === inView + 15, 'the overscan on both sides');
    });

    it('show name, participants, channel, subject, preview, relative time, unread dot, assignee, priority and labels', async () => {
      const { list, store } = await mountStore(storyStore({}));
      const id = list.rows[0]!.id;
      store.dispatch('markUnread', { ids: [id] });
      store.dispatch('setPriority', { ids: [id], priority: 'high' });
      store.dispatch('addLabels', { ids: [id], labels: ['vip', 'billing'] });
      store.dispatch('assign', { ids: [id], assignee: { type: 'user', id: 'u-tom' } });
      await list.updateComplete;
      await frames(2);
      const c = conversation(store, id);
      const row = rowById(list, id)!;
      const model = store.state.model;
      expect(row.querySelector('[part=name]')?.textContent).to.equal(model.contacts.get(c.contactId)!.name);
      const kind = model.channels.get(c.channelId)!.kind;
      expect(row.querySelector('[part=channel]')?.getAttribute('aria-label')).to.equal(channelLabel(kind));
      expect(row.querySelector('[part=preview]')?.textContent).to.equal(c.lastMessage?.preview ?? '');
      if (c.subject) expect(row.querySelector('[part=subject]')?.textContent).to.equal(c.subject);
      const at = c.lastMessage?.at ?? c.createdAt;
      expect(row.querySelector('[part=time]')?.textContent.trim()).to.equal(relativeTime(at, Date.now(), 'en'));
      expect(row.querySelector('[part=time]')?.getAttribute('datetime')).to.equal(new Date(at).toISOString());
      expect(row.querySelector('[part=unread-dot]')?.getAttribute('aria-label')).to.equal('Unread');
      expect(row.querySelector('[part=avatar]')?.getAttribute('aria-label')).to.equal('Assigned to Tom Harris');
      expect(row.querySelector('[part=avatar]')?.textContent.trim()).to.equal('TH');
      expect(row.querySelector('[part=priority]')?.textContent).to.contain(priorityLabel('high'));
      expect([...row.querySelectorAll('[part=label]')].map((l) => l.textContent)).to.include.members(['vip', 'billing']);
      expect(row.getAttribute('aria-selected')).to.equal('false');

      // Participant counts and status badges, over every row rendered.
      const many = list.rows.find((r) => r.participants > 1);
      expect(many, 'a demo conversation with several participants').to.exist;
      store.setSearch(model.contacts.get(many!.contactId)!.name);
      await until(() => rowById(list, many!.id) !== null, 'the multi-participant row');
      const count = rowById(list, many!.id)!.querySelector('[part=participants]');
      expect(count?.textContent).to.equal(String(many!.participants));
      expect(count?.getAttribute('aria-label')).to.equal(`${many!.participants} participants`);
      for (const r of rowsOf(list)) {
        const c2 = conversation(store, r.dataset['id']!);
        const unread = c2.unread;
        expect(r.querySelector('[part=unread-dot]') !== null, `dot of ${c2.id}`).to.equal(unread);
        // Unread has its dot, New and Waiting are queues: no badge repeats them on every row.
        expect(r.querySelector('status-badge'), `badge of ${c2.id}`).to.be.null;
      }
    });

    it('shows pinned conversations first (R16), and a pinned row moves to the top', async () => {
      const { list, store } = await mountStore(storyStore({}));
      const rows = list.rows;
      const firstUnpinned = rows.findIndex((c) => !c.pinned);
      expect(rows.slice(firstUnpinned).every((c) => !c.pinned)).to.be.true;
      const last = rows.at(-1)!;
      store.dispatch('pin', { ids: [last.id], pinned: true });
      await list.updateComplete;
      expect(list.rows.findIndex((c) => c.id === last.id)).to.be.lessThan(firstUnpinned + 1);
      await until(() => rowById(list, last.id) !== null, 'the pinned row rendered at the top');
      expect(rowById(list, last.id)!.querySelector('.pin')?.getAttribute('aria-label')).to.equal('Pinned');
    });

    it('are virtualized: 10,000 conversations render only the rows in view (ManyRows)', async () => {
      const { list } = await renderStory(stories.ManyRows);
      expect(list.rows.length).to.be.greaterThan(3000);
      const rendered = rowsOf(list).length;
      expect(rendered).to.be.greaterThan(4).and.lessThan(60);
      expect(rowsOf(list)[0]!.getAttribute('aria-setsize')).to.equal(String(list.rows.length));
      listbox(list).scrollTop = 60 * 2000;
      await frames(4);
      const ids = rowsOf(list).map((r) => Number(r.getAttribute('aria-posinset')));
      expect(Math.min(...ids)).to.be.greaterThan(1900);
      expect(rowsOf(list).length).to.be.lessThan(60);
    });
  });

  describe('keyboard: a queue worked from the keyboard alone', () => {
    it('J/K and the arrows move, Enter opens and marks read, E marks done and moves on, U, O, X, Shift+X, Z', async () => {
      const { list, store } = await mountStore(storyStore({}));
      // People's conversations: R12 keeps young bot conversations from closing.
      store.dispatch('assign', { ids: list.rows.slice(0, 8).map((c) => c.id), assignee: { type: 'user', id: 'u-ana' } });
      await list.updateComplete;
      const [r0, r1, r2, r3, r4, r5] = list.rows.map((c) => c.id);
      listbox(list).focus();
      await list.updateComplete;
      expect(activeRowId(list)).to.equal(r0);
      expect(shadow(list).activeElement === listbox(list)).to.be.true;

      await press(list, 'j');
      expect(activeRowId(list)).to.equal(r1);
      await press(list, 'ArrowDown');
      expect(activeRowId(list)).to.equal(r2);
      await press(list, 'k');
      expect(activeRowId(list)).to.equal(r1);
      await press(list, 'ArrowUp');
      expect(activeRowId(list)).to.equal(r0);

      // Enter opens and marks read (R4).
      store.dispatch('markUnread', { ids: [r0!] });
      await list.updateComplete;
      const opened = oneEvent(list, 'conversation-open');
      await press(list, 'Enter');
      expect(((await opened) as unknown as ConversationOpenEvent).conversationId).to.equal(r0);
      expect(store.state.ui.openId).to.equal(r0);
      expect(conversation(store, r0!).unread).to.be.false;

      // E: done, and focus on the next row, one key each (R3).
      await press(list, 'e');
      expect(conversation(store, r0!).status).to.equal('done');
      expect(list.rows.some((c) => c.id === r0)).to.be.false;
      expect(activeRowId(list)).to.equal(r1);
      await press(list, 'e');
      expect(conversation(store, r1!).status).to.equal('done');
      expect(activeRowId(list)).to.equal(r2);

      // Z undoes the last one: r1 is open again, back in the list.
      await press(list, 'z');
      expect(conversation(store, r1!).status).to.equal('open');
      expect(list.rows.some((c) => c.id === r1)).to.be.true;

      // U marks unread for the team; O makes it open and read (R4).
      await press(list, 'u');
      expect(conversation(store, r2!).unread).to.be.true;
      await press(list, 'o');
      expect(conversation(store, r2!).unread).to.be.false;
      expect(conversation(store, r2!).status).to.equal('open');
      expect(activeRowId(list)).to.equal(r2);

      // X checks the focused row; Shift+X the range from the last checked.
      await press(list, 'x');
      expect([...store.state.ui.checked]).to.deep.equal([r2]);
      expect(rowById(list, r2!)!.getAttribute('aria-selected')).to.equal('true');
      await press(list, 'j');
      await press(list, 'j');
      await press(list, 'j');
      expect(activeRowId(list)).to.equal(r5);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'x' });
      await sendKeys({ up: 'Shift' });
      await list.updateComplete;
      expect([...store.state.ui.checked].sort()).to.deep.equal([r2, r3, r4, r5].sort());
      await press(list, 'x');
      expect(store.state.ui.checked.has(r5!)).to.be.false;

      // E with rows checked marks all of them done and clears the selection.
      await press(list, 'e');
      for (const id of [r2, r3, r4]) expect(conversation(store, id!).status).to.equal('done');
      expect(conversation(store, r5!).status).to.equal('open');
      expect(store.state.ui.checked.size).to.equal(0);
      expect(activeRowId(list)).to.equal(r5);
      await expect(list).to.be.accessible();
    });

    it('Space checks, Home and End jump, and the focused row scrolls into view', async () => {
      const { list, store } = await mountStore(storyStore({ conversations: 2000 }));
      listbox(list).focus();
      await list.updateComplete;
      await press(list, 'End');
      const last = list.rows.at(-1)!.id;
      await until(() => activeRowId(list) === last, 'the last row focused and rendered');
      expect(listbox(list).scrollTop).to.be.greaterThan(1000);
      await press(list, ' ');
      expect(store.state.ui.checked.has(last)).to.be.true;
      await press(list, 'Home');
      await until(() => activeRowId(list) === list.rows[0]!.id, 'the first row focused');
      expect(listbox(list).scrollTop).to.equal(0);
    });

    it('does nothing while typing in a field', async () => {
      const store = track(storyStore({}));
      const { root, list } = await mountList(html`<inbox-provider .store=${store}>
        <input aria-label="Search" />
        <div contenteditable="true" aria-label="Note" role="textbox"></div>
        ${sized(html`<inbox-list></inbox-list>`)}
      </inbox-provider>`);
      listbox(list).focus();
      await list.updateComplete;
      const first = list.rows[0]!.id;
      const before = store.state.model.conversations;
      const input = root.querySelector('input')!;
      input.focus();
      await sendKeys({ type: 'ejuxoz' });
      await sendKeys({ press: 'Enter' });
      expect(input.value).to.equal('ejuxoz');
      root.querySelector<HTMLElement>('[contenteditable]')!.focus();
      await sendKeys({ type: 'eux' });
      await list.updateComplete;
      expect(store.state.model.conversations).to.equal(before);
      expect(store.state.ui.checked.size).to.equal(0);
      expect(store.state.ui.openId).to.be.null;
      expect(list.activeId).to.equal(first);
    });

    it('two inboxes on one page never both react to one key press', async () => {
      const a = track(storyStore({}));
      const b = track(storyStore({}));
      const { root } = await mountList(html`<div>
        <inbox-provider .store=${a}>${sized(html`<inbox-list id="a"></inbox-list>`)}</inbox-provider>
        <inbox-provider .store=${b}>${sized(html`<inbox-list id="b"></inbox-list>`)}</inbox-provider>
      </div>`);
      const listA = root.querySelector<InboxList>('#a')!;
      const listB = root.querySelector<InboxList>('#b')!;
      await b.ready;
      await listB.updateComplete;
      await until(() => rowsOf(listB).length > 0, 'rows in B');
      const a0 = listA.rows[0]!.id;
      const b0 = listB.rows[0]!.id;
      listbox(listB).focus(); // B has a focused row too
      listbox(listA).focus();
      await listA.updateComplete;
      await press(listA, 'e');
      expect(conversation(a, a0).status).to.equal('done');
      expect(conversation(b, b0).status).to.equal('open');
      expect(listB.activeId).to.equal(b0);
      await press(listA, 'j');
      expect(listB.activeId).to.equal(b0);

      listbox(listB).focus();
      const aActive = listA.activeId;
      await press(listB, 'j');
      await press(listB, 'x');
      expect(listB.activeId).to.equal(listB.rows[1]!.id);
      expect(b.state.ui.checked.size).to.equal(1);
      expect(listA.activeId).to.equal(aActive);
      expect(a.state.ui.checked.size).to.equal(0);

      // Focus outside both inboxes: no inbox reacts.
      (document.activeElement as HTMLElement | null)?.blur();
      const modelA = a.state.model;
      const modelB = b.state.model;
      await sendKeys({ press: 'e' });
      expect(a.state.model).to.equal(modelA);
      expect(b.state.model).to.equal(modelB);
    });

    it('S, A, L and P ask for a picker for the focused row, and open the library picker', async () => {
      const { list, store } = await mountStore(storyStore({}));
      listbox(list).focus();
      await list.updateComplete;
      const id = list.rows[0]!.id;
      const handled = new Promise<string>((resolve) =>
        list.addEventListener('inbox-request-picker', (e) => {
          e.preventDefault();
          resolve(`${e.kind}:${e.ids.join(',')}`);
        }, { once: true }),
      );
      await press(list, 's');
      expect(await handled).to.equal(`snooze:${id}`);
      expect(shadow(list).querySelector('.pickers')?.children.length).to.equal(0);

      await press(list, 'p');
      const picker = shadow(list).querySelector('priority-picker');
      expect(picker).to.exist;
      expect(picker!.ids).to.deep.equal([id]);
      await picker!.updateComplete;
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'Enter' });
      expect(conversation(store, id).priority).to.equal('urgent');
      await until(() => shadow(list).querySelector('priority-picker') === null, 'the picker closed');
      expect(shadow(list).activeElement === listbox(list)).to.be.true;
    });
  });

  describe('pointer: selection and bulk actions', () => {
    it('checkbox, Shift-click, select all matching, then bulk done on every matching conversation', async () => {
      const { list, store } = await mountStore(storyStore({ conversations: 2000 }));
      const ids = list.rows.map((c) => c.id);
      const changes: number[] = [];
      list.addEventListener('selection-change', (e) => changes.push(e.ids.size));
      rowById(list, ids[0]!)!.querySelector<HTMLElement>('.check')!.click();
      await list.updateComplete;
      expect([...store.state.ui.checked]).to.deep.equal([ids[0]]);
      expect(rowById(list, ids[0]!)!.getAttribute('aria-selected')).to.equal('true');
      const bar = shadow(list).querySelector('bulk-bar')!;
      await bar.updateComplete;
      expect(bar.shadowRoot!.querySelector('[part=count]')?.textContent).to.equal('1 selected');

      rowById(list, ids[4]!)!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, shiftKey: true }));
      await list.updateComplete;
      expect([...store.state.ui.checked].sort()).to.deep.equal(ids.slice(0, 5).sort());
      expect(store.state.ui.openId).to.be.null;
      expect(changes).to.deep.equal([1, 5]);

      await bar.updateComplete;
      const selectAll = bar.shadowRoot!.querySelector<HTMLButtonElement>('[part~=select-all]')!;
      expect(selectAll.textContent).to.contain(`Select all ${new Intl.NumberFormat('en').format(ids.length)} matching`);
      selectAll.click();
      await list.updateComplete;
      expect(store.state.ui.checked.size).to.equal(ids.length);
      expect(ids.length).to.be.greaterThan(rowsOf(list).length * 10);
      await expect(list).to.be.accessible();

      await bar.updateComplete;
      bar.shadowRoot!.querySelector<HTMLButtonElement>('[data-command=markDone]')!.click();
      await list.updateComplete;
      // R12: young bot conversations refuse; they stay checked, the rest are done.
      const left = store.state.ui.checked;
      for (const id of ids) {
        const c = conversation(store, id);
        if (left.has(id)) expect(c.assignee?.type, id).to.equal('bot');
        else expect(c.status, id).to.equal('done');
      }
      expect(store.state.lastUndoable?.count).to.equal(ids.length - left.size);
      if (left.size > 0) {
        await bar.updateComplete;
        expect(bar.shadowRoot!.querySelector('[part=notice]')?.textContent).to.contain(`${left.size} could not be changed`);
      }
    });

    it('a click opens the row (R4); Ctrl-click checks it', async () => {
      const { list, store } = await mountStore(storyStore({}));
      const [r0, r1] = list.rows.map((c) => c.id);
      store.dispatch('markUnread', { ids: [r0!] });
      await list.updateComplete;
      const opened = oneEvent(list, 'conversation-open');
      rowById(list, r0!)!.querySelector<HTMLElement>('[part=name]')!.click();
      expect(((await opened) as unknown as ConversationOpenEvent).conversationId).to.equal(r0);
      expect(conversation(store, r0!).unread).to.be.false;
      await until(() => rowById(list, r0!)!.classList.contains('row--open'), 'the open row marked');
      expect(rowById(list, r0!)!.classList.contains('row--open')).to.be.true;
      rowById(list, r1!)!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, ctrlKey: true }));
      expect([...store.state.ui.checked]).to.deep.equal([r1]);
    });
  });

  describe('swipe', () => {
    async function swipe(list: InboxList, id: string, dx: number, steps: number[] = [0.3, 0.7, 1]) {
      const row = rowById(list, id)!;
      const target = row.querySelector<HTMLElement>('[part=name]')!;
      const rect = row.getBoundingClientRect();
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      const init = { bubbles: true, composed: true, pointerId: 7, pointerType: 'touch', isPrimary: true, clientY: y };
      target.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: x, button: 0 }));
      const seen: { swipe?: string | undefined; armed: boolean }[] = [];
      for (const step of steps) {
        target.dispatchEvent(new PointerEvent('pointermove', { ...init, clientX: x + dx * step }));
        seen.push({ swipe: row.dataset['swipe'], armed: row.hasAttribute('data-armed') });
      }
      const hint = row.querySelector<HTMLElement>(dx < 0 ? '.hint--done' : '.hint--unread')!;
      const hintShown = getComputedStyle(hint).display !== 'none';
      const moved = getComputedStyle(row.querySelector('.content')!).transform;
      target.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: x + dx }));
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await list.updateComplete;
      return { seen, hintShown, moved };
    }

    it('left marks done with a hint past the threshold, and the toast undoes it', async () => {
      const { list, store } = await mountStore(storyStore({}));
      const id = list.rows.find((c) => c.assignee?.type !== 'bot')!.id; // R12
      const { seen, hintShown, moved } = await swipe(list, id, -300);
      expect(seen[0]).to.deep.equal({ swipe: 'left', armed: false });
      expect(seen.at(-1)).to.deep.equal({ swipe: 'left', armed: true });
      expect(hintShown).to.be.true;
      expect(moved).to.contain('matrix');
      expect(conversation(store, id).status).to.equal('done');
      expect(store.state.ui.openId, 'the swipe is not also a tap').to.be.null;
      const toast = shadow(list).querySelector('undo-toast')!;
      await toast.updateComplete;
      expect(toast.shadowRoot!.querySelector('[part=message]')?.textContent).to.equal('Marked done · 1 conversation');
      await expect(toast).to.be.accessible();
      toast.shadowRoot!.querySelector<HTMLButtonElement>('[part=undo]')!.click();
      expect(conversation(store, id).status).to.equal('open');
      await toast.updateComplete;
      expect(toast.shadowRoot!.querySelector('[part=toast]')).to.be.null;
    });

    it('right marks unread; below the threshold it cancels', async () => {
      const { list, store } = await mountStore(storyStore({}));
      const id = list.rows.find((c) => !c.unread)!.id;
      const short = await swipe(list, id, 40);
      expect(short.seen.at(-1)).to.deep.equal({ swipe: 'right', armed: false });
      expect(conversation(store, id).unread).to.be.false;
      expect(rowById(list, id)!.dataset['swipe']).to.be.undefined;
      await swipe(list, id, 300);
      expect(conversation(store, id).unread).to.be.true;
      expect(store.state.lastUndoable?.type).to.equal('markUnread');
    });

    it('works with a real mouse drag', async () => {
      const { list, store } = await mountStore(storyStore({}));
      const id = list.rows.find((c) => c.assignee?.type !== 'bot')!.id; // R12
      const rect = rowById(list, id)!.getBoundingClientRect();
      const y = Math.round(rect.top + rect.height / 2);
      const x = Math.round(rect.left + rect.width * 0.8);
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      for (const dx of [20, 80, 160, 260]) await sendMouse({ type: 'move', position: [x - dx, y] });
      expect(rowById(list, id)!.hasAttribute('data-armed')).to.be.true;
      await sendMouse({ type: 'up' });
      await list.updateComplete;
      expect(conversation(store, id).status).to.equal('done');
      expect(store.state.ui.openId).to.be.null;
    });
  });

  describe('live updates', () => {
    it('keeps the scroll position and the focused row while events change the list', async () => {
      const backend = demoBackend(2000);
      const store = track(storyStore({ backend }));
      const { list } = await mountList(sized(html`<inbox-list .store=${store}></inbox-list>`));
      const box = listbox(list);
      box.scrollTop = 60 * 40;
      await frames(4);
      const visible = rowsOf(list).filter((r) => {
        const top = r.getBoundingClientRect().top - box.getBoundingClientRect().top;
        return top > 60 && top < 300;
      });
      const target = visible.find((r) => conversation(store, r.dataset['id']!).assignee?.type !== 'bot')!; // R12
      const id = target.dataset['id']!;
      box.focus({ preventScroll: true });
      target.querySelector<HTMLElement>('[part=name]')!.click();
      await list.updateComplete;
      expect(activeRowId(list)).to.equal(id);
      const offset = () => rowById(list, id)!.getBoundingClientRect().top - box.getBoundingClientRect().top;
      const before = offset();
      const scrollBefore = box.scrollTop;
      const like = list.rows.at(-1)!.id;
      const added = [injectNewConversation(backend, like), injectNewConversation(backend, like), injectNewConversation(backend, like)];
      await until(() => added.every((a) => list.rows.some((c) => c.id === a)), 'the new conversations');
      await frames(3);
      expect(box.scrollTop).to.be.greaterThan(scrollBefore);
      expect(Math.abs(offset() - before)).to.be.lessThan(2);
      expect(activeRowId(list)).to.equal(id);
      expect(shadow(list).activeElement === box).to.be.true;

      // The focused row moves (a new message to it): focus follows it by id.
      const indexBefore = list.rows.findIndex((c) => c.id === id);
      injectInbound(backend, id);
      await until(() => {
        const i = list.rows.findIndex((c) => c.id === id);
        return i >= 0 && i < indexBefore - 10;
      }, 'the row moved up');
      expect(list.activeId).to.equal(id);
      expect(box.scrollTop).to.be.greaterThan(0);

      // The focused row leaves the view (another agent marks it done): focus takes its place.
      const index = list.rows.findIndex((c) => c.id === id);
      const next = list.rows[index + 1]!.id;
      backend.send({ id: 'other-agent-done', type: 'markDone', args: { ids: [id] } }, 'u-marc');
      await until(() => !list.rows.some((c) => c.id === id), 'the row gone');
      expect(list.activeId).to.equal(next);
    });
  });

  describe('tabs', () => {
    it('switch the status tab with a click or the arrow keys; folder views have none', async () => {
      const { list, store } = await mountStore(storyStore({}));
      const tabs = () => [...shadow(list).querySelectorAll<HTMLElement>('.tablist--status [role=tab]')];
      expect(tabs().map((t) => t.textContent.trim())).to.deep.equal(['Open', 'Unread', 'Done']);
      tabs()[1]!.click();
      await list.updateComplete;
      expect(store.state.ui.tab).to.equal('unread');
      expect(list.rows.every((c) => c.unread)).to.be.true;
      expect(tabs()[1]!.getAttribute('aria-selected')).to.equal('true');
      expect(tabs().map((t) => t.tabIndex)).to.deep.equal([-1, 0, -1]);
      tabs()[1]!.focus();
      await press(list, 'ArrowRight');
      expect(store.state.ui.tab).to.equal('done');
      expect(shadow(list).activeElement === tabs()[2]).to.be.true;
      await until(() => rowsOf(list).length > 0, 'done rows');
      expect(list.rows.every((c) => c.status === 'done')).to.be.true;
      store.setView('spam');
      await list.updateComplete;
      expect(tabs()).to.have.length(0);
    });

    it('Chats shows every conversation, Calls the call log (Calls story)', async () => {
      const { list, store } = await renderStory(stories.Calls);
      expect(list.rows.length).to.be.greaterThan(0);
      expect(list.rows.every((c) => isCallConversation(store.state.model, c))).to.be.true;
      const chats = shadow(list).querySelectorAll<HTMLElement>('.tablist--mode [role=tab]')[0]!;
      chats.click();
      await list.updateComplete;
      expect(list.mode).to.equal('chats');
      expect(list.rows).to.equal(store.selectors.list(store.state));
    });
  });

  describe('states and stories', () => {
    it('Loading: a status message, no listbox shown', async () => {
      const { root } = await renderStoryRaw(stories.Loading);
      const list = root.querySelector('inbox-list')!;
      await list.updateComplete;
      expect(shadow(list).querySelector('[part=loading]')?.textContent).to.contain('Loading conversations');
      expect(list.matches(':state(loading)')).to.be.true;
      await expect(list).to.be.accessible();
    });

    it('Empty: a localized empty state', async () => {
      const { list } = await renderStory(stories.Empty);
      expect(shadow(list).querySelector('[part=empty]')?.textContent).to.contain('No conversations');
      expect(list.matches(':state(empty)')).to.be.true;
      await expect(list).to.be.accessible();
    });

    it('works inside <inbox-provider demo> with no JavaScript (InProvider)', async () => {
      const { list, root } = await renderStory(stories.InProvider);
      const provider = root.querySelector('inbox-provider')!;
      expect(list.activeStore).to.equal(provider.store);
      expect(list.store).to.be.undefined;
      expect(list.rows.length).to.be.greaterThan(0);
    });

    for (const name of ['Default', 'ManyRows', 'Unread', 'Done', 'Calls', 'Selected', 'Owner', 'AgentTeam', 'AgentSelf', 'Dark', 'French', 'Spanish'] as const) {
      it(`is accessible: ${name}`, async () => {
        const { list, store } = await renderStory(stories[name]);
        if (name === 'Selected') await until(() => store.state.ui.checked.size === 3, 'checked rows');
        await list.updateComplete;
        await frames(2);
        if (name === 'Unread') expect(list.rows.every((c) => c.unread)).to.be.true;
        if (name === 'Done') expect(list.rows.every((c) => c.status === 'done')).to.be.true;
        if (name === 'AgentSelf') expect(list.rows.every((c) => c.assignee?.id === 'u-sam')).to.be.true;
        if (name === 'AgentTeam') expect(list.rows.length).to.be.lessThan(store.state.model.conversations.size);
        await expect(list).to.be.accessible();
      });
    }

    it('is localized: tabs, states and relative times follow the locale (French)', async () => {
      const { list } = await renderStory(stories.French);
      const tabs = [...shadow(list).querySelectorAll('[role=tab]')].map((t) => t.textContent.trim());
      expect(tabs[0]).to.not.equal('Open');
      const time = rowsOf(list)[0]!.querySelector('[part=time]')!.textContent.trim();
      const c = list.rows[0]!;
      expect(time).to.equal(relativeTime(c.lastMessage?.at ?? c.createdAt, Date.now(), 'fr'));
      expect(listbox(list).getAttribute('aria-label')).to.equal('Conversations');
    });
  });
});

/** A story whose store never becomes ready. */
async function renderStoryRaw(story: Story) {
  const { fixture } = await import('@open-wc/testing');
  const args = { ...meta.args, ...story.args };
  const root = await fixture<HTMLElement>((story.render ?? meta.render)(args, {} as never));
  const list = root.querySelector('inbox-list')!;
  const store = list.activeStore;
  if (store) track(store);
  return { root };
}
