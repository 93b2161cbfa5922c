/**
 * A seeded, varied state for property tests of the read side (views,
 * filters, counts): every flag a view reads turns up, alone and combined.
 * Test helper, not part of the rules.
 */
import { DAY, makeChannel, makeContact, makeConversation, makeState, makeUser, T0 } from './fixtures.js';
import type { Assignee, Conversation, InboxState, SavedView } from './types.js';
import { CHANNEL_KINDS, PRIORITIES } from './types.js';

export function random(seed: number): () => number {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

export function randomState(seed: number, size = 300): InboxState {
  const r = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
  const chance = (p: number) => r() < p;
  const users = [
    makeUser({ id: 'u-owner', role: 'owner' }),
    makeUser({ id: 'u-manager', role: 'manager' }),
    makeUser({ id: 'u-all', teamIds: ['t-a'] }),
    makeUser({ id: 'u-team', visibility: 'team', teamIds: ['t-a'] }),
    makeUser({ id: 'u-self', visibility: 'self', teamIds: ['t-b'] }),
    makeUser({ id: 'u-b', teamIds: ['t-b'] }),
  ];
  const teams = [
    { id: 't-a', name: 'Alpha', memberIds: ['u-all', 'u-team'] },
    { id: 't-b', name: 'Beta', memberIds: ['u-self', 'u-b'] },
  ];
  const channels = ['sms', 'email', 'chat', 'whatsapp'].map((kind) =>
    makeChannel({ id: `ch-${kind}`, kind: kind as (typeof CHANNEL_KINDS)[number] }),
  );
  const contacts = Array.from({ length: 12 }, (_, i) =>
    makeContact({ id: `k-${i}`, name: `Contact ${i}`, company: pick(['Acme', 'Globex', undefined]), blocked: i === 0 }),
  );
  const assignees: (Assignee | null)[] = [null, { type: 'bot', id: 'b-1' }, ...users.map((u) => ({ type: 'user' as const, id: u.id }))];
  const conversations: Conversation[] = [];
  for (let i = 0; i < size; i++) {
    const at = T0 - Math.floor(r() * 120 * DAY);
    const done = chance(0.35);
    conversations.push(
      makeConversation({
        id: `c-${String(i).padStart(4, '0')}`,
        channelId: pick(channels).id,
        contactId: pick(contacts).id,
        subject: pick(['Invoice', 'Livraison', 'Pedido', '']),
        status: done ? 'done' : 'open',
        unread: chance(0.3),
        awaiting: chance(0.5) ? 'agent' : 'contact',
        assignee: pick(assignees),
        teamId: pick([null, null, 't-a', 't-b']),
        labels: chance(0.3) ? ['vip'] : chance(0.2) ? ['vip', 'billing'] : [],
        priority: pick(PRIORITIES),
        pinned: chance(0.05),
        snoozedUntil: chance(0.08) ? pick([T0 + DAY, 'next-message' as const]) : null,
        mentions: chance(0.15) ? [pick(users).id] : [],
        mentionsUnread: [],
        spam: chance(0.08),
        trashedAt: chance(0.08) ? at : null,
        sent: chance(0.08),
        humanOwned: chance(0.5),
        lastMessage: chance(0.95) ? { preview: 'hello', at, direction: 'in', kind: 'sms' } : null,
        awaitingSince: at - Math.floor(r() * DAY),
        createdAt: at - DAY,
        doneAt: done ? at : null,
        custom: chance(0.3) ? { plan: pick(['pro', 'free']) } : {},
      }),
    );
  }
  // Mentions unread only for mentioned users, as the rules keep them.
  for (const [i, c] of conversations.entries()) {
    if (c.mentions.length > 0 && chance(0.5)) conversations[i] = { ...c, mentionsUnread: c.mentions };
  }
  const views: SavedView[] = [
    {
      id: 'v-vip',
      name: 'VIP',
      ownerId: 'u-all',
      sharedWith: { everyone: true, userIds: [], teamIds: [] },
      filters: { labels: ['vip'] },
      search: '',
    },
  ];
  return makeState({ users, teams, channels, contacts, conversations, views });
}
