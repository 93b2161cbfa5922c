/**
 * Registers `<incoming-calls>` and `<call-card>`, skipping tags already
 * defined. The script-tag bundle loads them on demand (loadCallElements()).
 */
import { defineOnce } from './elements/define-once.js';
import { IncomingCalls } from './elements/incoming-calls/incoming-calls.js';
import { CallCard } from './elements/call-card/call-card.js';

defineOnce('incoming-calls', IncomingCalls);
defineOnce('call-card', CallCard);
