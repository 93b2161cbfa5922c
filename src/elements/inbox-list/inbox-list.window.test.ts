import { expect, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { MemoryBackend } from '../../backend/memory-backend.js';
import { DEMO_USER_IDS } from '../../backend/demo-defaults.js';
import { runQuery } from '../../model/query.js';
import { InboxStore } from '../../store/inbox-store.js';
import { FIRST_PAGE } from '../../store/window.js';
import { MemoryTransport } from '../../transport/memory/memory-transport.js';
import { activeRowId, frames, listbox, mountList, rowsOf, until } from './list.testing.js';

/**
 * `<inbox-list>` on a store that holds a window (issue 13): the agent moves
 * and scrolls as on any list, and the rows past the loaded pages come as
 * the list nears them. The element cannot tell which mode it is in.
 */

const owner = DEMO_USER_IDS.owner;

async function mount(latency = 0) {
  const backend = new MemoryBackend({ demo: { conversations: 900 }, windowFrom: 100 });
  const store = new InboxStore({ transport: new MemoryTransport({ backend, latency }), userId: owner });
  const mounted = await mountList(
    html`<div style="block-size: 480px; inline-size: 640px; display: flex; flex-direction: column"><inbox-list .store=${store}></inbox-list></div>`,
  );
  const user = backend.state.users.get(owner)!;
  const { view, tab, filters, search, sort } = store.state.ui;
  const all = runQuery(backend.state, { view, tab, filters, search, sort }, user, Date.now()).map((c) => c.id);
  return { ...mounted, backend, all };
}

describe('<inbox-list> on a windowed store (issue 13)', () => {
  it('shows the first page, then pages in as End and Page Down reach the last loaded row, until the last conversation', async () => {
    const { list, store, all } = await mount();
    expect(store.state.window).to.not.equal(null);
    expect(rowsOf(list)[0]!.dataset['id']).to.equal(all[0]);
    expect(list.rows.length).to.equal(FIRST_PAGE);
    // A screen reader hears the whole match's size, not the loaded rows'.
    expect(rowsOf(list)[0]!.getAttribute('aria-setsize')).to.equal(String(all.length));
    listbox(list).focus();
    await sendKeys({ press: 'Home' });
    for (let guard = 0; guard < 20 && activeRowId(list) !== all.at(-1); guard++) {
      await sendKeys({ press: 'End' });
      await until(() => store.state.window?.loading === false, 'a page');
      await frames(2);
    }
    expect(activeRowId(list)).to.equal(all.at(-1));
    expect(list.rows.map((c) => c.id)).to.deep.equal(all);
    // The painted rows at the end are the backend's last ones, in its order.
    const painted = rowsOf(list).map((row) => row.dataset['id']);
    expect(all.slice(-painted.length)).to.deep.equal(painted);
  });

  it('loads the next page as the wheel scrolls near the end', async () => {
    const { list, store } = await mount();
    const scroller = listbox(list);
    const box = scroller.getBoundingClientRect();
    const at = { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
    const before = list.rows.length;
    for (let guard = 0; guard < 40 && list.rows.length === before; guard++) {
      await executeServerCommand('mouse:wheel', { ...at, deltaY: 1500 });
      await frames(3);
    }
    expect(scroller.scrollTop, 'the wheel scrolled').to.be.greaterThan(0);
    await until(() => store.state.window?.loading === false, 'a page');
    expect(list.rows.length).to.be.greaterThan(before);
    expect(rowsOf(list).length).to.be.greaterThan(0);
  });

  it('says at its foot that more rows are coming while the next page loads, and stops saying it once they are there', async () => {
    const { list, store, all } = await mount(250);
    const more = () => list.shadowRoot!.querySelector<HTMLElement>('[part=loading-more]');
    expect(more()).to.equal(null);
    listbox(list).focus();
    await sendKeys({ press: 'End' });
    await until(() => more() !== null, 'the note');
    expect(more()!.getAttribute('role')).to.equal('status');
    expect(more()!.textContent).to.contain('Loading more conversations');
    await until(() => store.state.window?.loading === false, 'the page', 5000);
    await list.updateComplete;
    expect(more()).to.equal(null);
    expect(list.rows.length).to.be.greaterThan(FIRST_PAGE);
    expect(list.rows.map((c) => c.id)).to.deep.equal(all.slice(0, list.rows.length));
  });
});
