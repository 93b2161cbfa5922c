import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { Locale } from '../src/i18n/localization.js';
import type { Conversation, Id, TimelineItem } from '../src/model/types.js';
import { InboxStore } from '../src/store/inbox-store.js';
import { generateDemoData } from '../src/backend/demo-data.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { MemoryTransport } from '../src/transport/memory/memory-transport.js';
import { ROLE_USERS } from './demo-stores.js';

/**
 * Stories double as test fixtures (conversation-timeline.test.ts renders
 * them). Each renders on a fresh store over the seeded demo data plus four
 * conversations made for the timeline: a long one with every kind of item
 * (`c-showcase`), e-mails with HTML and remote images (`c-email`), a short
 * one (`c-short`) and one with no items yet (`c-empty`).
 */

export const SHOWCASE_ID = 'c-showcase';
export const EMAIL_ID = 'c-email';
export const SHORT_ID = 'c-short';
export const EMPTY_ID = 'c-empty';
/** Items of the showcase's older history, before the newest items that show every kind. */
export const SHOWCASE_HISTORY = 140;
/** A message of the showcase's oldest page, for deep links. */
export const OLD_MESSAGE_ID = `${SHOWCASE_ID}.h-6`;
/** The newest items of the showcase, one of each kind, by name. */
export const SHOWCASE = {
  inbound: `${SHOWCASE_ID}.in`,
  assigned: `${SHOWCASE_ID}.assigned`,
  reply: `${SHOWCASE_ID}.reply`,
  myNote: `${SHOWCASE_ID}.note-mine`,
  theirNote: `${SHOWCASE_ID}.note-theirs`,
  missedCall: `${SHOWCASE_ID}.call-missed`,
  call: `${SHOWCASE_ID}.call`,
  comment: `${SHOWCASE_ID}.comment`,
  priority: `${SHOWCASE_ID}.priority`,
  labels: `${SHOWCASE_ID}.labels`,
  sms: `${SHOWCASE_ID}.sms`,
  bot: `${SHOWCASE_ID}.bot`,
  snoozed: `${SHOWCASE_ID}.snoozed`,
  woke: `${SHOWCASE_ID}.woke`,
  attachment: `${SHOWCASE_ID}.attachment`,
  done: `${SHOWCASE_ID}.done`,
  reopened: `${SHOWCASE_ID}.reopened`,
  last: `${SHOWCASE_ID}.last`,
} as const;
export const EMAIL = { remote: `${EMAIL_ID}.1`, reply: `${EMAIL_ID}.2`, quoted: `${EMAIL_ID}.3` } as const;

const MINUTE = 60_000;

/** The remote image of the e-mail stories (never fetched until "Show images"). */
export const REMOTE_IMAGE = 'https://images.example.com/newsletter/banner.png';

function showcaseTimeline(now: number): TimelineItem[] {
  const base = { conversationId: SHOWCASE_ID };
  const items: TimelineItem[] = [];
  const start = now - (SHOWCASE_HISTORY + 40) * 37 * MINUTE;
  const at = (i: number) => start + i * 37 * MINUTE;
  let lastMessage = '';
  for (let i = 0; i < SHOWCASE_HISTORY; i++) {
    const id = `${SHOWCASE_ID}.h-${i}`;
    if (i % 9 === 4 && lastMessage) {
      items.push({ ...base, type: 'note', id, at: at(i), messageId: lastMessage, authorId: 'u-lea', body: `Checked order history (${i}).`, editedAt: null });
    } else if (i % 11 === 5) {
      items.push({ ...base, type: 'comment', id, at: at(i), authorId: 'u-tom', body: `Still waiting on the carrier (${i}).`, mentions: [] });
    } else if (i % 13 === 7) {
      items.push({ ...base, type: 'call', id, at: at(i), direction: 'in', state: i % 2 ? 'ended' : 'missed', duration: i % 2 ? 60 + i : 0, agentId: i % 2 ? 'u-lea' : null, recording: false });
    } else if (i % 17 === 8) {
      items.push({ ...base, type: 'event', id, at: at(i), kind: 'waiting', actorId: 'u-lea' });
    } else {
      const inbound = i % 2 === 0;
      items.push({
        ...base, type: 'message', id, at: at(i), direction: inbound ? 'in' : 'out', channelKind: 'whatsapp',
        senderId: inbound ? 'k-0' : 'u-lea', body: inbound ? `Message ${i} from the customer.` : `Reply ${i} from support.`,
        html: undefined, attachments: [],
      });
      lastMessage = id;
    }
  }
  let t = SHOWCASE_HISTORY;
  const next = () => at(t++);
  const S = SHOWCASE;
  items.push(
    { ...base, type: 'message', id: S.inbound, at: next(), direction: 'in', channelKind: 'whatsapp', senderId: 'k-0', body: "Hi, my order #4821 hasn't arrived yet. Can you check?", html: undefined, attachments: [] },
    { ...base, type: 'event', id: S.assigned, at: next(), kind: 'assigned', actorId: null, detail: 'user:u-lea' },
    { ...base, type: 'message', id: S.reply, at: next(), direction: 'out', channelKind: 'whatsapp', senderId: 'u-lea', body: "Thanks for reaching out! I'm looking into it now.\nIt left our warehouse on Monday.", html: undefined, attachments: [], delivery: { status: 'delivered', at: at(t) } },
    { ...base, type: 'note', id: S.myNote, at: next(), messageId: S.reply, authorId: 'u-ana', body: 'Customer confirmed by phone.', editedAt: null },
    { ...base, type: 'note', id: S.theirNote, at: next(), messageId: S.inbound, authorId: 'u-lea', body: 'VIP: handle with care.', editedAt: null },
    { ...base, type: 'call', id: S.missedCall, at: next(), direction: 'in', state: 'missed', duration: 0, agentId: null, recording: false },
    { ...base, type: 'call', id: S.call, at: next(), direction: 'out', state: 'ended', duration: 245, agentId: 'u-lea', recording: true },
    { ...base, type: 'comment', id: S.comment, at: next(), authorId: 'u-lea', body: '@Ana Martín could you approve a refund for this one?', mentions: ['u-ana'] },
    { ...base, type: 'event', id: S.priority, at: next(), kind: 'priority', actorId: 'u-lea', detail: 'high' },
    { ...base, type: 'event', id: S.labels, at: next(), kind: 'labels', actorId: 'u-lea', detail: 'added: vip, refund' },
    { ...base, type: 'message', id: S.sms, at: next(), direction: 'in', channelKind: 'sms', senderId: 'k-0', body: 'Sent you a text too, just in case.', html: undefined, attachments: [] },
    { ...base, type: 'message', id: S.bot, at: next(), direction: 'out', channelKind: 'whatsapp', senderId: 'b-welcome', body: 'Thanks! An agent will answer within the hour.', html: undefined, attachments: [] },
    { ...base, type: 'event', id: S.snoozed, at: next(), kind: 'snoozed', actorId: 'u-lea', detail: String(now + 20 * 60 * MINUTE) },
    { ...base, type: 'event', id: S.woke, at: next(), kind: 'unsnoozed', actorId: null },
    {
      ...base, type: 'message', id: S.attachment, at: next(), direction: 'in', channelKind: 'whatsapp', senderId: 'k-0', body: 'Here is the invoice.', html: undefined,
      attachments: [{ id: 'att-1', name: 'invoice-4821.pdf', mime: 'application/pdf', size: 48_200, url: 'https://files.example.com/invoice-4821.pdf' }],
    },
    { ...base, type: 'event', id: S.done, at: next(), kind: 'done', actorId: 'u-lea' },
    { ...base, type: 'event', id: S.reopened, at: next(), kind: 'reopened', actorId: null },
    { ...base, type: 'message', id: S.last, at: next(), direction: 'out', channelKind: 'whatsapp', senderId: 'u-lea', body: "I've issued the refund, it should appear within 3-5 business days.", html: undefined, attachments: [],
      // R29: the channel's edge could not deliver it; the agent can send it again.
      delivery: { status: 'failed', at: at(t), reason: 'The provider answered 400: this number is not on WhatsApp.' } },
  );
  return items;
}

/** A shop's e-mail as they come: its own page colours (a light slab in a dark inbox unless dropped). */
const EMAIL_HTML = `<div style="font-family: Georgia, serif; background: #f4f4f4; color: #333333; padding: 12px">
  <table width="100%" bgcolor="#ffffff"><tr><td style="background-color: white; color: black; padding: 8px">
  <p>Hello,</p>
  <p>Your <b>order #4821</b> has shipped. <a href="https://shop.example.com/track/4821">Track your parcel</a>.</p>
  <p><font color="#555555">Questions? Just reply to this e-mail.</font></p>
  </td></tr></table>
  <p><img src="${REMOTE_IMAGE}" alt="Spring sale banner" width="240" height="60"></p>
  <table style="background-image: url(https://images.example.com/bg.png)"><tr><td>Total</td><td>€42.00</td></tr></table>
  <script>window.__xss && window.__xss('story')</script>
  <img src="x" onerror="window.__xss && window.__xss('story')" alt="">
  <p style="position: fixed; inset: 0">Kind regards,<br>The Shop</p>
</div>`;

const QUOTED_HTML = `<p>Thanks, it arrived today!</p>
<blockquote><p>Your order #4821 has shipped.</p></blockquote>
<p><a href="javascript:alert(1)">unsubscribe</a> · <a href="mailto:help@shop.example.com">help@shop.example.com</a></p>`;

function emailTimeline(now: number): TimelineItem[] {
  const base = { conversationId: EMAIL_ID, attachments: [], channelKind: 'email' as const };
  return [
    { ...base, type: 'message', id: EMAIL.remote, at: now - 3 * 60 * MINUTE, direction: 'in', senderId: 'k-1', body: 'Hello, your order #4821 has shipped. Track your parcel.', html: EMAIL_HTML },
    { ...base, type: 'message', id: EMAIL.reply, at: now - 2 * 60 * MINUTE, direction: 'out', senderId: 'u-lucia', body: 'Thanks for letting us know!', html: undefined },
    { ...base, type: 'message', id: EMAIL.quoted, at: now - 60 * MINUTE, direction: 'in', senderId: 'k-1', body: 'Thanks, it arrived today!', html: QUOTED_HTML },
  ];
}

function shortTimeline(now: number): TimelineItem[] {
  const base = { conversationId: SHORT_ID, attachments: [], html: undefined, channelKind: 'chat' as const };
  return [
    { ...base, type: 'message', id: `${SHORT_ID}.1`, at: now - 30 * MINUTE, direction: 'in', senderId: 'k-2', body: '¿Cuál es vuestro horario los sábados?' },
    { ...base, type: 'message', id: `${SHORT_ID}.2`, at: now - 25 * MINUTE, direction: 'out', senderId: 'u-lucia', body: 'De 9:00 a 18:00.' },
    { type: 'event', conversationId: SHORT_ID, id: `${SHORT_ID}.3`, at: now - 20 * MINUTE, kind: 'done', actorId: 'u-lucia' },
  ];
}

/** A backend on the demo data with the timeline stories' four conversations. */
export function timelineBackend(): MemoryBackend {
  const now = Date.now();
  const demo = generateDemoData({ conversations: 200, seed: 42, now });
  const like = demo.snapshot.conversations[0]!;
  const conversation = (id: Id, channelId: Id, contactId: Id, subject: string, items: readonly TimelineItem[]): Conversation => {
    const last = [...items].reverse().find((item) => item.type === 'message');
    return {
      ...like,
      id, channelId, contactId, subject,
      status: 'open', unread: false, awaiting: 'agent', assignee: { type: 'user', id: 'u-lea' }, teamId: 't-support',
      labels: [], priority: 'none', pinned: false, snoozedUntil: null, mentions: [], mentionsUnread: [], spam: false,
      trashedAt: null, sent: false, humanOwned: true, createdAt: items[0]?.at ?? now - 60 * MINUTE, doneAt: null,
      lastMessage: last?.type === 'message' ? { preview: last.body, at: last.at, direction: last.direction, kind: last.channelKind } : null,
      lastInboundAt: null, awaitingSince: now, version: 1,
    };
  };
  const timelines = new Map<Id, TimelineItem[]>([
    [SHOWCASE_ID, showcaseTimeline(now)],
    [EMAIL_ID, emailTimeline(now)],
    [SHORT_ID, shortTimeline(now)],
    [EMPTY_ID, []],
  ]);
  const extra = [
    conversation(SHOWCASE_ID, 'ch-whatsapp', 'k-0', '', timelines.get(SHOWCASE_ID)!),
    conversation(EMAIL_ID, 'ch-email', 'k-1', 'Your order #4821 has shipped', timelines.get(EMAIL_ID)!),
    conversation(SHORT_ID, 'ch-chat', 'k-2', '', timelines.get(SHORT_ID)!),
    conversation(EMPTY_ID, 'ch-sms', 'k-0', '', []),
  ];
  return new MemoryBackend({
    snapshot: { ...demo.snapshot, conversations: [...demo.snapshot.conversations, ...extra] },
    timelineFor: (id) => timelines.get(id) ?? demo.timelineFor(id),
  });
}

export interface TimelineStoreOptions {
  readonly userId?: Id | undefined;
  /** `loading` never connects. */
  readonly loading?: boolean | undefined;
  readonly backend?: MemoryBackend | undefined;
}

export function timelineStore(options: TimelineStoreOptions = {}): InboxStore {
  return new InboxStore({
    transport: new MemoryTransport({ backend: options.backend ?? timelineBackend() }),
    userId: options.userId ?? ROLE_USERS.owner,
    connect: options.loading !== true,
  });
}

/** The host's URL for one message, as a CRM might build it. */
export const demoLinkBuilder = (conversationId: Id, messageId: Id): string =>
  `https://crm.example/inbox?conversation=${encodeURIComponent(conversationId)}&message=${encodeURIComponent(messageId)}`;

export interface TimelineArgs {
  userId: string;
  conversation: string;
  /** A message to deep-link to (through `store.openConversation`), or ''. */
  focus: string;
  loading: boolean;
  remoteImages: boolean;
  /** Give the element a link builder ("Copy link" shows). */
  links: boolean;
  theme?: 'light' | 'dark';
}

export interface StoryGlobals {
  locale?: Locale;
  theme?: 'light' | 'dark';
}

export function renderTimeline({ userId, conversation, focus, loading, remoteImages, links, theme }: TimelineArgs): TemplateResult {
  const store = timelineStore({ userId, loading });
  // A deep link goes through the store, as the host's router would; the element follows the open conversation.
  if (focus) void store.ready.then(() => store.openConversation(conversation, focus));
  return html`<div
    style="block-size: 560px; max-inline-size: 760px; display: flex; flex-direction: column; border: 1px solid #d1d9e0"
  >
    <conversation-timeline
      .store=${store}
      conversation-id=${ifDefined(focus ? undefined : conversation)}
      .linkBuilder=${links ? demoLinkBuilder : undefined}
      ?remote-images=${remoteImages}
      theme=${ifDefined(theme)}
    ></conversation-timeline>
  </div>`;
}

const meta = {
  title: 'Elements/conversation-timeline',
  component: 'conversation-timeline',
  args: {
    userId: ROLE_USERS.owner,
    conversation: SHOWCASE_ID,
    focus: '',
    loading: false,
    remoteImages: false,
    links: true,
  },
  argTypes: {
    userId: { control: 'select', options: Object.values(ROLE_USERS) },
    conversation: { control: 'select', options: [SHOWCASE_ID, EMAIL_ID, SHORT_ID, EMPTY_ID, 'c-0', 'c-1', 'c-2'] },
    focus: { control: 'text' },
    loading: { control: 'boolean' },
    remoteImages: { control: 'boolean' },
    links: { control: 'boolean' },
  },
  render: renderTimeline,
} satisfies Meta<TimelineArgs>;

export default meta;

export type Story = StoryObj<TimelineArgs> & { globals?: StoryGlobals };

/** Before the store has connected: the feed is busy. */
export const Loading: Story = { args: { loading: true } };

/** Three items: a question, an answer, done. */
export const ShortThread: Story = { args: { conversation: SHORT_ID } };

/**
 * 158 items, the newest showing every kind: messages both ways (a contact,
 * an agent, a bot; WhatsApp and SMS), calls, an internal comment with an
 * @mention, notes (one by the current user, who may edit it), events, an
 * attachment. Older pages load as you scroll up.
 */
export const LongThread: Story = {};

/** E-mails with HTML: sanitized, in their own shadow root, remote images held back until "Show images". */
export const Email: Story = { args: { conversation: EMAIL_ID } };

/** The same, with `remote-images`: images show at once. */
export const EmailRemoteImages: Story = { args: { conversation: EMAIL_ID, remoteImages: true } };

/** A link to an old message: pages load until it is there; it is scrolled to and highlighted. */
export const DeepLink: Story = { args: { focus: OLD_MESSAGE_ID } };

/** A conversation with nothing in it yet. */
export const Empty: Story = { args: { conversation: EMPTY_ID } };

/** As an agent: notes by others show no Edit or Delete; without a link builder, no "Copy link". */
export const AsAgent: Story = { args: { userId: ROLE_USERS['agent (all)'], links: false } };

export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' } };
/** In the dark theme an e-mail drops its own page colours: the inbox's text on the dark surface, no light slab. */
export const EmailDark: Story = { args: { conversation: EMAIL_ID, theme: 'dark' }, globals: { theme: 'dark' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Spanish: Story = { globals: { locale: 'es' } };
