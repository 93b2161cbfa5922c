/**
 * An incremental Server-Sent Events parser (the WHATWG "event stream
 * interpretation", the parts this protocol uses): fed decoded text in
 * arbitrary chunks, it hands back each complete event. Chunks may split a
 * line, a CRLF pair or a multi-byte character (the caller's TextDecoder
 * with `stream: true` takes care of the last).
 */
export interface SseEvent {
  /** The `id:` field, when the event carried one. */
  readonly id: string | undefined;
  readonly event: string;
  readonly data: string;
}

export class SseParser {
  #buffer = '';
  /** A chunk ended in CR: a LF starting the next chunk belongs to it. */
  #pendingCr = false;
  #data: string[] = [];
  #id: string | undefined = undefined;
  #event = '';
  /** The last `id:` seen, as EventSource's lastEventId. */
  lastEventId: string | undefined = undefined;

  push(chunk: string): SseEvent[] {
    let text = chunk;
    if (this.#pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.#pendingCr = false;
    this.#buffer += text;
    const events: SseEvent[] = [];
    let start = 0;
    for (;;) {
      const cr = this.#buffer.indexOf('\r', start);
      const lf = this.#buffer.indexOf('\n', start);
      if (cr < 0 && lf < 0) break;
      const end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      const line = this.#buffer.slice(start, end);
      if (this.#buffer[end] === '\r') {
        if (end + 1 < this.#buffer.length) {
          start = this.#buffer[end + 1] === '\n' ? end + 2 : end + 1;
        } else {
          start = end + 1;
          this.#pendingCr = true;
        }
      } else {
        start = end + 1;
      }
      const event = this.#line(line);
      if (event) events.push(event);
    }
    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  #line(line: string): SseEvent | null {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return null; // a comment: heartbeats
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    else if (field === 'event') this.#event = value;
    return null;
  }

  #dispatch(): SseEvent | null {
    const id = this.#id;
    if (id !== undefined) this.lastEventId = id;
    const data = this.#data;
    const event = this.#event;
    this.#data = [];
    this.#id = undefined;
    this.#event = '';
    if (data.length === 0) return null;
    return { id, event: event || 'message', data: data.join('\n') };
  }
}
