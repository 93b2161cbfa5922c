/**
 * Registers `<incoming-calls>` and `<call-card>`, skipping tags already
 * defined, and the calls' rules (model/rules.calls.ts), so that a store in
 * this page applies a call command at once. The script-tag bundle loads them
 * on demand (loadCallElements()).
 */
import { defineOnce } from './elements/define-once.js';
import { IncomingCalls } from './elements/incoming-calls/incoming-calls.js';
import { CallCard } from './elements/call-card/call-card.js';
import { addPersonRules } from './model/rules.js';
import { CALL_RULES } from './model/rules.calls.js';

addPersonRules(CALL_RULES);
defineOnce('incoming-calls', IncomingCalls);
defineOnce('call-card', CallCard);
