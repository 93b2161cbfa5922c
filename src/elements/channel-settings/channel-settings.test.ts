import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { ChannelSettings } from './channel-settings.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { MemoryTransport } from '../../transport/memory/memory-transport.js';
import { InboxStore as Store } from '../../store/inbox-store.js';
import meta, * as stories from '../../../stories/channel-settings.stories.js';
import { demoBackend, ROLE_USERS } from '../../../stories/demo-stores.js';
import { deepActive, ready, renderStory } from '../../../test/navigation-fixtures.js';
import { fixture, html } from '@open-wc/testing';

type Settings = ChannelSettings & { store?: InboxStore | undefined };

const shadow = (el: Element) => el.shadowRoot!;
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[part=row]')];
const field = (el: Element, i = 0) => rows(el)[i]!.querySelector<HTMLInputElement>('[part=name-input]')!;
const save = (el: Element, i = 0) => rows(el)[i]!.querySelector<HTMLButtonElement>('[part=save]')!;
const text = (node: Element | null | undefined) => (node as HTMLElement | null | undefined)?.innerText.replace(/\s+/g, ' ').trim() ?? '';
const channelName = (store: InboxStore, i = 0) => [...store.state.model.channels.values()][i]!.name;

async function settings(story: stories.Story = stories.Owner): Promise<Settings> {
  const root = await renderStory(meta, story);
  return ready(root, 'channel-settings');
}

/** Selects everything in the focused field, as Ctrl+A does. */
async function selectAll(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
}

/** Focuses the field by Tab from a button before the element, as a person would. */
async function tabInto(el: Settings): Promise<void> {
  const before = document.createElement('button');
  before.textContent = 'before';
  el.before(before);
  before.focus();
  await sendKeys({ press: 'Tab' });
  before.remove();
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('<channel-settings>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('channel-settings')).to.equal(ChannelSettings);
  });

  it('R30: lists every channel with its name in a labelled field for an owner', async () => {
    const el = await settings();
    const store = el.store!;
    expect(rows(el)).to.have.length(store.state.model.channels.size);
    expect(field(el).value).to.equal(channelName(store));
    const label = shadow(el).querySelector(`label[for="${field(el).id}"]`);
    expect(text(label)).to.match(/^Name of the .+ channel /);
    expect(save(el).disabled, 'nothing to save yet').to.be.true;
  });

  it('R30: an owner renames a channel by keyboard: Tab, type, Enter; the store has it at once, trimmed', async () => {
    const el = await settings();
    const store = el.store!;
    await tabInto(el);
    expect(deepActive()).to.equal(field(el));
    await selectAll();
    await sendKeys({ type: '  Front desk  ' });
    expect(save(el).disabled).to.be.false;
    await sendKeys({ press: 'Enter' });
    await until(() => channelName(store) === 'Front desk', 'the new name in the store');
    await el.updateComplete;
    expect(field(el).value).to.equal('Front desk');
    expect(text(shadow(el).querySelector('[part=status]'))).to.equal('Saved: Front desk.');
  });

  it('R30: an empty or too long name is said under the field, described by it, and nothing is sent', async () => {
    const el = await settings();
    const store = el.store!;
    const before = channelName(store);
    await tabInto(el);
    await selectAll();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const error = rows(el)[0]!.querySelector('[part=error]');
    expect(text(error)).to.equal('Write a name.');
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    expect(field(el).getAttribute('aria-describedby')).to.equal(error!.id);
    field(el).value = 'x'.repeat(256);
    field(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    save(el).click();
    await el.updateComplete;
    expect(text(rows(el)[0]!.querySelector('[part=error]'))).to.equal('A name has at most 255 characters.');
    expect(channelName(store)).to.equal(before);
  });

  it('R30: a rename shows on another agent\'s screen at once (one backend, two stores)', async () => {
    const backend = demoBackend(200);
    const owner = new Store({ transport: new MemoryTransport({ backend }), userId: ROLE_USERS.owner });
    const agent = new Store({ transport: new MemoryTransport({ backend }), userId: ROLE_USERS['agent (all)'] });
    const root = await fixture<HTMLElement>(html`<div>
      <channel-settings id="a" .store=${owner}></channel-settings><channel-settings id="b" .store=${agent}></channel-settings>
    </div>`);
    await owner.ready;
    await agent.ready;
    const [a, b] = [root.querySelector<Settings>('#a')!, root.querySelector<Settings>('#b')!];
    await a.updateComplete;
    await b.updateComplete;
    expect(rows(b)[0]!.querySelector('[part=name-input]'), 'an agent gets no field').to.equal(null);
    field(a).value = 'Support (EU)';
    field(a).dispatchEvent(new Event('input'));
    await a.updateComplete;
    save(a).click();
    await until(() => text(rows(b)[0]!.querySelector('[part=name]')) === 'Support (EU)', "the name on the agent's screen");
    expect(text(shadow(b).querySelector('.status'))).to.equal('Only owners and managers can rename channels.');
    owner.destroy();
    agent.destroy();
  });

  it('R30: an agent sees the names only', async () => {
    const el = await settings(stories.Agent);
    expect(shadow(el).querySelector('[part=name-input]')).to.equal(null);
    expect(text(rows(el)[0]!.querySelector('[part=name]'))).to.equal(channelName(el.store!));
  });

  it('is localized (French, Spanish)', async () => {
    const fr = await settings(stories.French);
    expect(text(save(fr))).to.equal('Enregistrer');
    const es = await settings(stories.Spanish);
    expect(text(save(es))).to.equal('Guardar');
  });

  describe('is accessible', () => {
    for (const name of ['Owner', 'Manager', 'Agent', 'Dark', 'French', 'Spanish'] as const) {
      it(`in the ${name} story`, async () => {
        const el = await settings(stories[name]);
        await expect(el).to.be.accessible();
      });
    }
  });
});
