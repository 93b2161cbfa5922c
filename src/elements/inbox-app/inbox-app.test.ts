import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import * as stories from '../../../stories/inbox-app.stories.js';
import { renderStory } from '../../../test/navigation-fixtures.js';
import { storyStore } from '../../../stories/demo-stores.js';
import { activeRowId, frames, ignoreResizeObserverLoop, listbox, rowsOf, until } from '../inbox-list/list.testing.js';
import type { InboxApp } from './inbox-app.js';
import { PaletteActionEvent } from '../../events/palette-action.js';
import { setLocale } from '../../i18n/localization.js';
import type { InboxList } from '../inbox-list/inbox-list.js';
import { deepActive } from '../../../test/navigation-fixtures.js';
import { callStory } from '../../../stories/call-story.js';

const part = (app: InboxApp, selector: string): HTMLElement => app.shadowRoot!.querySelector<HTMLElement>(selector)!;
const listOf = (app: InboxApp) => app.shadowRoot!.querySelector<InboxList>('inbox-list')!;
const visible = (el: Element) => el.getBoundingClientRect().width > 0 && getComputedStyle(el).display !== 'none';

async function mount(story: Partial<stories.InboxAppArgs> = {}): Promise<InboxApp> {
  const root = await renderStory(stories.default, { args: story });
  const app = root.querySelector('inbox-app')!;
  await app.activeStore!.ready;
  await until(() => rowsOf(listOf(app)).length > 0, 'rows');
  return app;
}

describe('inbox-app', () => {
  beforeEach(ignoreResizeObserverLoop);

  it('shows the sidebar, the list and the conversation pane, and is accessible', async () => {
    const app = await mount();
    expect(visible(part(app, 'inbox-sidebar'))).to.equal(true);
    expect(visible(part(app, 'inbox-list'))).to.equal(true);
    expect(visible(part(app, 'conversation-view'))).to.equal(true);
    await expect(app).to.be.accessible({ ignoredRules: ['region'] });
  });

  it('R10 a call rings above the views; answering it with the keyboard assigns it and shows the call card', async () => {
    const story = callStory('u-ana');
    await story.setup;
    const app = await fixture<InboxApp>(html`<inbox-app .store=${story.store} style="block-size: 760px"></inbox-app>`);
    await until(() => rowsOf(listOf(app)).length > 0, 'rows');
    const calls = part(app, 'incoming-calls');
    const card = part(app, 'call-card');
    expect(visible(calls), 'no call rings: no list').to.equal(false);
    expect(visible(card), 'no call: no card').to.equal(false);
    const ringing = story.scene.ring({ target: { kind: 'unassigned' }, rungFor: 5 });
    await until(() => visible(calls), 'the ringing call shows');
    const answer = calls.shadowRoot!.querySelector<HTMLButtonElement>('[part=answer]')!;
    answer.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => visible(card), 'the call card shows');
    expect(story.store.state.model.conversations.get(ringing.conversationId)?.assignee).to.deep.equal({ type: 'user', id: 'u-ana' });
    await until(() => !visible(calls), 'nothing rings any more');
    await expect(app).to.be.accessible({ ignoredRules: ['region'] });
    story.store.destroy();
  });

  it('ringing calls float over the foot of the list in a strip of one line: the views, the rows and the strip do not move; "+4" shows the others', async () => {
    const story = callStory('u-ana');
    await story.setup;
    const app = await fixture<InboxApp>(html`<inbox-app .store=${story.store} style="block-size: 700px; inline-size: 1280px"></inbox-app>`);
    await until(() => rowsOf(listOf(app)).length > 0, 'rows');
    const calls = part(app, 'incoming-calls');
    const firstView = () => part(app, 'inbox-sidebar').shadowRoot!.querySelector<HTMLElement>('[aria-current], a, button')!.getBoundingClientRect().top;
    const firstRow = () => rowsOf(listOf(app))[0]!.getBoundingClientRect().top;
    const [view, row] = [firstView(), firstRow()];
    const more = () => calls.shadowRoot!.querySelector<HTMLButtonElement>('[part=more]');
    story.scene.ring({ target: { kind: 'unassigned' }, rungFor: 9 });
    await until(() => calls.shadowRoot!.querySelectorAll('[part=answer]').length === 1, 'a ringing call');
    await frames(2);
    const strip = calls.getBoundingClientRect();
    for (let i = 0; i < 4; i++) story.scene.ring({ target: { kind: 'unassigned' }, rungFor: 5 + i });
    await until(() => more()?.textContent.trim() === '+4', 'the "+4" tab');
    await frames(2);
    expect(calls.shadowRoot!.querySelectorAll('[part=answer]'), 'one line').to.have.length(1);
    const box = calls.getBoundingClientRect();
    expect([box.top, box.height], 'the strip did not move').to.deep.equal([strip.top, strip.height]);
    expect(firstView(), 'the views did not move').to.equal(view);
    expect(firstRow(), 'the rows did not move').to.equal(row);
    const pane = part(app, '.list-pane').getBoundingClientRect();
    expect(box.bottom).to.be.at.most(pane.bottom);
    // The list leaves room after its last row: scrolled to the end, the last row clears the strip.
    const scroller = listOf(app).shadowRoot!.querySelector<HTMLElement>('[part=list]')!;
    scroller.scrollTop = scroller.scrollHeight;
    await frames(3);
    const rows = rowsOf(listOf(app));
    const last = rows[rows.length - 1]!.getBoundingClientRect();
    expect(last.bottom <= calls.getBoundingClientRect().top, `the last row (bottom ${last.bottom}) above the strip (top ${calls.getBoundingClientRect().top})`).to.equal(true);
    scroller.scrollTop = 0;
    await frames(2);
    more()!.click();
    await until(() => calls.shadowRoot!.querySelectorAll('[part=answer]').length === 5, 'the five calls');
    const open = calls.getBoundingClientRect();
    expect(open.height, 'within the list pane').to.be.at.most(pane.height * 0.6);
    expect(firstRow(), 'the rows did not move').to.equal(row);
    story.store.destroy();
  });

  it('R4 opening a row shows it in the conversation pane, read', async () => {
    const app = await mount();
    const row = rowsOf(listOf(app))[0]!;
    row.click();
    await frames(3);
    const store = app.activeStore!;
    const open = store.state.ui.openId!;
    expect(open).to.be.a('string');
    expect(store.state.model.conversations.get(open)!.unread).to.equal(false);
    const view = part(app, 'conversation-view');
    const contact = store.state.model.contacts.get(store.state.model.conversations.get(open)!.contactId)!;
    await until(() => view.shadowRoot!.querySelector('[part=contact]')?.textContent === contact.name, 'conversation header');
    expect(view.shadowRoot!.querySelector('conversation-timeline')!.getAttribute('conversation-id')).to.equal(open);
    expect(view.shadowRoot!.querySelector('message-composer')!.getAttribute('conversation-id')).to.equal(open);
    // Nested elements lay out border-box too: the reply field stays inside the pane.
    const field = view.shadowRoot!.querySelector('message-composer')!.shadowRoot!.querySelector('textarea')!;
    await until(() => field.getBoundingClientRect().width > 0, 'the reply field');
    expect(field.getBoundingClientRect().right).to.be.at.most(view.getBoundingClientRect().right - 4);
  });

  it('? opens the shortcut help, Ctrl+K the command palette, / focuses the search', async () => {
    const app = await mount();
    rowsOf(listOf(app))[0]!.click();
    listbox(listOf(app)).focus();
    await sendKeys({ press: '?' });
    await frames(2);
    expect((part as (a: InboxApp, s: string) => HTMLElement & { open: boolean })(app, 'shortcut-help').open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await frames(2);
    expect((part as (a: InboxApp, s: string) => HTMLElement & { open: boolean })(app, 'shortcut-help').open).to.equal(false);
    // Esc closed the dialog only, not the conversation behind it.
    expect(app.activeStore!.state.ui.openId).to.not.equal(null);
    listbox(listOf(app)).focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'k' });
    await sendKeys({ up: 'Control' });
    await frames(2);
    expect((part as (a: InboxApp, s: string) => HTMLElement & { open: boolean })(app, 'command-palette').open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await frames(2);
    listbox(listOf(app)).focus();
    await sendKeys({ press: '/' });
    await frames(2);
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    expect(active?.localName).to.equal('input');
  });

  it('runs the palette actions it cannot run itself through the list and the app', async () => {
    const app = await mount();
    const palette = app.shadowRoot!.querySelector('command-palette')!;
    const list = listOf(app);
    palette.dispatchEvent(new PaletteActionEvent('next', false));
    await frames(2);
    const before = activeRowId(list);
    palette.dispatchEvent(new PaletteActionEvent('next', false));
    await frames(2);
    const rows = rowsOf(list).map((row) => row.dataset['id']);
    expect(rows.indexOf(activeRowId(list)!)).to.equal(rows.indexOf(before!) + 1);
    palette.dispatchEvent(new PaletteActionEvent('help', false));
    await frames(2);
    expect((part(app, 'shortcut-help') as HTMLElement & { open: boolean }).open).to.equal(true);
  });

  it('shows the conversation in French', async () => {
    const app = await mount();
    await setLocale('fr');
    try {
      rowsOf(listOf(app))[0]!.click();
      const view = part(app, 'conversation-view');
      await until(() => view.shadowRoot!.querySelector('[part=header]') !== null, 'the header');
      await frames(2);
      const text = view.shadowRoot!.textContent;
      expect(text).to.match(/Assignée à|Non assignée/);
      expect(part(app, '.contact-toggle').getAttribute('aria-label')).to.equal('Contact');
      expect(part(app, '[part=header] .view-name').textContent.trim()).to.equal('Toutes');
    } finally {
      await setLocale('en');
    }
  });

  it('collapses to one pane in a narrow container: the list, or the open conversation with a back button', async () => {
    const app = await mount({ width: 420 });
    const list = listOf(app);
    const view = part(app, 'conversation-view');
    expect(visible(list)).to.equal(true);
    expect(visible(view)).to.equal(false);
    rowsOf(list)[0]!.click();
    await frames(3);
    expect(visible(list)).to.equal(false);
    expect(visible(view)).to.equal(true);
    const back = view.shadowRoot!.querySelector<HTMLElement>('[part=back]')!;
    expect(visible(back)).to.equal(true);
    back.click();
    await frames(3);
    expect(app.activeStore!.state.ui.openId).to.equal(null);
    expect(visible(list)).to.equal(true);
  });

  it('keys inside the conversation act on it, not on the list\'s focused row; Esc there goes back to the list', async () => {
    const app = await mount();
    const list = listOf(app);
    const store = app.activeStore!;
    const rows = rowsOf(list);
    rows[0]!.click();
    await frames(2);
    const open = store.state.ui.openId!;
    listbox(list).focus();
    await sendKeys({ press: 'j' });
    await frames(2);
    const focused = activeRowId(list)!;
    expect(focused).to.not.equal(open);
    const view = app.shadowRoot!.querySelector('conversation-view')!;
    view.shadowRoot!.querySelector<HTMLElement>('.menu-button')!.focus();
    await sendKeys({ press: 'u' });
    await frames(2);
    expect(store.state.model.conversations.get(open)!.unread).to.equal(true);
    expect(store.state.model.conversations.get(focused)!.unread).to.equal(false);
    await sendKeys({ press: 'e' });
    await frames(2);
    expect(store.state.model.conversations.get(open)!.status).to.equal('done');
    expect(store.state.model.conversations.get(focused)!.status).to.equal('open');
    view.shadowRoot!.querySelector<HTMLElement>('.menu-button')!.focus();
    await sendKeys({ press: 'Escape' });
    await frames(3);
    expect(store.state.ui.openId).to.equal(null);
    await until(() => deepActive()?.id === 'listbox', 'focus back on the list');
  });

  it('R and N, from the list or the palette, reach the conversation\'s composer', async () => {
    const app = await mount();
    const list = listOf(app);
    rowsOf(list)[0]!.click();
    await frames(2);
    const view = app.shadowRoot!.querySelector('conversation-view')!;
    const composer = view.shadowRoot!.querySelector('message-composer')!;
    const modes: (string | undefined)[] = [];
    composer.focusComposer = (mode) => {
      modes.push(mode);
      return Promise.resolve();
    };
    listbox(list).focus();
    await sendKeys({ press: 'r' });
    const palette = app.shadowRoot!.querySelector('command-palette')!;
    palette.dispatchEvent(new PaletteActionEvent('comment', false));
    palette.dispatchEvent(new PaletteActionEvent('reply', false));
    expect(modes).to.deep.equal(['reply', 'comment', 'reply']);
  });

  it('palette pickers act on the conversation when the focus was in it, else through the list', async () => {
    const app = await mount();
    const list = listOf(app);
    rowsOf(list)[0]!.click();
    await frames(2);
    const view = app.shadowRoot!.querySelector('conversation-view')!;
    view.shadowRoot!.querySelector<HTMLElement>('.menu-button')!.focus();
    const palette = app.shadowRoot!.querySelector('command-palette')!;
    palette.dispatchEvent(new PaletteActionEvent('priority', false));
    await frames(2);
    const picker = view.shadowRoot!.querySelector('priority-picker')!;
    expect(picker.open).to.equal(true);
    picker.close();
    listbox(list).focus();
    palette.dispatchEvent(new PaletteActionEvent('priority', false));
    await frames(2);
    expect(list.shadowRoot!.querySelector('priority-picker')?.open).to.equal(true);
  });

  it('shows the contact pane beside the conversation in a wide container; the Contact button hides and shows it', async () => {
    const app = await mount({ width: 1600 });
    const pane = part(app, '.contact-pane');
    expect(visible(pane)).to.equal(false);
    rowsOf(listOf(app))[0]!.click();
    await frames(3);
    const toggle = part(app, '.contact-toggle');
    expect(visible(pane)).to.equal(true);
    expect(pane.querySelector('contact-panel')).to.not.equal(null);
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    // A pane of its own: beside the conversation, not over it.
    const view = part(app, 'conversation-view');
    expect(pane.getBoundingClientRect().left).to.be.at.least(view.getBoundingClientRect().right - 1);
    toggle.click();
    await frames(2);
    expect(visible(pane)).to.equal(false);
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    await expect(app).to.be.accessible({ ignoredRules: ['region'] });
  });

  it('hides the contact pane in a narrower container; the Contact button opens it as a sheet that Esc closes', async () => {
    const app = await mount({ width: 900 });
    rowsOf(listOf(app))[0]!.click();
    await frames(3);
    const pane = part(app, '.contact-pane');
    const toggle = part(app, '.contact-toggle');
    expect(visible(pane)).to.equal(false);
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await frames(3);
    expect(visible(pane)).to.equal(true);
    expect(deepActive()).to.equal(part(app, '.contact-close'));
    await sendKeys({ press: 'Escape' });
    await frames(3);
    expect(visible(pane)).to.equal(false);
    expect(deepActive()).to.equal(toggle);
    // Esc closed the sheet, not the conversation.
    expect(app.activeStore!.state.ui.openId).to.not.equal(null);
  });

  it('§4 sync-url restores the view, search and open conversation from the URL and writes changes back', async () => {
    const store = storyStore();
    await store.ready;
    const target = [...store.state.model.conversations.values()].find((c) => c.status === 'open')!;
    const before = location.href;
    history.replaceState(null, '', `?host=kept&v=mine&q=${encodeURIComponent('a')}&c=${target.id}`);
    try {
      const app = await fixture<InboxApp>(html`<inbox-app .store=${store} sync-url style="height:600px"></inbox-app>`);
      await frames(3);
      expect(store.state.ui.view).to.equal('mine');
      expect(store.state.ui.search).to.equal('a');
      expect(store.state.ui.openId).to.equal(target.id);
      store.setView('unassigned');
      await frames(2);
      const params = new URLSearchParams(location.search);
      expect(params.get('v')).to.equal('unassigned');
      expect(params.get('host')).to.equal('kept');
      app.remove();
    } finally {
      history.replaceState(null, '', before);
      store.destroy();
    }
  });

  it('uses the store of an <inbox-provider> around it', async () => {
    const store = storyStore();
    const root = await fixture(html`<inbox-provider .store=${store}><inbox-app style="height:600px"></inbox-app></inbox-provider>`);
    const app = root.querySelector('inbox-app')!;
    await store.ready;
    await frames(2);
    expect(app.activeStore).to.equal(store);
    await until(() => rowsOf(listOf(app)).length > 0, 'rows');
    store.destroy();
  });

  it('works with no JavaScript: <inbox-app demo user> builds its own demo store', async () => {
    const app = await fixture<InboxApp>(html`<inbox-app demo user="u-tom" conversations="300" style="height:600px"></inbox-app>`);
    await until(() => app.activeStore !== undefined, 'store');
    await app.activeStore!.ready;
    expect(app.activeStore!.userId).to.equal('u-tom');
    await until(() => rowsOf(listOf(app)).length > 0, 'rows');
  });

  describe('in a host page', () => {
    const hosts: HTMLElement[] = [];
    const host = (markup: string): HTMLElement => {
      const div = document.createElement('div');
      div.innerHTML = markup;
      document.body.append(div);
      hosts.push(div);
      return div;
    };
    afterEach(() => {
      for (const div of hosts.splice(0)) div.remove();
      window.scrollTo(0, 0);
    });
    const ready = async (app: InboxApp) => {
      await until(() => app.activeStore !== undefined, 'store');
      await app.activeStore!.ready;
      await until(() => rowsOf(listOf(app)).length > 0, 'rows');
      await frames(2);
    };

    it('with no height given, stays within the viewport instead of growing the page', async () => {
      const div = host('<inbox-app demo conversations="300"></inbox-app>');
      const app = div.querySelector<InboxApp>('inbox-app')!;
      await ready(app);
      const box = app.getBoundingClientRect();
      expect(box.height).to.be.above(200);
      expect(box.height).to.be.at.most(window.innerHeight + 0.5);
      // The list scrolls inside the app; the app does not push the page past its own height.
      expect(div.getBoundingClientRect().height).to.be.at.most(window.innerHeight + 0.5);
    });

    it('fills a sized parent, and a flex parent beside a header of the host', async () => {
      const sized = host('<div style="height: 420px"><inbox-app demo conversations="300"></inbox-app></div>');
      const flex = host(
        '<div style="display: flex; flex-direction: column; height: 500px"><header style="height: 60px">Host</header><inbox-app demo conversations="300" style="flex: 1"></inbox-app></div>',
      );
      const [a, b] = [sized, flex].map((div) => div.querySelector<InboxApp>('inbox-app')!);
      await ready(a!);
      await ready(b!);
      expect(a!.getBoundingClientRect().height).to.be.closeTo(420, 0.5);
      expect(b!.getBoundingClientRect().height).to.be.closeTo(440, 0.5);
    });

    it('opens the shortcut help and the palette over its own inbox only: the neighbour and the page stay usable', async () => {
      const div = host(
        '<div style="display: flex; gap: 8px; height: 560px"><inbox-app demo conversations="300" style="flex: 1"></inbox-app><inbox-app demo conversations="300" style="flex: 1"></inbox-app></div>',
      );
      const [left, right] = [...div.querySelectorAll<InboxApp>('inbox-app')];
      await ready(left!);
      await ready(right!);
      listbox(listOf(left!)).focus();
      for (const open of [{ press: '?' }, { down: 'Control' }] as const) {
        await sendKeys(open);
        if ('down' in open) {
          await sendKeys({ press: 'k' });
          await sendKeys({ up: 'Control' });
        }
        await frames(2);
        const dialog = [...left!.shadowRoot!.querySelectorAll('shortcut-help, command-palette')]
          .map((el) => el.shadowRoot!.querySelector('dialog')!)
          .find((d) => d.open)!;
        expect(dialog, 'a dialog is open').to.exist;
        const inside = left!.getBoundingClientRect();
        const drawn = dialog.getBoundingClientRect();
        expect(drawn.left).to.be.at.least(inside.left - 0.5);
        expect(drawn.right).to.be.at.most(inside.right + 0.5);
        expect(drawn.bottom).to.be.at.most(inside.bottom + 0.5);
        // Modal within its inbox: the rest of the left app is inert, the right one and the page are not.
        expect(left!.shadowRoot!.querySelector('.app')!.hasAttribute('inert')).to.equal(true);
        expect(right!.shadowRoot!.querySelector('.app')!.hasAttribute('inert')).to.equal(false);
        const target = listbox(listOf(right!)).getBoundingClientRect();
        expect(right!.contains(document.elementFromPoint(target.left + 20, target.top + 20))).to.equal(true);
        // Tab cycles inside the dialog.
        for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
        expect(dialog.contains(deepActive())).to.equal(true);
        await sendKeys({ press: 'Escape' });
        await frames(2);
        expect(dialog.open).to.equal(false);
        expect(left!.shadowRoot!.querySelector('.app')!.hasAttribute('inert')).to.equal(false);
        expect(deepActive(), 'the focus is back on the list').to.equal(listbox(listOf(left!)));
      }
    });
  });

  for (const [name, story] of Object.entries(stories).filter(([name]) => name !== 'default')) {
    it(`story ${name} is accessible`, async () => {
      const root = await renderStory(stories.default, story as never);
      const app = root.querySelector('inbox-app')!;
      await frames(4);
      await expect(app).to.be.accessible({ ignoredRules: ['region'] });
    });
  }
});
