/**
 * Incremental parser for `text/event-stream` (the HTML Server-Sent Events format), fed with the
 * decoded text chunks of a fetch body as they arrive. Chunks may split lines, fields and even a
 * CR LF pair anywhere. Pure: no DOM, no timers.
 */

export interface SseEvent {
  /** `event:` field ('message' when absent). */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen on the stream ('' when none). */
  id: string;
}

export interface SseParser {
  /** Feeds the next decoded chunk; dispatches every event completed by it. */
  push(chunk: string): void;
  /** The stream ended: an event without its closing blank line is dropped (as browsers do). */
  end(): void;
}

export interface SseHandlers {
  onEvent(event: SseEvent): void;
  /** A `:` comment line (servers send them as heartbeats). */
  onComment?(text: string): void;
}

export function createSseParser(handlers: SseHandlers): SseParser {
  let buffer = '';
  /** The previous chunk ended with CR: a LF at the start of the next one belongs to it. */
  let pendingCr = false;
  let data: string[] = [];
  let eventType = '';
  let lastId = '';

  const dispatch = (): void => {
    if (data.length > 0) handlers.onEvent({ event: eventType || 'message', data: data.join('\n'), id: lastId });
    data = [];
    eventType = '';
  };

  const line = (text: string): void => {
    if (text === '') {
      dispatch();
      return;
    }
    if (text.startsWith(':')) {
      handlers.onComment?.(text.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'event') eventType = value;
    else if (field === 'id' && !value.includes('\u0000')) lastId = value;
    // `retry:` and unknown fields are ignored: reconnection timing is the reader's back-off.
  };

  return {
    push(chunk: string): void {
      let text = chunk;
      if (pendingCr && text.startsWith('\n')) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i += 1) {
        const c = buffer.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        line(buffer.slice(start, i));
        if (c === 13) {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer.charCodeAt(i + 1) === 10) i += 1;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    end(): void {
      buffer = '';
      data = [];
      eventType = '';
      pendingCr = false;
    },
  };
}
