import { createContext } from '@lit/context';
import type { InboxStore } from '../store/inbox-store.js';

/**
 * The store an `<inbox-provider>` hands to its subtree. The context carries
 * the store object itself, a stable reference; elements subscribe to its
 * observables through StoreController.
 */
export const storeContext = createContext<InboxStore | undefined>(Symbol('inbox-store'));
