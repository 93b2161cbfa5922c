import { LitElement, type PropertyDeclarations } from 'lit';
import type { Id } from '../model/types.js';
import type { InboxStore } from '../store/inbox-store.js';
import { DEFAULT_DEMO_CONVERSATIONS, DEMO_USER_IDS } from '../backend/demo-defaults.js';

/**
 * What names a store, shared by `<inbox-provider>`, which builds it, and
 * `<inbox-app>`, which hands it to the provider inside it: a store given as
 * `.store`, or the attributes of a page without JavaScript, `demo` (the
 * embedded MemoryTransport) or `endpoint` (HttpTransport), and the
 * language. Not an element of its own.
 */
export class StoreSource extends LitElement {
  static override properties: PropertyDeclarations = {
    store: { attribute: false },
    demo: { type: Boolean },
    user: {},
    conversations: { type: Number },
    traffic: { type: Number },
    endpoint: {},
    token: {},
    locale: {},
  };

  /** The store given by the host; else one is built from the attributes below. */
  store: InboxStore | undefined;

  /** Build a demo store on the embedded MemoryTransport, with seeded demo data. */
  demo = false;

  /** The current user's id. */
  user: Id = DEMO_USER_IDS.owner;

  /** How many demo conversations (200 to 100,000). */
  conversations = DEFAULT_DEMO_CONVERSATIONS;

  /** Simulated traffic of the demo backend, in commands per second (0: none). */
  traffic = 0;

  /** The reference server's base URL, for `HttpTransport`. */
  endpoint: string | undefined;

  /** The bearer token sent to `endpoint`; it decides who the user is on the server. */
  token = '';

  /** The language of the elements: `en`, `fr` or `es`. */
  locale: string | undefined;
}
