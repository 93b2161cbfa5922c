import type {
  Assignee,
  Bot,
  CallState,
  Channel,
  ChannelKind,
  Contact,
  Conversation,
  CustomValue,
  Direction,
  EventKind,
  Id,
  LastCall,
  LastMessage,
  Priority,
  SavedView,
  Snapshot,
  SnoozeUntil,
  Team,
  TimelineItem,
  User,
} from '../model/types.js';
import { DEFAULT_SETTINGS } from '../model/types.js';
import { DEMO_USER_IDS } from './demo-defaults.js';

/**
 * A seeded, deterministic demo data set (DESIGN.md section 7): English,
 * French and Spanish contacts and text, every channel kind, every role and
 * visibility, and every state a conversation can be in.
 *
 * Built for 100,000 conversations in a browser tab: entities share frozen
 * empty arrays and objects, strings come from pools, every conversation has
 * the same object shape (one hidden class), and timelines are not stored at
 * all: `timelineFor` rebuilds one from the seed when it is asked for.
 */

export interface DemoOptions {
  readonly seed?: number | undefined;
  /** 200 to 100,000. */
  readonly conversations: number;
  /** The present the data is built around; defaults to Date.now(). */
  readonly now?: number | undefined;
}

export interface DemoData {
  readonly snapshot: Snapshot;
  /** A conversation's timeline, rebuilt deterministically on each call; [] for unknown ids. */
  readonly timelineFor: (conversationId: Id) => TimelineItem[];
  /** Conversations whose timeline holds DEMO_LONG_TIMELINE_LENGTH items (benchmarks). */
  readonly longTimelineIds: readonly Id[];
}

export const DEMO_DEFAULT_SEED = 20261102;
export const DEMO_LONG_TIMELINE_LENGTH = 5000;

export { DEMO_USER_IDS };

export const DEMO_TEAM_IDS = { support: 't-support', sales: 't-sales', latam: 't-latam' } as const;
export const DEMO_BOT_IDS = { welcome: 'b-welcome', faq: 'b-faq' } as const;

/** The conversation id of the demo's i-th conversation. */
export function demoConversationId(index: number): Id {
  return `c-${index}`;
}

/** Indexing that cannot miss: pools and tables are never indexed out of range. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`No item ${index} of ${items.length}`);
  return item;
}

function get<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new RangeError(`No entry ${String(key)}`);
  return value;
}

/** mulberry32: tiny, fast, good enough for demo data; not for anything secret. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and an index into an independent seed, so one conversation's timeline needs no other. */
function mix(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const EMPTY: readonly never[] = Object.freeze([]);
const EMPTY_RECORD: Readonly<Record<string, never>> = Object.freeze({});

type Lang = 'en' | 'fr' | 'es';
const LANGS: readonly Lang[] = ['en', 'fr', 'es'];

interface LangPools {
  readonly first: readonly string[];
  readonly last: readonly string[];
  readonly countries: readonly string[];
  readonly mailDomains: readonly string[];
  readonly inbound: readonly string[];
  readonly outbound: readonly string[];
  readonly subjects: readonly string[];
  readonly callMissed: string;
  readonly callIn: string;
  readonly callOut: string;
  readonly notes: readonly string[];
}

const POOLS: Record<Lang, LangPools> = {
  en: {
    first: ['Emily', 'James', 'Olivia', 'Michael', 'Sophia', 'Daniel', 'Grace', 'Ethan', 'Hannah', 'Ryan',
      'Chloe', 'Nathan', 'Megan', 'Jack', 'Amelia', 'Oliver', 'Isabella', 'Henry', 'Charlotte', 'Noah'],
    last: ['Carter', 'Johnson', 'Williams', 'Brown', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Anderson',
      'Thompson', 'Moore', 'Clark', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker'],
    countries: ['US', 'US', 'US', 'GB', 'CA', 'IE', 'AU'],
    mailDomains: ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me'],
    inbound: [
      "Hi, my order #4821 hasn't arrived yet. Can you check?",
      'I was charged twice this month, please refund one of the payments.',
      'Is the Pro plan available with annual billing?',
      'The app keeps logging me out since the last update.',
      'Can I change the delivery address on my order?',
      'Do you offer discounts for nonprofits?',
      'Thanks, that fixed it!',
      "I'd like to book a demo for my team next week.",
      'How do I export my invoices as PDF?',
      'My password reset email never arrives.',
      'What are your opening hours on Saturday?',
      'Could you send me a quote for 25 seats?',
      'The item arrived damaged, what should I do?',
      'Is it possible to cancel my subscription?',
      'Hello? Is anyone there?',
      'Can I add a second user to my account?',
    ],
    outbound: [
      "Thanks for reaching out! I'm looking into it now.",
      "I've issued the refund, it should appear within 3-5 business days.",
      'Could you send me your order number?',
      'Good news: your parcel is out for delivery and arrives tomorrow.',
      "I've sent you the quote by email.",
      "Let me know if there's anything else I can help with.",
      "We're open Monday to Saturday, 9am to 6pm.",
      'Happy to set up a demo. Does Tuesday at 10am work for you?',
      'Please try logging out and back in, that should do it.',
    ],
    subjects: ['Order #4821 not delivered', 'Double charge on my invoice', 'Question about annual billing',
      'Quote request: 25 seats', 'Login problem after the update', 'Partnership opportunity',
      'Damaged item', 'Cancel my subscription', 'Demo request'],
    callMissed: 'Missed call',
    callIn: 'Incoming call',
    callOut: 'Outgoing call',
    notes: ['Customer confirmed by phone.', 'VIP: handle with care.', 'Refund approved by finance.'],
  },
  fr: {
    first: ['Zoé', 'Camille', 'Léa', 'Chloé', 'Manon', 'Inès', 'Louis', 'Hugo', 'Théo', 'Jules',
      'Gabriel', 'Raphaël', 'Élodie', 'Amélie', 'Océane', 'Clément', 'Benoît', 'Hélène', 'François', 'Margaux'],
    last: ['Lefèvre', 'Dubois', 'Moreau', 'Laurent', 'Girard', 'Lambert', 'Bonnet', 'Fontaine', 'Rousseau',
      'Mercier', 'Faure', 'Chevalier', 'Gauthier', 'Perrin', 'Leclerc', 'Durand', 'Lemaire', 'Garnier',
      'Roussel', 'Bérard'],
    countries: ['FR', 'FR', 'FR', 'BE', 'CH', 'CA', 'LU'],
    mailDomains: ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'outlook.fr'],
    inbound: [
      "Bonjour, ma commande n° 4821 n'est toujours pas arrivée.",
      "J'ai été débité deux fois ce mois-ci, pouvez-vous me rembourser ?",
      "Est-ce que l'offre Pro existe en facturation annuelle ?",
      "L'application me déconnecte sans arrêt depuis la mise à jour.",
      "Puis-je modifier l'adresse de livraison ?",
      'Merci beaucoup, tout fonctionne maintenant !',
      'Je voudrais organiser une démo pour mon équipe.',
      'Comment télécharger mes factures en PDF ?',
      "Je ne reçois pas l'e-mail de réinitialisation du mot de passe.",
      'Quels sont vos horaires le samedi ?',
      "Pourriez-vous m'envoyer un devis pour 25 licences ?",
      'Le colis est arrivé abîmé, que dois-je faire ?',
      'Comment résilier mon abonnement ?',
      'Bonjour, il y a quelqu’un ?',
    ],
    outbound: [
      'Merci pour votre message, je regarde tout de suite.',
      'Le remboursement est en cours, comptez 3 à 5 jours ouvrés.',
      "Pouvez-vous m'indiquer votre numéro de commande ?",
      'Je vous ai envoyé le devis par e-mail.',
      "N'hésitez pas si vous avez d'autres questions.",
      'Votre colis sera livré demain.',
      'Essayez de vous déconnecter puis de vous reconnecter, cela devrait suffire.',
    ],
    subjects: ['Commande n° 4821 non livrée', 'Double prélèvement', 'Question sur la facturation annuelle',
      'Demande de devis', 'Problème de connexion', 'Colis endommagé', 'Résiliation de mon abonnement'],
    callMissed: 'Appel manqué',
    callIn: 'Appel entrant',
    callOut: 'Appel sortant',
    notes: ['Client rappelé, tout est réglé.', 'Client important : priorité haute.', 'Avoir validé par la compta.'],
  },
  es: {
    first: ['José', 'María', 'Lucía', 'Sofía', 'Martín', 'Mateo', 'Valentina', 'Camila', 'Alejandro', 'Diego',
      'Carmen', 'Javier', 'Andrés', 'Paula', 'Raúl', 'Inés', 'Álvaro', 'Nicolás', 'Ángela', 'Tomás'],
    last: ['Ramírez', 'García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Díaz',
      'Hernández', 'Muñoz', 'Álvarez', 'Romero', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ruiz',
      'Jiménez', 'Castillo'],
    countries: ['ES', 'ES', 'MX', 'MX', 'AR', 'CO', 'CL'],
    mailDomains: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net', 'outlook.es'],
    inbound: [
      'Hola, mi pedido n.º 4821 todavía no ha llegado.',
      'Me han cobrado dos veces este mes, ¿podéis devolverme uno de los pagos?',
      '¿El plan Pro está disponible con facturación anual?',
      'La aplicación me cierra la sesión desde la última actualización.',
      '¿Puedo cambiar la dirección de entrega?',
      '¡Gracias, ya funciona!',
      'Me gustaría reservar una demostración para mi equipo.',
      '¿Cómo descargo mis facturas en PDF?',
      'No me llega el correo para restablecer la contraseña.',
      '¿Cuál es vuestro horario los sábados?',
      '¿Podrían enviarme un presupuesto para 25 licencias?',
      'El paquete llegó dañado, ¿qué hago?',
      '¿Cómo cancelo mi suscripción?',
      'Hola, ¿hay alguien ahí?',
    ],
    outbound: [
      '¡Gracias por escribirnos! Lo reviso ahora mismo.',
      'Ya hemos emitido el reembolso, lo verás en 3-5 días hábiles.',
      '¿Me puedes indicar tu número de pedido?',
      'Te he enviado el presupuesto por correo.',
      'Si necesitas algo más, aquí estamos.',
      'Tu paquete llegará mañana.',
      'Prueba a cerrar sesión y volver a entrar, debería solucionarse.',
    ],
    subjects: ['Pedido n.º 4821 sin entregar', 'Cobro duplicado', 'Pregunta sobre facturación anual',
      'Solicitud de presupuesto', 'Problema para iniciar sesión', 'Paquete dañado', 'Cancelar suscripción'],
    callMissed: 'Llamada perdida',
    callIn: 'Llamada entrante',
    callOut: 'Llamada saliente',
    notes: ['Cliente confirmado por teléfono.', 'Cliente VIP: atender con cuidado.', 'Reembolso aprobado.'],
  },
};

/** Inbound text for simulated traffic, so live messages read like the rest. */
export function demoInboundText(lang: 'en' | 'fr' | 'es', pick: number): string {
  const pool = POOLS[lang].inbound;
  return at(pool, Math.abs(Math.floor(pick)) % pool.length);
}

/** Agent replies for simulated traffic. */
export function demoReplyText(lang: 'en' | 'fr' | 'es', pick: number): string {
  const pool = POOLS[lang].outbound;
  return at(pool, Math.abs(Math.floor(pick)) % pool.length);
}

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const ASCII_FIRST: Record<Lang, readonly string[]> = {
  en: POOLS.en.first.map(ascii), fr: POOLS.fr.first.map(ascii), es: POOLS.es.first.map(ascii),
};
const ASCII_LAST: Record<Lang, readonly string[]> = {
  en: POOLS.en.last.map(ascii), fr: POOLS.fr.last.map(ascii), es: POOLS.es.last.map(ascii),
};

const COMPANIES: Record<Lang, readonly string[]> = {
  en: ['Acme Corp', 'Globex', 'Initech', 'Northwind Traders', 'Umbrella Health', 'Blue Harbor Hotels'],
  fr: ['Boulangerie Martin', 'Café du Port', 'Atelier Lumière', 'Transports Giraud', 'Pharmacie Centrale'],
  es: ['Transportes Ibéricos', 'Clínica Sol', 'Hotel Miramar', 'Ferretería López', 'Viajes Alborada'],
};

// Shared, frozen values: 100,000 conversations point at a handful of these.
const freezeAll = <T extends object>(items: T[]): readonly T[] => Object.freeze(items.map((i) => Object.freeze(i)));
const LABEL_SETS = freezeAll<readonly string[]>([
  ['billing'], ['bug'], ['lead'], ['vip'], ['refund', 'billing'], ['shipping'], ['lead', 'vip'],
  ['feature-request'], ['shipping', 'refund'], ['onboarding'],
]);
const CUSTOM_SETS = freezeAll<Record<string, CustomValue>>([
  { plan: 'Pro' }, { plan: 'Free' }, { plan: 'Enterprise', seats: 25 }, { region: 'EMEA' },
  { plan: 'Pro', renewal: true },
]);
const ATTRIBUTE_SETS = freezeAll<Record<string, string>>([
  { plan: 'Pro' }, { customerSince: '2021' }, { source: 'Referral' }, { plan: 'Enterprise', segment: 'B2B' },
]);
const TAG_SETS = freezeAll<readonly string[]>([['vip'], ['newsletter'], ['reseller'], ['vip', 'reseller']]);
const PRIORITY_TABLE: readonly Priority[] = [
  ...Array<Priority>(70).fill('none'), ...Array<Priority>(10).fill('low'), ...Array<Priority>(10).fill('medium'),
  ...Array<Priority>(7).fill('high'), ...Array<Priority>(3).fill('urgent'),
];

const T = (id: string, name: string, memberIds: readonly Id[]): Team => ({ id, name, memberIds: Object.freeze(memberIds) });
const TEAMS: readonly Team[] = Object.freeze([
  T('t-support', 'Support', ['u-lea', 'u-hugo', 'u-sam', 'u-lucia', 'u-claire']),
  T('t-sales', 'Sales', ['u-tom', 'u-olivia', 'u-marc']),
  T('t-latam', 'Soporte LATAM', ['u-lucia', 'u-diego']),
]);

function user(u: Omit<User, 'avatar' | 'awayReason' | 'canSeeBlocked'> & Partial<User>): User {
  return Object.freeze({ ...u, teamIds: Object.freeze([...u.teamIds]) });
}
const USERS: readonly User[] = Object.freeze([
  user({ id: 'u-ana', name: 'Ana Martín', role: 'owner', visibility: 'all', teamIds: [], active: true, availability: 'available' }),
  user({ id: 'u-marc', name: 'Marc Dubois', role: 'manager', visibility: 'all', teamIds: ['t-sales'], active: true, availability: 'available' }),
  user({ id: 'u-lea', name: 'Léa Rousseau', role: 'agent', visibility: 'all', teamIds: ['t-support'], active: true, availability: 'available', canSeeBlocked: true }),
  user({ id: 'u-tom', name: 'Tom Harris', role: 'agent', visibility: 'team', teamIds: ['t-sales'], active: true, availability: 'available' }),
  user({ id: 'u-sam', name: 'Sam Wilson', role: 'agent', visibility: 'self', teamIds: ['t-support'], active: true, availability: 'available' }),
  user({ id: 'u-lucia', name: 'Lucía Fernández', role: 'agent', visibility: 'all', teamIds: ['t-support', 't-latam'], active: true, availability: 'available' }),
  user({ id: 'u-hugo', name: 'Hugo Bernard', role: 'agent', visibility: 'team', teamIds: ['t-support'], active: true, availability: 'available' }),
  user({ id: 'u-olivia', name: 'Olivia Brown', role: 'agent', visibility: 'all', teamIds: ['t-sales'], active: true, availability: 'away', awayReason: 'lunch' }),
  user({ id: 'u-diego', name: 'Diego Torres', role: 'agent', visibility: 'self', teamIds: ['t-latam'], active: true, availability: 'available' }),
  user({ id: 'u-claire', name: 'Claire Petit', role: 'agent', visibility: 'all', teamIds: ['t-support'], active: false, availability: 'away' }),
]);
/** Who owns conversations, with weights (Sam and Diego own enough for a `self` demo). */
const ASSIGNEES: readonly Id[] = [
  'u-lea', 'u-lea', 'u-lea', 'u-tom', 'u-tom', 'u-sam', 'u-sam', 'u-lucia', 'u-lucia', 'u-hugo', 'u-hugo',
  'u-olivia', 'u-diego', 'u-marc', 'u-ana',
];
const MENTIONABLE: readonly Id[] = ['u-sam', 'u-tom', 'u-lea', 'u-hugo', 'u-diego', 'u-marc'];
/** One frozen assignee object per user and bot, shared by all their conversations. */
const USER_ASSIGNEE = new Map<Id, Assignee>(ASSIGNEES.map((id) => [id, Object.freeze({ type: 'user', id })]));
/** Frozen one-user mention lists, shared. */
const MENTION_LISTS = new Map<Id, readonly Id[]>(MENTIONABLE.map((id) => [id, Object.freeze([id])]));
const USER_NAMES = new Map(USERS.map((u) => [u.id, u.name]));
const TEAM_OF = new Map(USERS.map((u) => [u.id, u.teamIds[0] ?? null]));

const BOTS: readonly Bot[] = Object.freeze([
  Object.freeze({ id: 'b-welcome', name: 'Welcome bot' }),
  Object.freeze({ id: 'b-faq', name: 'FAQ assistant' }),
]);
const BOT_ASSIGNEE = new Map<Id, Assignee>(BOTS.map((b) => [b.id, Object.freeze({ type: 'bot', id: b.id })]));

const C = (id: string, kind: ChannelKind, name: string, address: string): Channel => Object.freeze({ id, kind, name, address });
const CHANNELS: readonly Channel[] = Object.freeze([
  C('ch-sms', 'sms', 'Support line (US)', '+1 415 555 0100'),
  C('ch-sms-fr', 'sms', 'Ligne France', '+33 1 86 95 00 00'),
  C('ch-call', 'call', 'Main number', '+1 415 555 0199'),
  C('ch-whatsapp', 'whatsapp', 'WhatsApp Business', '+34 910 555 000'),
  C('ch-email', 'email', 'Support e-mail', 'support@acme.example'),
  C('ch-email-sales', 'email', 'Sales e-mail', 'sales@acme.example'),
  C('ch-chat', 'chat', 'Website chat', 'https://acme.example'),
  C('ch-messenger', 'messenger', 'Facebook Messenger', 'facebook.com/acme'),
  C('ch-instagram', 'instagram', 'Instagram', '@acme'),
  C('ch-x', 'x', 'X (Twitter)', '@acme'),
  C('ch-tiktok', 'tiktok', 'TikTok', '@acme.official'),
  C('ch-form', 'form', 'Contact form', 'https://acme.example/contact'),
]);
/** Channel ids weighted by how much traffic each kind carries; calls have their own category. */
const MESSAGE_CHANNELS: readonly Id[] = [
  ...Array<Id>(9).fill('ch-sms'), ...Array<Id>(16).fill('ch-whatsapp'), ...Array<Id>(14).fill('ch-email'),
  ...Array<Id>(6).fill('ch-email-sales'), ...Array<Id>(16).fill('ch-chat'), ...Array<Id>(8).fill('ch-messenger'),
  ...Array<Id>(6).fill('ch-instagram'), ...Array<Id>(3).fill('ch-x'), ...Array<Id>(3).fill('ch-tiktok'),
  ...Array<Id>(4).fill('ch-form'),
];
const KIND_OF = new Map(CHANNELS.map((c) => [c.id, c.kind]));
const HAS_SUBJECT: ReadonlySet<ChannelKind> = new Set(['email', 'form']);
const CAN_CALL: ReadonlySet<ChannelKind> = new Set(['sms', 'whatsapp', 'call']);

const noSharing = Object.freeze({ everyone: false, userIds: EMPTY, teamIds: EMPTY });
const VIEWS: readonly SavedView[] = Object.freeze([
  // Private to its owner (R14).
  Object.freeze({ id: 'v-lea-urgent', name: 'My urgent', ownerId: 'u-lea', sharedWith: noSharing,
    filters: Object.freeze({ priorities: Object.freeze(['urgent', 'high'] as const), assignees: Object.freeze(['user:u-lea']) }), search: '' }),
  // Shared with one team.
  Object.freeze({ id: 'v-sales-leads', name: 'Hot leads', ownerId: 'u-tom',
    sharedWith: Object.freeze({ everyone: false, userIds: EMPTY, teamIds: Object.freeze(['t-sales']) }),
    filters: Object.freeze({ labels: Object.freeze(['lead']) }), search: '' }),
  // Shared with everyone.
  Object.freeze({ id: 'v-vip', name: 'VIP customers', ownerId: 'u-marc',
    sharedWith: Object.freeze({ everyone: true, userIds: EMPTY, teamIds: EMPTY }),
    filters: Object.freeze({ labels: Object.freeze(['vip']) }), search: '' }),
  // Private to the owner, with a search.
  Object.freeze({ id: 'v-ana-refunds', name: 'Refunds', ownerId: 'u-ana', sharedWith: noSharing,
    filters: Object.freeze({ channelKinds: Object.freeze(['email'] as const) }), search: 'refund' }),
]);

/**
 * Each block of 100 consecutive conversations holds every category in these
 * proportions (shuffled by the seed), so even 200 conversations show them all.
 */
type Category = 'new' | 'waiting' | 'done' | 'sent' | 'bot' | 'snoozed' | 'spam' | 'trash' | 'call' | 'mentioned';
const CATEGORY_COUNTS: readonly [Category, number][] = [
  ['new', 26], ['waiting', 14], ['done', 34], ['sent', 4], ['bot', 4], ['snoozed', 4], ['spam', 3],
  ['trash', 3], ['call', 6], ['mentioned', 2],
];
const CATEGORY_NAMES: readonly Category[] = CATEGORY_COUNTS.map(([category]) => category);

/** Everything timelineFor needs that is not on the conversation itself. */
interface Meta {
  lang: Lang;
  category: Category;
}

export function generateDemoData(options: DemoOptions): DemoData {
  const seed = (options.seed ?? DEMO_DEFAULT_SEED) >>> 0;
  const count = Math.max(1, Math.floor(options.conversations));
  const now = Math.floor(options.now ?? Date.now());
  const rng = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => at(items, Math.floor(rng() * items.length));

  const table: Category[] = [];
  for (const [category, n] of CATEGORY_COUNTS) for (let i = 0; i < n; i++) table.push(category);
  for (let i = table.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [table[i], table[j]] = [at(table, j), at(table, i)];
  }

  // Contacts: about 0.7 per conversation; the first three are the names the docs use.
  const contactCount = Math.max(3, Math.round(count * 0.7));
  const contacts: Contact[] = new Array<Contact>(contactCount);
  const contactLang: Lang[] = new Array<Lang>(contactCount);
  const nameCache = new Map<number, string>();
  for (let k = 0; k < contactCount; k++) {
    const r = rng();
    const lang: Lang = k < 3 ? at(LANGS, k) : r < 0.45 ? 'en' : r < 0.75 ? 'fr' : 'es';
    const pools = POOLS[lang];
    const fi = k < 3 ? 0 : Math.floor(rng() * pools.first.length);
    const li = k < 3 ? 0 : Math.floor(rng() * pools.last.length);
    const key = LANGS.indexOf(lang) * 10_000 + fi * 100 + li;
    let name = nameCache.get(key);
    if (name === undefined) {
      name = `${at(pools.first, fi)} ${at(pools.last, li)}`;
      nameCache.set(key, name);
    }
    const hasPhone = rng() < 0.8;
    const hasEmail = !hasPhone || rng() < 0.6;
    const digits = Math.floor(rng() * 10_000).toString().padStart(4, '0');
    const phone =
      lang === 'en' ? `+1 415 555 ${digits}` :
      lang === 'fr' ? `+33 6 ${digits.slice(0, 2)} ${digits.slice(2)} ${(k % 100).toString().padStart(2, '0')} 12` :
      `+34 612 ${digits.slice(0, 3)} ${digits.slice(3)}${(k % 100).toString().padStart(2, '0')}`;
    const company = rng() < 0.45 ? pick(COMPANIES[lang]) : undefined;
    const email = `${at(ASCII_FIRST[lang], fi)}.${at(ASCII_LAST[lang], li)}${k % 7 === 0 ? '' : k % 97}@${pick(POOLS[lang].mailDomains)}`;
    contactLang[k] = lang;
    contacts[k] = {
      id: `k-${k}`,
      name,
      phones: hasPhone ? [phone] : EMPTY,
      emails: hasEmail ? [email] : EMPTY,
      company,
      country: pick(pools.countries),
      language: lang,
      attributes: rng() < 0.25 ? pick(ATTRIBUTE_SETS) : EMPTY_RECORD,
      tags: rng() < 0.15 ? pick(TAG_SETS) : EMPTY,
      notes: undefined,
      // R8: about 1% of contacts are blocked.
      blocked: k % 97 === 13,
      ownerId: k % 11 === 0 ? pick(ASSIGNEES) : null,
    };
  }

  const conversations: Conversation[] = new Array<Conversation>(count);
  // Kept for timelineFor, one byte a conversation.
  const categories = new Uint8Array(count);
  const longTimelineIds: Id[] = [];
  for (let i = 0; i < count; i++) {
    const category = at(table, i % 100);
    const contactIndex = i < contactCount ? i : Math.floor(rng() * contactCount);
    const lang = at(contactLang, contactIndex);
    const pools = POOLS[lang];
    const channelId = category === 'call' ? 'ch-call' : lang === 'fr' && rng() < 0.3 ? 'ch-sms-fr' : pick(MESSAGE_CHANNELS);
    const kind = get(KIND_OF, channelId);

    // Open work is recent; done work spreads over 120 days.
    let lastAt = now - Math.floor(rng() ** 3 * 14 * DAY) - MINUTE;
    let doneAt: number | null = null;
    let trashedAt: number | null = null;
    let status: 'open' | 'done' = 'open';
    let direction: Direction = 'in';
    let awaiting: 'agent' | 'contact' = 'agent';
    let unread = false;
    let assignee: Assignee | null = null;
    let humanOwned = true;
    let sent = false;
    let spam = false;
    let snoozedUntil: SnoozeUntil | null = null;
    let mentions: readonly Id[] = EMPTY;
    let mentionsUnread: readonly Id[] = EMPTY;
    const assignedUser = (): Assignee => get(USER_ASSIGNEE, pick(ASSIGNEES));

    switch (category) {
      case 'new':
        unread = rng() < 0.6;
        assignee = rng() < 0.3 ? null : assignedUser();
        humanOwned = assignee !== null;
        break;
      case 'waiting':
        direction = 'out';
        awaiting = 'contact';
        assignee = assignedUser();
        break;
      case 'done':
        lastAt = now - Math.floor(rng() * 120 * DAY) - HOUR;
        doneAt = Math.min(now, lastAt + Math.floor(rng() * 2 * DAY));
        status = 'done';
        direction = rng() < 0.7 ? 'out' : 'in';
        awaiting = direction === 'out' ? 'contact' : 'agent';
        assignee = rng() < 0.1 ? null : assignedUser();
        break;
      case 'sent':
        // R9: we wrote first and nobody answered yet.
        direction = 'out';
        awaiting = 'contact';
        sent = true;
        assignee = assignedUser();
        break;
      case 'bot':
        // R12: a bot owns it and no person has yet.
        assignee = get(BOT_ASSIGNEE, rng() < 0.5 ? 'b-welcome' : 'b-faq');
        humanOwned = false;
        direction = rng() < 0.5 ? 'out' : 'in';
        unread = direction === 'in';
        break;
      case 'snoozed':
        // R18: a time in the next week, or the contact's next message.
        snoozedUntil = rng() < 0.6 ? now + HOUR + Math.floor(rng() * 7 * DAY) : 'next-message';
        direction = rng() < 0.5 ? 'out' : 'in';
        awaiting = direction === 'out' ? 'contact' : 'agent';
        assignee = assignedUser();
        break;
      case 'spam':
        lastAt = now - Math.floor(rng() * 60 * DAY) - HOUR;
        spam = true;
        humanOwned = false;
        break;
      case 'trash':
        // R6: a third are past the 30-day purge, waiting for the next tick.
        trashedAt = now - (rng() < 0.35 ? 31 * DAY + Math.floor(rng() * 14 * DAY) : Math.floor(rng() * 29 * DAY)) - HOUR;
        lastAt = trashedAt - Math.floor(rng() * 10 * DAY) - MINUTE;
        assignee = rng() < 0.5 ? null : assignedUser();
        humanOwned = assignee !== null;
        break;
      case 'call':
        direction = rng() < 0.7 ? 'in' : 'out';
        if (rng() < 0.5) {
          status = 'done';
          lastAt = now - Math.floor(rng() * 60 * DAY) - HOUR;
          doneAt = Math.min(now, lastAt + Math.floor(rng() * HOUR));
          assignee = assignedUser();
          awaiting = direction === 'out' ? 'contact' : 'agent';
        } else if (direction === 'in') {
          unread = true;
          assignee = rng() < 0.5 ? null : assignedUser();
          humanOwned = assignee !== null;
        } else {
          awaiting = 'contact';
          assignee = assignedUser();
        }
        break;
      case 'mentioned': {
        // R20: someone asked a colleague in a comment, on a conversation that colleague does not own.
        assignee = assignedUser();
        let mentioned = pick(MENTIONABLE);
        if (mentioned === assignee.id) mentioned = mentioned === 'u-sam' ? 'u-tom' : 'u-sam';
        mentions = get(MENTION_LISTS, mentioned);
        mentionsUnread = rng() < 0.6 ? mentions : EMPTY;
        unread = rng() < 0.5;
        break;
      }
    }

    const longTimeline =
      longTimelineIds.length < 3 && i >= 3 && (category === 'new' || category === 'waiting' || category === 'done');
    const createdAt = lastAt - (longTimeline ? 60 * DAY : Math.floor(rng() * 7 * DAY));
    const preview =
      kind === 'call'
        ? direction === 'out' ? pools.callOut : status === 'open' ? pools.callMissed : pools.callIn
        : direction === 'in' ? pick(pools.inbound) : pick(pools.outbound);
    const call = kind === 'call' ? demoLastCall(mix(seed, i), preview === pools.callMissed, `${demoConversationId(i)}.call`) : undefined;
    const lastMessage: LastMessage = call ? { preview, at: lastAt, direction, kind, call } : { preview, at: lastAt, direction, kind };
    const lastInboundAt = sent ? null : direction === 'in' ? lastAt : lastAt - Math.floor(rng() * 3 * HOUR) - MINUTE;
    const open = status === 'open' && !spam && trashedAt === null;
    const id = demoConversationId(i);
    if (longTimeline) longTimelineIds.push(id);
    categories[i] = CATEGORY_NAMES.indexOf(category);
    conversations[i] = {
      id,
      channelId,
      contactId: at(contacts, contactIndex).id,
      participants: kind === 'email' && i % 17 === 0 ? 3 : 1,
      subject: HAS_SUBJECT.has(kind) ? pick(pools.subjects) : '',
      status,
      unread,
      awaiting,
      assignee,
      teamId: assignee?.type === 'user' ? (TEAM_OF.get(assignee.id) ?? null) : rng() < 0.3 ? 't-support' : null,
      labels: rng() < 0.3 ? pick(LABEL_SETS) : EMPTY,
      priority: at(PRIORITY_TABLE, Math.floor(rng() * 100)),
      pinned: open && i % 97 === 1,
      snoozedUntil,
      mentions,
      mentionsUnread,
      spam,
      trashedAt,
      sent,
      humanOwned,
      lastMessage,
      lastInboundAt,
      awaitingSince: awaiting === 'agent' ? (lastInboundAt ?? lastAt) : lastAt,
      createdAt,
      doneAt,
      custom: rng() < 0.2 ? pick(CUSTOM_SETS) : EMPTY_RECORD,
      version: 1,
    };
  }

  const snapshot: Snapshot = {
    users: USERS,
    bots: BOTS,
    teams: TEAMS,
    channels: CHANNELS,
    contacts,
    conversations,
    views: VIEWS,
    settings: DEFAULT_SETTINGS,
  };
  const long = new Set(longTimelineIds);

  function timelineFor(conversationId: Id): TimelineItem[] {
    if (!conversationId.startsWith('c-')) return [];
    const index = Number(conversationId.slice(2));
    if (!Number.isInteger(index) || index < 0 || index >= count || demoConversationId(index) !== conversationId) {
      return [];
    }
    const c = at(conversations, index);
    const meta: Meta = { lang: contactLang[Number(c.contactId.slice(2))] ?? 'en', category: at(CATEGORY_NAMES, categories[index] ?? 0) };
    return buildTimeline(c, meta, mix(seed, index), long.has(conversationId));
  }

  return { snapshot, timelineFor, longTimelineIds };
}

/**
 * How a call conversation's last call went (its LastMessage.call), from a
 * seed of its own so the snapshot's other draws stay as they were: a missed
 * one left a voicemail one time in three; one talked on lasted 45 s to
 * 11 min and was recorded three times in ten. buildTimeline gives the
 * timeline's last item this call's id (`<conversation>.call`).
 */
function demoLastCall(seed: number, missed: boolean, itemId: Id): LastCall {
  const rng = mulberry32(seed ^ 0x5bd1e995);
  const recorded = rng() < (missed ? 0.34 : 0.3);
  const duration = missed ? (recorded ? 8 + Math.floor(rng() * 50) : 0) : 45 + Math.floor(rng() * 600);
  return { itemId, state: missed ? 'missed' : 'ended', duration, recording: recorded };
}

/**
 * Rebuilds one conversation's history from its own seed: messages both
 * ways ending on exactly its lastMessage, calls on channels that carry them,
 * comments (with the conversation's mentions), a note on a message, and the
 * events its current state implies (done, snoozed, spam, trash).
 */
function buildTimeline(c: Conversation, meta: Meta, seed: number, long: boolean): TimelineItem[] {
  const rng = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => at(items, Math.floor(rng() * items.length));
  const pools = POOLS[meta.lang];
  const kind = KIND_OF.get(c.channelId) ?? 'chat';
  // Every demo conversation has a last message; the fallback only satisfies the types.
  const last: LastMessage = c.lastMessage ?? { preview: '', at: c.createdAt, direction: 'in', kind };
  const agentId = c.assignee?.id ?? 'u-lea';
  const humanId = c.assignee?.type === 'user' ? c.assignee.id : 'u-lea';

  const trailing: { kind: EventKind; at: number; actorId: Id | null; detail?: string }[] = [];
  if (c.status === 'done' && c.doneAt !== null) trailing.push({ kind: 'done', at: Math.max(c.doneAt, last.at + 1), actorId: humanId });
  if (c.snoozedUntil !== null) {
    trailing.push({ kind: 'snoozed', at: last.at + 1, actorId: humanId, detail: String(c.snoozedUntil) });
  }
  if (c.spam) trailing.push({ kind: 'spam', at: last.at + 1, actorId: null });
  if (c.trashedAt !== null) trailing.push({ kind: 'trashed', at: Math.max(c.trashedAt, last.at + 1), actorId: humanId });
  trailing.sort((a, b) => a.at - b.at);
  trailing.forEach((event, t) => {
    const previous = trailing[t - 1];
    if (previous && event.at <= previous.at) event.at = previous.at + 1;
  });

  const total = long ? DEMO_LONG_TIMELINE_LENGTH : 3 + Math.floor(rng() ** 2 * 38);
  const body = Math.max(2, total - trailing.length);
  const start = Math.min(c.createdAt, last.at - body * MINUTE);
  const span = last.at - start;
  const items: TimelineItem[] = [];
  let lastMessageId: Id | null = null;
  let direction: Direction = c.sent ? 'out' : 'in';
  const mentionAt = c.mentions.length > 0 ? Math.max(0, body - 2) : -1;
  const assignAt = c.assignee && body > 3 ? 1 : -1;

  for (let j = 0; j < body - 1; j++) {
    const at = start + Math.floor((span * j) / (body - 1));
    const id = `${c.id}.${j}`;
    const conversationId = c.id;
    if (j === mentionAt) {
      const names = c.mentions.map((m) => `@${USER_NAMES.get(m) ?? m}`).join(' ');
      items.push({ type: 'comment', id, conversationId, at, authorId: humanId === c.mentions[0] ? 'u-lea' : humanId,
        body: `${names} could you take a look at this one?`, mentions: c.mentions });
      continue;
    }
    if (j === assignAt) {
      items.push({ type: 'event', id, conversationId, at, kind: 'assigned', actorId: null,
        detail: c.assignee ? `${c.assignee.type}:${c.assignee.id}` : undefined });
      continue;
    }
    // A conversation opens with a message; internal items come later.
    const r = j === 0 ? 1 : rng();
    if (lastMessageId !== null && r < 0.04) {
      items.push({ type: 'note', id, conversationId, at, messageId: lastMessageId, authorId: humanId,
        body: pick(pools.notes), editedAt: null });
    } else if (r < 0.1) {
      items.push({ type: 'comment', id, conversationId, at, authorId: humanId,
        body: 'Checked the account, nothing unusual.', mentions: EMPTY });
    } else if (r < 0.13) {
      items.push({ type: 'event', id, conversationId, at, kind: pick(['priority', 'labels', 'waiting', 'unread'] as const),
        actorId: humanId });
    } else if ((kind === 'call' || (CAN_CALL.has(kind) && r < 0.2)) && !c.sent) {
      const state: CallState = rng() < 0.25 ? 'missed' : 'ended';
      items.push({ type: 'call', id, conversationId, at, direction, state,
        duration: state === 'ended' ? 30 + Math.floor(rng() * 900) : 0,
        agentId: state === 'ended' ? humanId : null, recording: state === 'ended' && rng() < 0.3 });
      direction = direction === 'in' ? 'out' : 'in';
    } else {
      const inbound = direction === 'in';
      items.push({ type: 'message', id, conversationId, at, direction, channelKind: kind === 'call' ? 'sms' : kind,
        senderId: inbound ? c.contactId : agentId,
        body: inbound ? pick(pools.inbound) : pick(pools.outbound),
        html: kind === 'email' && inbound ? `<p>${pick(pools.inbound)}</p>` : undefined,
        attachments: EMPTY });
      lastMessageId = id;
      // Mostly alternating, sometimes two in a row; Sent never hears back (R9).
      if (!c.sent && rng() < 0.8) direction = inbound ? 'out' : 'in';
    }
  }

  // The newest message is exactly the conversation's lastMessage.
  const lastId = `${c.id}.${body - 1}`;
  if (last.kind === 'call') {
    const call = last.call ?? demoLastCall(seed, last.preview === pools.callMissed, lastId);
    items.push({ type: 'call', id: call.itemId, conversationId: c.id, at: last.at, direction: last.direction, state: call.state,
      duration: call.duration, agentId: call.state === 'ended' ? humanId : null, recording: call.recording });
  } else {
    items.push({ type: 'message', id: lastId, conversationId: c.id, at: last.at, direction: last.direction,
      channelKind: last.kind, senderId: last.direction === 'in' ? c.contactId : agentId, body: last.preview,
      html: undefined, attachments: EMPTY });
  }
  trailing.forEach((e, t) => {
    items.push({ type: 'event', id: `${c.id}.${body + t}`, conversationId: c.id, at: e.at, kind: e.kind,
      actorId: e.actorId, detail: e.detail });
  });
  return items;
}
