/**
 * `npm start`: the inbox on the embedded MemoryTransport with a few
 * thousand demo conversations and simulated live traffic. Until the
 * inbox elements land (issue 3), <demo-preview> is a plain page over the
 * store; it re-implements no rule, it only reads selectors and dispatches.
 */
import '../src/define.js';
import './demo-preview.js';
