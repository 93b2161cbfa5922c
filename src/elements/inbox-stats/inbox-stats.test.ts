import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../define.js';
import { InboxStats } from './inbox-stats.js';
import { getLocale, setLocale } from '../../i18n/localization.js';
import { InboxStore } from '../../store/inbox-store.js';
import { MemoryTransport } from '../../transport/memory/memory-transport.js';
import type { Transport } from '../../transport/transport.js';
import meta, * as stories from '../../../stories/inbox-stats.stories.js';
import { demoBackend, injectInbound, ROLE_USERS } from '../../../stories/demo-stores.js';
import { deepActive, ready, renderStory } from '../../../test/navigation-fixtures.js';
import { RealServer, USERS } from '../../../test/real-server.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = (el: Element, selector: string) => shadow(el).querySelector<HTMLElement>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node as HTMLElement | null | undefined)?.innerText.replace(/\s+/g, ' ').trim() ?? '';
const tileValues = (el: Element) => $$(el, '[part=value]').map((v) => text(v));

async function until(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  for (let t = 0; t < ms && !condition(); t += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

/** The element of a story, once its figures show (or its state does, for loading and failures). */
async function statsOf(story: stories.Story = stories.Data, figures = true): Promise<InboxStats> {
  const root = await renderStory(meta, story);
  const el = await ready(root, 'inbox-stats', false);
  if (figures) await until(() => $$(el, '[part=tile]').length === 5, 'the figures');
  await el.updateComplete;
  return el;
}

/** Focuses `target` inside `el` by pressing Tab from a button placed before it, as a person would. */
async function tabTo(el: Element, target: Element, max = 12): Promise<void> {
  const before = document.createElement('button');
  before.textContent = 'before';
  el.before(before);
  before.focus();
  for (let i = 0; i < max && deepActive() !== target; i++) await sendKeys({ press: 'Tab' });
  before.remove();
  expect(deepActive()).to.equal(target);
}

describe('<inbox-stats>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('inbox-stats')).to.equal(InboxStats);
  });

  it('R28: shows the five figures the backend counts, and a chart for days, channels and agents', async () => {
    const el = await statsOf();
    const expected = await el.store!.teamStats(el.request());
    const values = tileValues(el);
    expect(values[3]).to.equal(expected.volume.total.toLocaleString('en'));
    expect(values[4]).to.equal(expected.backlog.toLocaleString('en'));
    expect(values[2]).to.match(/^\d+%$/);
    expect(values[0]).to.match(/\d+(\.\d)? (sec|min|hr|day)/);
    expect($$(el, '[part=chart]').map((c) => text(c.querySelector('figcaption')))).to.deep.equal(['Conversations by day', 'By channel', 'By agent']);
    const days = $$(el, '.day-svg [part=bar]');
    expect(days).to.have.length(30);
    expect(days.every((bar) => bar instanceof SVGRectElement && bar.getBoundingClientRect().width > 0), 'bars drawn as SVG').to.equal(true);
    expect($$(el, '[part=plot]')[0]!.getAttribute('aria-label')).to.match(/^Conversations by day: [\d,]+ in all over 30 bars/);
  });

  it('R28: the range menu by keyboard: Tab to it, arrow to the last 7 days; the figures follow', async () => {
    const el = await statsOf();
    const range = $(el, '[part=range]') as HTMLSelectElement;
    await tabTo(el, range);
    await sendKeys({ press: 'ArrowUp' });
    await until(() => el.range === '7', 'the range chosen');
    await until(() => $$(el, '.day-svg [part=bar]').length === 7, 'seven days');
    expect(el.getAttribute('range')).to.equal('7');
  });

  it('R28: a chart is read bar by bar with the arrow keys, Home and End', async () => {
    const el = await statsOf({ args: { range: '7' } });
    const plot = $$(el, '[part=plot]')[0]!;
    await tabTo(el, plot);
    const readout = () => text($$(el, '[part=readout]')[0]);
    const last = el.request().to - 1;
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    const lastDay = new Intl.DateTimeFormat('en', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/Paris' }).format(last);
    expect(readout()).to.match(new RegExp(`^${lastDay}: \\d+ conversations?$`));
    expect($$(el, '.day-svg [part=bar]')[6]!.classList.contains('current')).to.equal(true);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect($$(el, '.day-svg [part=bar]')[5]!.classList.contains('current')).to.equal(true);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect($$(el, '.day-svg [part=bar]')[0]!.classList.contains('current')).to.equal(true);
    // The channels' chart: down the rows.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($$(el, '[part=plot]')[1]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(text($$(el, '[part=readout]')[1])).to.match(/^.+: \d+ conversations?$/);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect($$(el, '.bar.current')).to.have.length(0, 'leaving a chart forgets its bar');
  });

  it('R28: "Show as tables" turns every chart into a data table, by a click', async () => {
    const el = await statsOf();
    const toggle = $(el, '[part=table-toggle]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    const box = toggle.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const tables = $$(el, '[part=table]');
    expect(tables).to.have.length(3);
    expect(tables[0]!.querySelectorAll('tbody tr')).to.have.length(30);
    expect(text(tables[0]!.querySelector('thead'))).to.equal('Day Conversations');
    const stats = await el.store!.teamStats(el.request());
    const sum = [...tables[2]!.querySelectorAll('tbody td')].reduce((n, td) => n + Number(text(td).replace(/,/g, '')), 0);
    expect(sum).to.equal(stats.volume.total, "the agents' table sums to the total");
    await expect(el).to.be.accessible();
  });

  it('R28 R17: the figures follow live events, a moment after they arrive', async () => {
    const backend = demoBackend(200);
    const store = new InboxStore({ transport: new MemoryTransport({ backend }), userId: ROLE_USERS.owner });
    const el = await fixture<InboxStats>(html`<inbox-stats .store=${store} range="7"></inbox-stats>`);
    await until(() => $$(el, '[part=tile]').length === 5, 'the figures');
    const before = (await store.teamStats(el.request())).volume.total;
    expect(tileValues(el)[3]).to.equal(String(before));
    // An inbound message in a conversation that had none this week.
    const quiet = [...backend.state.conversations.values()].find((c) => !c.spam && c.trashedAt === null && (c.lastInboundAt ?? 0) < el.request().from)!;
    injectInbound(backend, quiet.id);
    await until(() => tileValues(el)[3] === String(before + 1), 'one more conversation');
    store.destroy();
  });

  it('R28 R17: steady traffic does not hold the figures back: they follow while events keep coming', async () => {
    const backend = demoBackend(200);
    const store = new InboxStore({ transport: new MemoryTransport({ backend }), userId: ROLE_USERS.owner });
    const el = await fixture<InboxStats>(html`<inbox-stats .store=${store} range="7"></inbox-stats>`);
    await until(() => $$(el, '[part=tile]').length === 5, 'the figures');
    const before = Number(tileValues(el)[3]);
    const quiet = [...backend.state.conversations.values()].filter((c) => !c.spam && c.trashedAt === null && (c.lastInboundAt ?? 0) < el.request().from);
    let sent = 0;
    const traffic = setInterval(() => injectInbound(backend, quiet[sent++ % quiet.length]!.id), 250);
    try {
      await until(() => Number(tileValues(el)[3]) > before, 'the figures moving', 3000);
      expect(sent).to.be.lessThan(12, 'while the traffic goes on');
    } finally {
      clearInterval(traffic);
      store.destroy();
    }
  });

  it('R28 R14: an agent with visibility self sees their own figures, and is told so', async () => {
    const el = await statsOf(stories.AgentSelf);
    expect(text($(el, '.scope'))).to.equal('Your own conversations only.');
    el.tables = true;
    await el.updateComplete;
    const agents = [...$$(el, '[part=table]')[2]!.querySelectorAll('tbody th')].map((th) => text(th));
    const sam = el.store!.state.model.users.get(ROLE_USERS['agent (self)'])!.name;
    expect(agents).to.include(sam);
    const all = await statsOf(stories.Data);
    expect(Number(tileValues(el)[3])).to.be.lessThan(Number(tileValues(all)[3]!.replace(/,/g, '')));
  });

  it('R28: a team keeps only its conversations; the menu lists the teams', async () => {
    const el = await statsOf();
    const team = $(el, '[part=team]') as HTMLSelectElement;
    const options = [...team.options].map((o) => o.value);
    expect(options[0]).to.equal('');
    expect(options.length).to.equal(el.store!.state.model.teams.size + 1);
    const all = Number(tileValues(el)[3]!.replace(/,/g, ''));
    await tabTo(el, team);
    await sendKeys({ press: 'ArrowDown' });
    await until(() => el.team === options[1], 'the first team chosen');
    await until(() => Number(tileValues(el)[3]!.replace(/,/g, '')) < all, "the team's figures");
  });

  it('R28: Custom dates by keyboard start from the days shown; a date field moved with the arrows moves the range', async () => {
    const el = await statsOf();
    const range = $(el, '[part=range]') as HTMLSelectElement;
    await tabTo(el, range);
    await sendKeys({ press: 'ArrowDown' });
    await until(() => el.range === '90', 'the last 90 days');
    await el.updateComplete;
    const before = el.request();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => el.range === 'custom', 'custom dates');
    await el.updateComplete;
    expect(el.request()).to.deep.equal(before, 'the same 90 days');
    const [from] = $$<HTMLInputElement>(el, '[part=dates] input');
    const first = from!.value;
    await tabTo(el, from!);
    await sendKeys({ press: 'ArrowDown' }); // the first field of the date (the month, in English) one back
    await until(() => el.from !== first, 'the first day moved');
    expect(el.from < first).to.equal(true);
    expect(el.request().from).to.be.lessThan(before.from);
    expect(el.request().to).to.equal(before.to);
  });

  it('R28: a custom range takes two dates; a range with nothing in it says so', async () => {
    const el = await statsOf(stories.EmptyRange);
    expect(text($(el, '.state'))).to.equal('No conversations in this range.');
    expect(tileValues(el)).to.deep.equal(['—', '—', '—', '0', '0']);
    const [from, to] = $$<HTMLInputElement>(el, '[part=dates] input');
    expect([from!.value, to!.value]).to.deep.equal(['2020-01-06', '2020-01-12']);
    expect(el.request()).to.include({ from: Date.UTC(2020, 0, 5, 23), to: Date.UTC(2020, 0, 12, 23) });
  });

  it('says it is loading until the store is ready, and when the backend counts no stats', async () => {
    const loading = await statsOf(stories.Loading, false);
    expect(text($(loading, '[part=state]'))).to.equal('Loading stats…');
    const memory = new MemoryTransport({ backend: demoBackend(200) });
    const bare: Transport = { connect: (r) => memory.connect(r), send: (c, a) => memory.send(c, a), timeline: (r, a) => memory.timeline(r, a) };
    const store = new InboxStore({ transport: bare, userId: ROLE_USERS.owner });
    const el = await fixture<InboxStats>(html`<inbox-stats .store=${store}></inbox-stats>`);
    await until(() => text($(el, '[part=state]')) === 'This backend does not count team stats.', 'the notice');
    store.destroy();
  });

  it('works inside an <inbox-provider>', async () => {
    const store = new InboxStore({ transport: new MemoryTransport({ backend: demoBackend(200) }), userId: ROLE_USERS.owner });
    const root = await fixture<HTMLElement>(html`<inbox-provider .store=${store}><inbox-stats range="7"></inbox-stats></inbox-provider>`);
    const el = root.querySelector('inbox-stats')!;
    await until(() => $$(el, '[part=tile]').length === 5, 'the figures');
    store.destroy();
  });

  it('is localized (French, Spanish): words, numbers and durations', async () => {
    const fr = await statsOf(stories.French);
    expect(text($(fr, '.title'))).to.equal('Statistiques de l’équipe');
    expect(tileValues(fr)[2]).to.match(/^\d+ %$/);
    expect(text($$(fr, '[part=chart]')[0]!.querySelector('figcaption'))).to.equal('Conversations par jour');
    const es = await statsOf(stories.Spanish);
    expect(text($(es, '[part=table-toggle]'))).to.equal('Mostrar como tablas');
    expect(text($$(es, '[part=tile] .name')[4])).to.equal('Pendientes abiertas');
  });

  describe('is accessible', () => {
    for (const name of ['Data', 'Loading', 'EmptyRange', 'AgentSelf', 'Dark', 'French', 'Spanish', 'Sidebar'] as const) {
      it(`in the ${name} story`, async () => {
        const el = await statsOf(stories[name], name !== 'Loading');
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('over HTTP, on the reference server', () => {
    let server: RealServer;
    before(async () => {
      server = await RealServer.start({ args: ['--seed-conversations', '300'] });
    });
    after(() => server.stop());

    it('R28 R14: the owner and the self agent each see the figures the server counts for them', async function () {
      this.timeout(20_000);
      const owner = new InboxStore({ transport: server.transport(USERS.owner), userId: USERS.owner });
      const sam = new InboxStore({ transport: server.transport(USERS.agentSelf), userId: USERS.agentSelf });
      const root = await fixture<HTMLElement>(html`<div>
        <inbox-stats id="owner" .store=${owner} range="90"></inbox-stats><inbox-stats id="sam" .store=${sam} range="90"></inbox-stats>
      </div>`);
      const [a, b] = [root.querySelector<InboxStats>('#owner')!, root.querySelector<InboxStats>('#sam')!];
      await until(() => $$(a, '[part=tile]').length === 5 && $$(b, '[part=tile]').length === 5, 'both sets of figures', 10_000);
      const response = await fetch(`${server.baseUrl}/api/stats?${new URLSearchParams({ from: String(a.request().from), to: String(a.request().to), tz: a.request().timeZone })}`, {
        headers: { Authorization: `Bearer dev-${USERS.agentSelf}` },
      });
      const served = (await response.json()) as { volume: { total: number } };
      expect(tileValues(b)[3]).to.equal(served.volume.total.toLocaleString('en'));
      expect(Number(tileValues(a)[3]!.replace(/,/g, ''))).to.be.greaterThan(served.volume.total);
      expect(text($(b, '.scope'))).to.equal('Your own conversations only.');
      // Live over the stream: a new conversation from the outside world counts within a moment.
      const before = Number(tileValues(a)[3]!.replace(/,/g, ''));
      const contact = [...owner.state.model.contacts.values()].find((k) => !k.blocked)!;
      const channel = [...owner.state.model.channels.values()].find((c) => c.kind === 'sms')!;
      await server.inject({
        id: 'stats-in-1',
        type: 'receiveMessage',
        args: { conversationId: 'c-stats-new', itemId: 'm-stats-new', contactId: contact.id, channelId: channel.id, body: 'New here' },
      });
      await until(() => Number(tileValues(a)[3]!.replace(/,/g, '')) === before + 1, 'the new conversation counted', 10_000);
      owner.destroy();
      sam.destroy();
    });
  });
});
