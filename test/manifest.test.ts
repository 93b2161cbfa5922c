import { expect } from '@open-wc/testing';
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
}

describe('custom-elements.json', () => {
  it('names every registered tag, with its class and attributes', async () => {
    const response = await fetch('/custom-elements.json');
    expect(response.ok, 'run `npm run analyze` first').to.equal(true);
    const manifest = (await response.json()) as { modules: { declarations?: Declaration[] }[] };
    const byTag = new Map(
      manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]),
    );
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
});
