import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/define.js';

/**
 * The Custom Elements Manifest (custom-elements.json, which `npm test` makes
 * before the tests run) feeds Storybook's docs and IDEs. Elements register
 * through defineOnce() in the define files, which the analyzer learns of
 * through a plugin (custom-elements-manifest.config.mjs); when that broke,
 * every element silently lost its tag name there.
 */
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  events?: { name?: string; type?: { text: string } }[];
  cssProperties?: { name: string; description?: string }[];
}

interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/** What test/element-sources.mjs works out from the sources, per registered tag. */
type SourceEvents = Record<
  string,
  { className: string; sources: string[]; children: string[]; events: Record<string, { type: string; from: string | null }[]> }
>;

async function manifestByTag(): Promise<Map<string, Declaration>> {
  const response = await fetch('/custom-elements.json');
  expect(response.ok, 'run `npm run analyze` first').to.equal(true);
  const manifest = (await response.json()) as Manifest;
  return new Map(
    manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]),
  );
}

describe('custom-elements.json', () => {
  it('names every registered tag, with its class and attributes', async () => {
    const byTag = await manifestByTag();
    const tags = [
      'inbox-provider', 'inbox-app', 'inbox-sidebar', 'inbox-list', 'inbox-filters', 'status-badge',
      'availability-toggle', 'shortcut-help', 'command-palette', 'bulk-bar', 'undo-toast', 'snooze-picker',
      'label-picker', 'priority-picker', 'assignee-picker', 'conversation-view', 'conversation-timeline',
      'message-composer', 'contact-panel', 'incoming-calls', 'call-card',
    ];
    for (const tag of tags) {
      const element = customElements.get(tag);
      expect(element, tag).to.exist;
      const declared = byTag.get(tag);
      expect(declared, `${tag} in the manifest`).to.exist;
      expect(declared!.name).to.equal(element!.name);
      // Every attribute the element observes is documented.
      const observed = (element as unknown as { observedAttributes: string[] }).observedAttributes;
      const documented = (declared!.attributes ?? []).map((a) => a.name);
      for (const attribute of observed) expect(documented, `${tag}[${attribute}]`).to.include(attribute);
    }
  });

  /*
   * Wrappers, JSX and Vue types and the docs take their events from the
   * manifest, so it must list, for every element, exactly the events a
   * listener on it hears, each with its name and its class. What that is
   * comes from the sources (test/element-sources.mjs): what the element's
   * own modules, helpers and base classes dispatch (`new SomeEvent(...)`,
   * resolved to its `static eventName`; `new Event('name')`), and the
   * composed events of the elements it renders in its shadow root.
   */
  it('lists exactly the events each element fires, with their names and types', async () => {
    const byTag = await manifestByTag();
    const fromSources = await executeServerCommand<SourceEvents, undefined>('manifest:element-events');
    expect(fromSources, 'the manifest:element-events command').to.be.an('object');
    const tags = Object.keys(fromSources);
    // The scan found the registrations, and each is the class the browser registered.
    expect(tags.length).to.be.greaterThan(20);
    for (const tag of tags) expect(customElements.get(tag)?.name, tag).to.equal(fromSources[tag]!.className);
    // ...and it sees what it should (so an empty scan cannot pass).
    expect(fromSources['inbox-provider']!.events['store-change']?.map((e) => e.type)).to.deep.equal(['StoreChangeEvent']);
    expect(fromSources['inbox-app']!.events['store-change']?.map((e) => e.type)).to.deep.equal(['StoreChangeEvent']);
    expect(fromSources['snooze-picker']!.sources).to.include('src/elements/picker-base.ts');

    const problems: string[] = [];
    for (const tag of tags) {
      const expected = fromSources[tag]!.events;
      const listed = new Map<string, Set<string>>();
      for (const event of byTag.get(tag)?.events ?? []) {
        const types = (event.type?.text ?? '').split('|').map((t) => t.trim()).filter(Boolean);
        listed.set(event.name ?? '', new Set(types));
      }
      for (const [name, sources] of Object.entries(expected)) {
        const types = new Set(sources.map((s) => s.type));
        const has = listed.get(name);
        const how = sources.map((s) => `${s.type}${s.from ? ` from <${s.from}>` : ''}`).join(', ');
        if (!has) {
          problems.push(`<${tag}> fires '${name}' (${how}) but the manifest does not list it: add \`@fires ${name} - {${[...types].join(' | ')}} ...\``);
        } else if ([...types].sort().join('|') !== [...has].sort().join('|')) {
          problems.push(`<${tag}> '${name}' is typed ${[...has].join(' | ') || 'nothing'} in the manifest; the sources fire ${how}`);
        }
      }
      for (const name of listed.keys()) {
        if (!(name in expected)) problems.push(`<${tag}> lists '${name}' in the manifest, which it never fires`);
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  /*
   * The README's theming reference lists each element's `@cssprop` tags:
   * every `--inbox-*` property its styles read (`var(--inbox-...)`) must be a
   * global token or documented on it, and every one documented must be read.
   */
  it('documents exactly the custom properties each element reads, besides the global tokens', async () => {
    const byTag = await manifestByTag();
    const { tokens, elements } = await executeServerCommand<{ tokens: string[]; elements: Record<string, string[]> }, undefined>(
      'manifest:custom-properties',
    );
    expect(tokens).to.include('--inbox-color-accent');
    expect(elements['inbox-list']).to.include('--inbox-list-row-height');
    const problems: string[] = [];
    for (const [tag, read] of Object.entries(elements)) {
      const own = read.filter((name) => !tokens.includes(name));
      const documented = (byTag.get(tag)?.cssProperties ?? []).map((p) => p.name);
      for (const name of own) if (!documented.includes(name)) problems.push(`<${tag}> reads ${name}: add \`@cssprop ${name} - ...\``);
      for (const name of documented) {
        if (!own.includes(name)) problems.push(`<${tag}> documents ${name}, which its styles never read`);
        if (tokens.includes(name)) problems.push(`<${tag}> documents the global token ${name} as its own`);
      }
      for (const p of byTag.get(tag)?.cssProperties ?? []) if (!p.description) problems.push(`<${tag}> ${p.name}: say what it is for`);
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it("keeps the README's theming section current (npm run docs:theming)", async () => {
    const current = await executeServerCommand<boolean, undefined>('manifest:theming-current');
    expect(current, 'README.md: the theming section is stale: run `npm run docs:theming`').to.equal(true);
  });
});
