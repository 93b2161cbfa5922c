/**
 * What `loadMemoryTransport()` resolves to: the embedded transport, its
 * backend and the seeded demo data generator, the largest part of the library
 * and one a page on a real backend never runs. The script-tag bundle keeps it
 * in a chunk of its own; `<inbox-provider demo>` loads it when asked.
 */
export { MemoryTransport, DEFAULT_DEMO_CONVERSATIONS, type MemoryTransportOptions } from './memory-transport.js';
export { MemoryBackend } from '../../backend/memory-backend.js';
export { generateDemoData, DEMO_USER_IDS } from '../../backend/demo-data.js';
// The backend's check of incoming commands, for hosts that run a backend of their own on the bundle.
export { parseCommand } from '../../protocol/command-schema.js';
// The rules of what only a backend decides (inbound traffic, the clock), on top of a person's.
export { decideAsBackend, applyAsBackend } from '../../model/rules.backend.js';
