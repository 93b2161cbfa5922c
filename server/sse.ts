import type { DomainEvent } from '../src/model/events.js';
import type { ServerMessage } from '../src/protocol/wire.js';

/**
 * Serialization once per event, not once per stream (issue 12, throughput):
 * an event is immutable once MemoryBackend logged it, so its JSON is made
 * once, for the database's log (db.ts) and for every stream that carries it,
 * and its Server-Sent Events frame is encoded once for all of them. The bytes
 * are exactly those of `JSON.stringify(message)`.
 */

/**
 * The newest events' JSON and frames. Bounded (a WeakMap would keep one of
 * each for every event of MemoryBackend's log, tens of megabytes): an event
 * is streamed right after it is logged; an older one, resumed, is made anew.
 */
const CACHED_EVENTS = 4096;
const cache = new Map<DomainEvent, { readonly json: string; frame?: { readonly seq: number; readonly bytes: Buffer } }>();

function cached(event: DomainEvent) {
  let entry = cache.get(event);
  if (entry === undefined) {
    entry = { json: JSON.stringify(event) };
    cache.set(event, entry);
    if (cache.size > CACHED_EVENTS) cache.delete(cache.keys().next().value!);
  }
  return entry;
}

/** `JSON.stringify(event)`, made once per event object. */
export function eventJson(event: DomainEvent): string {
  return cached(event).json;
}

/** A message as one SSE frame, UTF-8: `id: <seq>` for sequenced ones, then `data: <the message's JSON>`. */
export function sseFrame(message: ServerMessage): Buffer {
  if (message.kind !== 'event') {
    const data = JSON.stringify(message);
    return Buffer.from(message.kind === 'presence' ? `data: ${data}\n\n` : `id: ${message.seq}\ndata: ${data}\n\n`);
  }
  const entry = cached(message.event);
  // An event has one seq in practice; the frame is made anew if it ever comes with another.
  if (entry.frame?.seq !== message.seq) {
    // The keys in MemoryBackend's order (kind, seq, event): the same text as JSON.stringify(message).
    const text = `id: ${message.seq}\ndata: {"kind":"event","seq":${message.seq},"event":${entry.json}}\n\n`;
    entry.frame = { seq: message.seq, bytes: Buffer.from(text) };
  }
  return entry.frame.bytes;
}
