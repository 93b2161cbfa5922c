/**
 * The npm entry of inbox-elements: the whole public API (listed once, by
 * name, in api.ts) plus the transport classes. No side effects: tags are
 * registered by `inbox-elements/define` (src/define.ts).
 */
// api.ts is the explicit list; re-exporting it whole keeps one list, not two.
export * from './api.js';
export * from './conversation.js';
export * from './contact.js';
export * from './overlays.js';
export * from './pickers.js';
export * from './calls.js';
export * from './stats.js';
export { MemoryTransport, type MemoryTransportOptions } from './transport/memory/memory-transport.js';
export { HttpTransport, HttpError, type HttpTransportOptions } from './transport/http/http-transport.js';
export { MemoryBackend } from './backend/memory-backend.js';
export { generateDemoData } from './backend/demo-data.js';
export { parseCommand } from './protocol/command-schema.js';
export { decideAsBackend, applyAsBackend } from './model/rules.backend.js';
export { parseServerMessage, parseCommandAck, parseTimelinePage } from './protocol/protocol.js';
