import { expect } from '@open-wc/testing';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';

/**
 * The built script-tag bundle, as a page without a bundler uses it: one
 * module (dist/inbox-elements.bundle.js) and its chunks beside it. The other
 * tests run the sources; this one checks what the build makes of them: the
 * chunks load on demand from the right place (the transport, the protocol's
 * schemas, the conversation's elements, a locale), the short message ids
 * still find their translations, and `<inbox-app demo>` works from one tag.
 * test/bundle-plugin.mjs builds the bundle first when it is stale.
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

  before(async () => {
    await executeServerCommand('bundle:ensure');
  });

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

    await bundle.setLocale('fr');
    expect(chunkLoaded('fr')).to.equal(true);
    const tabs = () => [...list.shadowRoot!.querySelectorAll('.tablist--status [role=tab]')].map((tab) => tab.textContent.trim());
    await until(() => tabs().some((tab) => tab.startsWith('Ouvertes')), `French tabs (${tabs().join(', ')})`);
    await bundle.setLocale('en');
    await until(() => tabs().some((tab) => tab.startsWith('Open')), 'English tabs again');
  });
});
