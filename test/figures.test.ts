import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/define.js';
import { setLocale, type Locale } from '../src/i18n/localization.js';
import type { InboxApp } from '../src/elements/inbox-app/inbox-app.js';
import type { InboxStore } from '../src/store/inbox-store.js';
import { MemoryTransport } from '../src/transport/memory/memory-transport.js';
import { InboxStore as Store } from '../src/store/inbox-store.js';
import { storyStore } from '../stories/demo-stores.js';
import { deepActive, deepElements, deepQuery, fitsOnOneLine, isShown, lightSlabs, textContrasts } from './figures.testing.js';

/**
 * Issue 11's figures, held in Chromium the way a person meets the inbox: a
 * page that gives `<inbox-app>` the whole viewport at 380×800 (a CRM
 * sidebar), 900×800, 1280×720 and 1440×900, in English, French and Spanish,
 * light and dark.
 */
const SIZES = [
  [380, 800],
  [900, 800],
  [1280, 720],
  [1440, 900],
] as const;
const LANGS: readonly Locale[] = ['en', 'fr', 'es'];
const THEMES = ['light', 'dark'] as const;
const PAGE = { light: [255, 255, 255], dark: [13, 17, 23] } as const;

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

async function until(check: () => boolean, what: string, timeout = 8000): Promise<void> {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let mounted: { app: InboxApp; store: InboxStore } | null = null;

/** `<inbox-app>` as a host page gives it: in the body, no height given (the viewport's), the page's colour scheme. */
async function mount(width: number, height: number, theme: 'light' | 'dark', store: InboxStore = storyStore({ userId: 'u-ana' })) {
  await setViewport({ width, height });
  document.documentElement.style.colorScheme = theme;
  document.body.style.cssText = `margin: 0; background: rgb(${PAGE[theme].join(' ')})`;
  const app = document.createElement('inbox-app');
  app.store = store;
  document.body.append(app);
  await store.ready;
  await until(() => rowsOf(app).length > 0, 'rows');
  await frames(3);
  mounted = { app, store };
  return mounted;
}

const listOf = (app: InboxApp) => app.shadowRoot!.querySelector('inbox-list')!;
const rowsOf = (app: InboxApp) => [...(listOf(app).shadowRoot?.querySelectorAll<HTMLElement>('[role=option]') ?? [])];
const part = (app: InboxApp, selector: string) => app.shadowRoot!.querySelector<HTMLElement>(selector)!;

/** The open conversation's timeline, once it shows its items. */
const timelineShown = (view: HTMLElement) => (deepQuery(view.shadowRoot!, 'conversation-timeline')?.shadowRoot?.querySelector('article') ?? null) !== null;

async function openFirst(app: InboxApp, store: InboxStore): Promise<HTMLElement> {
  store.openConversation(store.selectors.list(store.state)[0]!.id);
  const view = part(app, 'conversation-view');
  await until(() => timelineShown(view), 'the timeline');
  await frames(3);
  return view;
}

describe('issue 11: the inbox at every width, language and theme', function () {
  this.timeout(60_000);

  afterEach(async () => {
    mounted?.app.remove();
    mounted?.store.destroy();
    mounted = null;
    await setLocale('en');
    await setViewport({ width: 800, height: 600 });
    document.documentElement.style.colorScheme = '';
    document.body.style.cssText = '';
  });

  for (const [width, height] of SIZES) {
    for (const lang of LANGS) {
      for (const theme of THEMES) {
        it(`${width}×${height} ${lang} ${theme}: one line of bar, nothing overflows, no label cut or wrapped${width === 380 ? ', 8 rows in sight' : ''}`, async () => {
          await setLocale(lang);
          const { app, store } = await mount(width, height, theme);
          const box = app.getBoundingClientRect();
          expect(box.width).to.equal(width);
          expect(box.height).to.equal(height);

          // The page does not scroll, either way.
          const page = document.scrollingElement!;
          expect(page.scrollWidth, 'page scrolls sideways').to.be.at.most(width);
          expect(page.scrollHeight, 'page scrolls down').to.be.at.most(height);

          // The bar above the list: one line, at most a quarter of the height.
          const bar = part(app, '[part=header]');
          const barBox = bar.getBoundingClientRect();
          expect(barBox.height).to.be.at.most(Math.min(56, height * 0.25));
          for (const child of [...bar.children]) {
            const r = child.getBoundingClientRect();
            expect(r.top, `${child.localName} on the bar's line`).to.be.at.least(barBox.top - 1);
            expect(r.bottom, `${child.localName} on the bar's line`).to.be.at.most(barBox.bottom + 1);
          }
          // Its search box keeps room for its placeholder.
          const search = deepQuery(bar, '[part=search]') as HTMLInputElement;
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = getComputedStyle(search).font;
          const style = getComputedStyle(search);
          const room = search.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          expect(room, `room for "${search.placeholder}"`).to.be.at.least(ctx.measureText(search.placeholder).width);

          // No pane scrolls sideways.
          for (const el of [app.shadowRoot!.querySelector('.app')!, bar, ...deepElements(app.shadowRoot!)]) {
            if (!(el instanceof HTMLElement) || !isShown(el) || el.closest('[role=option]')) continue;
            if (['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) {
              expect(el.scrollWidth, `${el.localName}.${el.className} scrolls sideways`).to.be.at.most(el.clientWidth + 1);
            }
          }

          // Labels show whole: the view's name, the tabs, the buttons with words.
          const labels = [
            deepQuery(bar, '.view-name'),
            ...[...deepElements(listOf(app).shadowRoot!)].filter((el) => el.getAttribute('role') === 'tab'),
            ...[...deepElements(app.shadowRoot!)].filter((el) => el.localName === 'button' && el.textContent.trim() !== '' && !el.closest('[role=option]')),
          ].filter((el): el is HTMLElement => el instanceof HTMLElement && isShown(el));
          for (const label of labels) expect(fitsOnOneLine(label), `"${label.textContent.trim()}" whole on one line`).to.equal(true);

          if (width === 380) {
            const list = listOf(app).shadowRoot!.querySelector('[role=listbox]')!.getBoundingClientRect();
            const whole = rowsOf(app).filter((row) => {
              const r = row.getBoundingClientRect();
              return r.top >= list.top - 0.5 && r.bottom <= list.bottom + 0.5;
            });
            expect(whole.length, 'rows fully in sight').to.be.at.least(8);
          }

          if (theme === 'dark') {
            const low = textContrasts(app.shadowRoot!, PAGE.dark).filter((s) => s.ratio < 4.5);
            expect(low.map((s) => `${s.where} "${s.text}" ${s.ratio.toFixed(2)}`), 'text under 4.5:1').to.deep.equal([]);
            expect(lightSlabs(app.shadowRoot!), 'light slabs').to.deep.equal([]);
          }
          store;
        });
      }
    }
  }

  it('1280×720, a conversation open: the timeline has at least 45% of the height', async () => {
    const { app, store } = await mount(1280, 720, 'light');
    const view = await openFirst(app, store);
    const timeline = deepQuery(view.shadowRoot!, 'conversation-timeline')!;
    expect(timeline.getBoundingClientRect().height).to.be.at.least(720 * 0.45);
  });

  it('1440×900, a conversation open with its contact: the conversation column has at least 40% of the width', async () => {
    const { app, store } = await mount(1440, 900, 'light');
    const view = await openFirst(app, store);
    await until(() => isShown(part(app, '.contact-pane')), 'the contact pane');
    expect(view.getBoundingClientRect().width).to.be.at.least(1440 * 0.4);
  });

  for (const theme of THEMES) {
    it(`${theme}: an HTML e-mail open keeps body text at 4.5:1 and no light slab`, async () => {
      const { app, store } = await mount(1280, 720, theme);
      const email = [...store.state.model.channels.values()].find((c) => c.kind === 'email')!;
      const target = [...store.state.model.conversations.values()].find((c) => c.channelId === email.id && c.trashedAt === null)!;
      store.setView('all');
      store.openConversation(target.id);
      const view = part(app, 'conversation-view');
      await until(() => timelineShown(view), 'the timeline');
      await frames(6);
      const low = textContrasts(app.shadowRoot!, PAGE[theme]).filter((s) => s.ratio < 4.5);
      expect(low.map((s) => `${s.where} "${s.text}" ${s.ratio.toFixed(2)}`)).to.deep.equal([]);
      if (theme === 'dark') expect(lightSlabs(app.shadowRoot!)).to.deep.equal([]);
    });
  }

  for (const [width, height] of SIZES) {
    it(`${width}×${height}: at most 5 Tab presses from the inbox's first control to the list`, async () => {
      const { app } = await mount(width, height, 'light');
      const first = [...deepElements(app.shadowRoot!)].find(
        (el): el is HTMLElement => el instanceof HTMLElement && el.tabIndex >= 0 && isShown(el) && !el.closest('[inert]') && !(el as HTMLButtonElement).disabled,
      )!;
      first.focus();
      const listbox = listOf(app).shadowRoot!.querySelector('[role=listbox]');
      let presses = 0;
      const path: string[] = [];
      while (deepActive() !== listbox && presses < 12) {
        await sendKeys({ press: 'Tab' });
        presses++;
        const at = deepActive();
        path.push(at ? `${at.localName}${at.getAttribute('part') ? `[${at.getAttribute('part')}]` : ''}` : '?');
      }
      expect(deepActive() === listbox, `the list reached; Tab path: ${path.join(' → ')}`).to.equal(true);
      expect(presses, `Tab path: ${path.join(' → ')}`).to.be.at.most(5);
    });
  }

  it('a minute of live traffic with no input: layout shifts (CLS) at most 0.05, the views and the rows stay put when calls ring', async function () {
    this.timeout(120_000);
    const transport = new MemoryTransport({ demo: true, conversations: 600, traffic: 3 });
    const store = new Store({ transport, userId: 'u-ana' });
    const { app } = await mount(1440, 900, 'light', store);
    const view = () => deepQuery(part(app, 'inbox-sidebar').shadowRoot!, '[aria-current]')!.getBoundingClientRect().top;
    const firstRowTop = () => listOf(app).shadowRoot!.querySelector('[role=listbox]')!.getBoundingClientRect().top;
    const before = [view(), firstRowTop()];
    let cls = 0;
    const shifts: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue;
        cls += entry.value;
        shifts.push(`${entry.value.toFixed(4)} ${(entry.sources ?? []).map((s) => (s.node as Element | undefined)?.localName ?? '?').join(',')}`);
      }
    });
    observer.observe({ type: 'layout-shift', buffered: false });
    let rang = 0;
    const calls = part(app, 'incoming-calls');
    const end = performance.now() + 60_000;
    while (performance.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (calls.matches(':state(ringing)')) rang++;
      expect([view(), firstRowTop()], 'the views and the list stay put').to.deep.equal(before);
    }
    observer.disconnect();
    expect(rang, 'calls rang during the minute').to.be.above(0);
    expect(cls, `layout shifts: ${shifts.join(' | ')}`).to.be.at.most(0.05);
  });

  // Issue 11: 100 ms at the 98th percentile. Measured where an agent waits: from the key's event to
  // the next frame on screen (Event Timing), the production bundle, CPU slowed 4×. The browser's window
  // is made larger than the page for it (window:size): headless Chromium's own window is smaller than
  // 1280×720, and it does not draw a frame whose only change lies outside it, so a key would wait for
  // a later frame that the agent, whose window is the page, never waits for.
  it('J, E, Z, Enter, Escape and typing in the search are handled within 100 ms at the 98th percentile, CPU slowed 4× (the script-tag bundle, in a page of its own)', async function () {
    this.timeout(120_000);
    // What a host's agents run: the production bundle (not the sources with Lit's dev mode), the
    // demo's 2,000 conversations, in a page of its own (an iframe: the bundle registers its tags afresh).
    const window0 = await executeServerCommand<{ width: number; height: number }, { width: number; height: number }>('window:size', { width: 1600, height: 1000 });
    await setViewport({ width: 1280, height: 720 });
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position: fixed; inset: 0; width: 1280px; height: 720px; border: 0; z-index: 10; background: white';
    frame.srcdoc = `<!doctype html><html><head><script type="module" src="/dist/inbox-elements.bundle.js"></script></head>
      <body style="margin: 0"><inbox-app demo user="u-ana" conversations="2000"></inbox-app></body></html>`;
    document.body.append(frame);
    try {
      const doc = () => frame.contentDocument;
      const app = () => doc()?.querySelector('inbox-app') ?? null;
      const list = () => app()?.shadowRoot?.querySelector('inbox-list') ?? null;
      await until(() => (list()?.shadowRoot?.querySelectorAll('[role=option]').length ?? 0) > 5, 'the rows', 30_000);
      await until(() => frame.contentWindow!.customElements.get('conversation-view') !== undefined, 'the conversation chunk', 30_000);
      await frames(3);
      const win = frame.contentWindow as Window & typeof globalThis;
      const byInteraction = new Map<number, number>();
      const observer = new win.PerformanceObserver((entries) => {
        for (const entry of entries.getEntries() as (PerformanceEntry & { interactionId?: number })[]) {
          const id = entry.interactionId ?? 0;
          if (id === 0) continue;
          byInteraction.set(id, Math.max(byInteraction.get(id) ?? 0, entry.duration));
        }
      });
      observer.observe({ type: 'event', buffered: false, durationThreshold: 16 } as PerformanceObserverInit);
      await executeServerCommand('cpu:throttle', { rate: 4 });
      // Enough interactions for a 98th percentile that is not simply the slowest one (web.dev's INP
      // likewise leaves out the slowest interaction of every 50).
      const ROUNDS = 16;
      try {
        list()!.focus();
        const keys: string[] = [];
        for (let round = 0; round < ROUNDS; round++) keys.push('j', 'j', 'e', 'z', 'Enter', 'Escape');
        for (const key of keys) {
          await sendKeys({ press: key });
          await frames(2);
        }
        (app()!.shadowRoot!.querySelector('inbox-filters') as HTMLElement & { focusSearch(): void }).focusSearch();
        await sendKeys({ type: 'refund' });
        await frames(4);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      } finally {
        await executeServerCommand('cpu:throttle', { rate: 1 });
        observer.disconnect();
      }
      const durations = [...byInteraction.values()];
      expect(durations.length, 'the interactions were observed').to.be.above(10);
      // Interactions faster than 16 ms are not reported: they count as 16 ms or less.
      const count = ROUNDS * 6 + 'refund'.length;
      const all = [...durations, ...Array.from({ length: Math.max(0, count - durations.length) }, () => 16)].sort((a, b) => a - b);
      const p98 = all[Math.min(all.length - 1, Math.ceil(all.length * 0.98) - 1)]!;
      console.log(`INP figure: p98 ${Math.round(p98)} ms over ${count} interactions at 4× CPU (durations: ${durations.map((d) => Math.round(d)).join(', ')})`);
      expect(p98, `interaction durations (ms): ${durations.map((d) => Math.round(d)).join(', ')}`).to.be.at.most(100);
    } finally {
      frame.remove();
      await executeServerCommand('window:size', window0);
    }
  });
});
