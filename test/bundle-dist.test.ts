import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';

/**
 * The built script-tag bundle, as a page without a bundler uses it: one
 * module (dist/inbox-elements.bundle.js) and its chunks beside it. The other
 * tests run the sources; this one checks what the build makes of them: the
 * chunks load on demand from the right place (the transport, the protocol's
 * schemas, the conversation's elements, a locale), the short message ids
 * still find their translations, and `<inbox-app demo>` works from one tag.
 * web-test-runner.config.mjs builds the bundle first when it is stale.
 */
interface Bundle {
  setLocale(locale: 'en' | 'fr' | 'es'): Promise<void>;
}

async function until<T>(get: () => T | null | undefined | false, what: string, timeout = 15_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = get();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const chunkLoaded = (name: string) =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes(`/dist/bundle-chunks/${name}-`));

describe('the built script-tag bundle (dist/inbox-elements.bundle.js)', function () {
  this.timeout(90_000);

  it('shows the demo inbox from one tag, opens a conversation with a click and switches to French, loading each chunk on demand', async () => {
    const url = '/dist/inbox-elements.bundle.js';
    const bundle = (await import(/* @vite-ignore */ url)) as Bundle;
    expect(customElements.get('inbox-app'), 'registered by the bundle').to.exist;
    expect(chunkLoaded('protocol'), 'nothing asked for the schemas yet').to.equal(false);
    expect(chunkLoaded('conversation-chunk')).to.equal(false);

    const app = document.createElement('inbox-app');
    app.setAttribute('demo', '');
    app.setAttribute('user', 'u-ana');
    app.setAttribute('conversations', '300');
    app.style.cssText = 'display: block; inline-size: 1200px; block-size: 700px;';
    document.body.append(app);

    const list = await until(() => app.shadowRoot?.querySelector('inbox-list'), '<inbox-list>');
    const row = await until(() => list.shadowRoot?.querySelector<HTMLElement>('[role=option]'), 'a row');
    expect(chunkLoaded('memory-chunk')).to.equal(true);
    expect(chunkLoaded('protocol'), 'the store checks messages with the schemas').to.equal(true);
    const name = row.querySelector('[part~=name]')?.textContent.trim();
    expect(name).to.be.a('string').and.not.equal('');

    const box = row.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    const view = await until(() => app.shadowRoot?.querySelector('conversation-view'), '<conversation-view>');
    const timeline = await until(() => view.shadowRoot?.querySelector('conversation-timeline'), 'the timeline');
    await until(() => timeline.shadowRoot?.querySelector('article'), 'a timeline item');
    expect(chunkLoaded('conversation-chunk')).to.equal(true);
    expect(view.shadowRoot!.textContent).to.include(name!);

    // The pickers load the first time one opens: S on the open conversation.
    expect(chunkLoaded('pickers-chunk'), 'no picker asked for yet').to.equal(false);
    await sendKeys({ press: 's' });
    // The list has the focus after the click: its picker, for its row.
    type Picker = HTMLElement & { open: boolean };
    const snooze = await until(() => list.shadowRoot?.querySelector<Picker>('snooze-picker') ?? view.shadowRoot?.querySelector<Picker>('snooze-picker[open]'), '<snooze-picker>');
    const options = await until(() => snooze.open && snooze.shadowRoot?.querySelectorAll('[role=option]'), 'the snooze options');
    expect(options.length).to.be.greaterThan(2);
    expect(chunkLoaded('pickers-chunk')).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !snooze.open, 'the picker closed');

    // The filters' panel loads with the dialogs' chunk the first time it opens.
    const filters = app.shadowRoot!.querySelector('inbox-filters')!;
    const toggle = filters.shadowRoot!.querySelector<HTMLElement>('[part~=filters-toggle]')!;
    toggle.scrollIntoView({ block: 'center' }); // the test page scrolls, a host page would not
    const at = toggle.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(at.x + at.width / 2), Math.round(at.y + at.height / 2)] });
    const sort = await until(() => filters.shadowRoot!.querySelector<HTMLSelectElement>('[part~=panel] select[part~=sort]'), 'the sort select');
    expect(sort.options.length).to.equal(4);
    expect(chunkLoaded('overlays-chunk')).to.equal(true);
    await sendKeys({ press: 'Escape' });

    await bundle.setLocale('fr');
    expect(chunkLoaded('fr')).to.equal(true);
    const tabs = () => [...list.shadowRoot!.querySelectorAll('.tablist--status [role=tab]')].map((tab) => tab.textContent.trim());
    await until(() => tabs().some((tab) => tab.startsWith('Ouvertes')), `French tabs (${tabs().join(', ')})`);
    await bundle.setLocale('en');
    await until(() => tabs().some((tab) => tab.startsWith('Open')), 'English tabs again');
  });
});

/**
 * Pages as hosts write them, in iframes of their own (a realm each, so the
 * bundle registers its tags afresh): the script tag in <head> before the
 * markup, at the end of <body>, the element inserted later by script, and
 * the element inside a host's own shadow root. In each, a real click opens
 * a conversation with its timeline and reply box: the conversation's chunk
 * must load whatever the order.
 */
describe('the script-tag bundle in host pages', function () {
  this.timeout(120_000);
  const SCRIPT = '<script type="module" src="/dist/inbox-elements.bundle.js"></script>';
  const APP = '<inbox-app demo user="u-ana" conversations="300"></inbox-app>';
  const pages: Record<string, string> = {
    'the script in <head>, the element in the markup': `<head>${SCRIPT}</head><body style="margin:0">${APP}</body>`,
    'the script at the end of <body>': `<head></head><body style="margin:0">${APP}${SCRIPT}</body>`,
    'the script with async': `<head>${SCRIPT.replace('<script', '<script async')}</head><body style="margin:0">${APP}</body>`,
    'the element inserted later by script': `<head>${SCRIPT}</head><body style="margin:0"><script type="module">
        setTimeout(() => document.body.insertAdjacentHTML('beforeend', '${APP}'), 300);
      </script></body>`,
    "the element inside the host's own shadow root": `<head>${SCRIPT}</head><body style="margin:0"><host-panel></host-panel><script type="module">
        customElements.define('host-panel', class extends HTMLElement {
          connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '${APP}'; }
        });
      </script></body>`,
  };
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  const appIn = (frame: HTMLIFrameElement): HTMLElement | null => {
    const doc = frame.contentDocument;
    return doc?.querySelector('inbox-app') ?? doc?.querySelector('host-panel')?.shadowRoot?.querySelector('inbox-app') ?? null;
  };

  async function openConversation(markup: string): Promise<{ frame: HTMLIFrameElement; app: HTMLElement }> {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position: fixed; top: 0; left: 0; width: 1200px; height: 700px; border: 0; z-index: 10;';
    frame.srcdoc = `<!doctype html><html>${markup}</html>`;
    document.body.append(frame);
    frames.push(frame);
    const app = await until(() => appIn(frame), '<inbox-app>');
    const list = await until(() => app.shadowRoot?.querySelector('inbox-list'), '<inbox-list>');
    const row = await until(() => list.shadowRoot?.querySelector<HTMLElement>('[role=option]'), 'a row');
    const at = row.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(at.x + at.width / 2), Math.round(at.y + at.height / 2)] });
    // The conversation's chunk loads in well under a second here; fail fast rather than time the file out.
    const view = await until(() => app.shadowRoot?.querySelector('conversation-view'), '<conversation-view>');
    const timeline = await until(() => view.shadowRoot?.querySelector('conversation-timeline'), 'the timeline', 6000);
    await until(() => timeline.shadowRoot?.querySelector('article'), 'a timeline item', 6000);
    const composer = await until(() => view.shadowRoot?.querySelector('message-composer'), 'the composer', 6000);
    await until(() => composer.shadowRoot?.querySelector('textarea'), 'the reply box', 6000);
    return { frame, app };
  }

  for (const [name, markup] of Object.entries(pages)) {
    it(`${name}: a click opens a conversation with its timeline and reply box`, async () => {
      await openConversation(markup);
    });
  }

  it('draws every icon with the same shape tree as the sources (none lost or nested by the build)', async () => {
    // Every icon is one of Lucide's: a shape lost or nested by the build matches none of them.
    const lucide = await import('lucide');
    type Node = readonly (readonly [string, Readonly<Record<string, string | number | undefined>>])[];
    const signature = (node: Node) => node.map(([tag, attrs]) => `<${tag} ${Object.entries(attrs).map(([k, v]) => `${k}="${String(v)}"`).sort().join(' ')}>`).join('');
    const nodes = (Object.values(lucide) as unknown[]).filter((value): value is Node => Array.isArray(value) && Array.isArray(value[0]));
    const expected = new Set(nodes.map((node) => signature(node)));
    const { app } = await openConversation(pages['the script in <head>, the element in the markup']!);
    const svgs: SVGSVGElement[] = [];
    const walk = (root: Document | ShadowRoot | Element) => {
      for (const el of root.querySelectorAll('*')) {
        if (el instanceof (app.ownerDocument.defaultView as typeof window).SVGSVGElement) svgs.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(app.shadowRoot!);
    expect(svgs.length).to.be.above(5);
    const drawn = new Set<string>();
    for (const svg of svgs) {
      const group = svg.querySelector('g');
      expect(group, svg.outerHTML).to.exist;
      const shapes = [...group!.children];
      for (const shape of shapes) expect(shape.children.length, `a shape nested in ${shape.outerHTML}`).to.equal(0);
      const got = signature(shapes.map((s) => [s.localName, Object.fromEntries([...s.attributes].map((a) => [a.name, a.value]))] as const));
      expect(expected.has(got), `an icon of the sources: ${svg.outerHTML}`).to.equal(true);
      drawn.add(got);
    }
    expect(drawn.size, 'several different icons drawn').to.be.at.least(3);
  });
});
