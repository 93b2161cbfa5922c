import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { ConversationTimeline } from '../src/elements/conversation-timeline/conversation-timeline.js';
import { domId } from '../src/elements/conversation-timeline/timeline-arrange.js';
import { frames, ignoreResizeObserverLoop, mountList, rowById, until } from '../src/elements/inbox-list/list.testing.js';
import type { Channel, Contact, Conversation, Id, TimelineItem, User } from '../src/model/types.js';
import { InboxStore } from '../src/store/inbox-store.js';
import { generateDemoData } from '../src/backend/demo-data.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { MemoryTransport } from '../src/transport/memory/memory-transport.js';
import { XSS_CORPUS } from './xss-corpus.js';
import { deepActive } from './navigation-fixtures.js';

/**
 * Issue 4, Security: every payload of the corpus goes through every field
 * `<conversation-timeline>` and `<inbox-list>` render (message body,
 * e-mail HTML, subject, contact, user and channel names, note, comment,
 * label, attachment name and URL, event details). None may run, none may
 * leave a script, an event handler or a javascript:/data: URL in any
 * shadow root, and the elements must keep working afterwards.
 */

const MINUTE = 60_000;
const conversationId = (n: number): Id => `c-xss-${n}`;
const messageId = (n: number): Id => `c-xss-${n}.m`;

/** The demo data plus, for each payload, a contact, a user, a channel and a conversation made of it. */
function xssBackend(): MemoryBackend {
  const now = Date.now();
  const demo = generateDemoData({ conversations: 200, seed: 42, now });
  const like = demo.snapshot.conversations[0]!;
  const likeContact = demo.snapshot.contacts[0]!;
  const users: User[] = [];
  const contacts: Contact[] = [];
  const channels: Channel[] = [];
  const conversations: Conversation[] = [];
  const timelines = new Map<Id, TimelineItem[]>();
  XSS_CORPUS.forEach((payload, n) => {
    const id = conversationId(n);
    const at = now - (n + 1) * 1000;
    users.push({ id: `u-xss-${n}`, name: payload, role: 'agent', visibility: 'all', teamIds: [], active: true, availability: 'available' });
    contacts.push({ ...likeContact, id: `k-xss-${n}`, name: payload, company: payload, blocked: false });
    channels.push({ id: `ch-xss-${n}`, kind: 'email', name: payload, address: 'xss@example.com' });
    conversations.push({
      ...like,
      id,
      channelId: `ch-xss-${n}`,
      contactId: `k-xss-${n}`,
      subject: payload,
      status: 'open',
      spam: false,
      trashedAt: null,
      snoozedUntil: null,
      sent: false,
      pinned: false,
      assignee: { type: 'user', id: `u-xss-${n}` },
      labels: [payload, 'billing'],
      lastMessage: { preview: payload, at, direction: 'in', kind: 'email' },
      lastInboundAt: at,
      createdAt: at - 10 * MINUTE,
    });
    const base = { conversationId: id };
    timelines.set(id, [
      {
        ...base, type: 'message', id: messageId(n), at: at - 6 * MINUTE, direction: 'in', channelKind: 'email',
        senderId: `k-xss-${n}`, body: payload, html: payload,
        attachments: [
          { id: `att-${n}-1`, name: payload, mime: 'text/html', size: 10, url: payload },
          { id: `att-${n}-2`, name: payload, mime: 'text/html', size: 10, url: `javascript:window.__xss(${n})` },
        ],
      },
      {
        ...base, type: 'message', id: `${id}.out`, at: at - 5 * MINUTE, direction: 'out', channelKind: 'email',
        senderId: `u-xss-${n}`, body: payload, html: `<p>${payload}</p><div>${payload}</div>`, attachments: [],
      },
      { ...base, type: 'note', id: `${id}.note`, at: at - 4 * MINUTE, messageId: messageId(n), authorId: `u-xss-${n}`, body: payload, editedAt: null },
      { ...base, type: 'comment', id: `${id}.comment`, at: at - 3 * MINUTE, authorId: `u-xss-${n}`, body: `@${payload} ${payload}`, mentions: [`u-xss-${n}`] },
      { ...base, type: 'event', id: `${id}.labels`, at: at - 2 * MINUTE, kind: 'labels', actorId: `u-xss-${n}`, detail: `added: ${payload}` },
      { ...base, type: 'event', id: `${id}.team`, at: at - MINUTE, kind: 'assigned', actorId: `u-xss-${n}`, detail: `team:${payload}` },
      { ...base, type: 'call', id: `${id}.call`, at, direction: 'in', state: 'ended', duration: 12, agentId: `u-xss-${n}`, recording: false },
    ]);
  });
  const snapshot = demo.snapshot;
  return new MemoryBackend({
    snapshot: {
      ...snapshot,
      users: [...snapshot.users, ...users],
      contacts: [...snapshot.contacts, ...contacts],
      channels: [...snapshot.channels, ...channels],
      conversations: [...snapshot.conversations, ...conversations],
    },
    timelineFor: (id) => timelines.get(id) ?? demo.timelineFor(id),
  });
}

/** Every element under `root`, through every open shadow root. */
function* everything(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* everything(element.shadowRoot);
  }
}

const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'form', 'input', 'math']);
const OWN_CONTROLS = new Set(['input', 'form']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'background', 'poster']);
// eslint-disable-next-line no-control-regex -- what browsers ignore before a URL's scheme
const compact = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u00a0]/g, '').toLowerCase();

/** What must never be in the page after rendering untrusted text, as readable failures. */
function findProblems(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const element of everything(root)) {
    const name = element.localName;
    const inEmail = element.getRootNode() instanceof ShadowRoot && (element.getRootNode() as ShadowRoot).host.matches('.email');
    // The elements' own form controls (the composer, the contact panel) are fine; none may come from a message.
    if (FORBIDDEN_ELEMENTS.has(name) && (inEmail || !OWN_CONTROLS.has(name))) problems.push(`<${name}>`);
    if (inEmail && (name.includes('-') || name === 'style' || name === 'svg')) problems.push(`<${name}> in an e-mail`);
    for (const attribute of element.getAttributeNames()) {
      const value = element.getAttribute(attribute) ?? '';
      if (attribute.startsWith('on')) problems.push(`${attribute} on <${name}>`);
      if (URL_ATTRIBUTES.has(attribute) && /^(?:javascript|vbscript|data):/.test(compact(value))) {
        problems.push(`${attribute}="${value}" on <${name}>`);
      }
      if (attribute === 'style' && /url\(|expression\(/i.test(value) && !/url\("https:\/\//.test(value)) {
        problems.push(`style="${value}" on <${name}>`);
      }
    }
    if (inEmail && name === 'a' && element.hasAttribute('href')) {
      if (element.getAttribute('target') !== '_blank' || !/\bnoopener\b/.test(element.getAttribute('rel') ?? '')) {
        problems.push(`unsafe link ${element.outerHTML}`);
      }
    }
  }
  return problems;
}

describe('XSS corpus (issue 4, Security)', () => {
  const calls: unknown[] = [];
  const spy = (...args: unknown[]) => void calls.push(args);
  const stores: InboxStore[] = [];

  before(() => {
    (window as { __xss?: unknown }).__xss = spy;
    ignoreResizeObserverLoop();
  });

  afterEach(() => {
    for (const store of stores.splice(0)) store.destroy();
  });

  after(() => {
    delete (window as { __xss?: unknown }).__xss;
  });

  const store = () => {
    const created = new InboxStore({ transport: new MemoryTransport({ backend: xssBackend() }), userId: 'u-ana' });
    stores.push(created);
    return created;
  };

  it('holds at least 50 payloads', () => {
    expect(XSS_CORPUS.length).to.be.at.least(50);
  });

  it('nothing runs in <conversation-timeline>, in any field, images held back or shown, and it keeps working', async function () {
    this.timeout(120_000);
    const inbox = store();
    await inbox.ready;
    const box = await fixture<HTMLElement>(html`<div style="block-size: 640px; display: flex; flex-direction: column">
      <conversation-timeline .store=${inbox} .linkBuilder=${(c: Id, m: Id) => `https://crm.example/${c}/${m}`}></conversation-timeline>
    </div>`);
    const el: ConversationTimeline = box.querySelector('conversation-timeline')!;
    const shadow = el.shadowRoot!;
    const emailsDone = (id: Id) => {
      const mails = [...shadow.querySelectorAll('[part=email]')];
      return shadow.querySelector(`#${domId(id)}`) !== null && mails.length >= 2 && mails.every((mail) => mail.shadowRoot !== null && mail.shadowRoot.querySelector('slot') === null);
    };
    for (const remoteImages of [false, true]) {
      el.remoteImages = remoteImages;
      for (const [n, payload] of XSS_CORPUS.entries()) {
        el.conversationId = conversationId(n);
        await until(() => shadow.querySelector(`#${domId(messageId(n))}`) !== null && emailsDone(messageId(n)), `conversation ${n}`);
        const message = shadow.querySelector(`#${domId(messageId(n))}`)!;
        expect(message.querySelector('[part=sender]')!.textContent, `contact name ${n}`).to.equal(payload);
        expect(message.querySelector('[part=note-body]')!.textContent, `note ${n}`).to.equal(payload);
        expect(message.querySelector('[part=attachment-name]')!.textContent, `attachment ${n}`).to.equal(payload);
        expect(shadow.querySelector(`#${domId(`${conversationId(n)}.comment`)} [part=body]`)!.textContent, `comment ${n}`).to.equal(`@${payload} ${payload}`);
        const problems = findProblems(box);
        expect(problems, `payload ${n}: ${payload}`).to.deep.equal([]);
      }
    }
    await frames(5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls, 'no payload ran').to.deep.equal([]);
    expect((window as { __xss?: unknown }).__xss, 'nothing clobbered the spy').to.equal(spy);

    // It keeps working: a new item renders, and the keys move through the feed.
    inbox.dispatch('reply', { conversationId: conversationId(0), itemId: 'after-xss', body: 'Still here' }, { undoable: false });
    el.conversationId = conversationId(0);
    await until(() => shadow.querySelector(`#${domId('after-xss')}`) !== null, 'the reply after the corpus');
    const last = shadow.querySelector<HTMLElement>(`#${domId('after-xss')}`)!;
    last.focus();
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect((deepActive() as HTMLElement | null)?.dataset['id']).to.equal(`${conversationId(0)}.call`);
  });

  it('nothing runs in <inbox-list>: subjects, names, previews, labels, assignees, and it keeps working', async function () {
    this.timeout(60_000);
    const inbox = store();
    const { list } = await mountList(html`<div style="block-size: 6400px; inline-size: 720px; display: flex; flex-direction: column">
      <inbox-list .store=${inbox}></inbox-list>
    </div>`);
    await until(() => XSS_CORPUS.every((_, n) => rowById(list, conversationId(n)) !== null), 'every payload row', 8000);
    for (const [n, payload] of XSS_CORPUS.entries()) {
      const row = rowById(list, conversationId(n))!;
      expect(row.querySelector('[part=name]')!.textContent, `name ${n}`).to.equal(payload);
      expect(row.querySelector('[part=subject]')!.textContent, `subject ${n}`).to.equal(payload);
      expect(row.querySelector('[part=preview]')!.textContent, `preview ${n}`).to.equal(payload);
      expect(row.querySelector('[part=label]')!.textContent, `label ${n}`).to.equal(payload);
    }
    expect(findProblems(list.parentElement!)).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).to.deep.equal([]);

    // It keeps working: a key moves the active row.
    const listbox = list.shadowRoot!.querySelector<HTMLElement>('#listbox')!;
    listbox.focus();
    const before = listbox.getAttribute('aria-activedescendant');
    await sendKeys({ press: 'ArrowDown' });
    await list.updateComplete;
    expect(listbox.getAttribute('aria-activedescendant')).to.not.equal(before);
  });

  it('nothing runs in <conversation-view> and <contact-panel>: header, labels, assignee, contact details, and they keep working', async function () {
    this.timeout(120_000);
    const inbox = store();
    await inbox.ready;
    const box = await fixture<HTMLElement>(html`<div style="block-size: 720px; display: grid; grid-template-columns: 1fr 20rem">
      <conversation-view .store=${inbox}></conversation-view>
      <contact-panel .store=${inbox}></contact-panel>
    </div>`);
    const view = box.querySelector('conversation-view')!;
    const panel = box.querySelector('contact-panel')!;
    for (const [n, payload] of XSS_CORPUS.entries()) {
      inbox.openConversation(conversationId(n));
      await until(
        () =>
          view.shadowRoot!.querySelector('[part=contact]')?.textContent === payload &&
          panel.shadowRoot!.querySelector('[part=name]')?.textContent === payload,
        `conversation ${n}`,
      );
      const header = view.shadowRoot!;
      expect(header.querySelector('[part=subject]')!.textContent, `subject ${n}`).to.equal(payload);
      expect(header.querySelector('[part=channel]')!.textContent, `channel ${n}`).to.contain(payload);
      expect(header.querySelector('[part=assignee]')!.textContent, `assignee ${n}`).to.contain(payload);
      expect([...header.querySelectorAll('[part=label]')].map((l) => l.textContent.trim()), `labels ${n}`).to.include(payload);
      expect(findProblems(box), `payload ${n}: ${payload}`).to.deep.equal([]);
    }
    await frames(5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls, 'no payload ran').to.deep.equal([]);

    // It keeps working: E marks the open conversation done from inside the view.
    const last = conversationId(XSS_CORPUS.length - 1);
    view.shadowRoot!.querySelector<HTMLElement>('[part~=action]')!.focus();
    await sendKeys({ press: 'e' });
    await until(() => inbox.state.model.conversations.get(last)?.status === 'done', 'E after the corpus');
  });
});
