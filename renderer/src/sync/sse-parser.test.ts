import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse-parser';

function parseAll(chunks: string[]): { events: SseEvent[]; comments: string[] } {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const parser = createSseParser({ onEvent: (e) => events.push(e), onComment: (c) => comments.push(c) });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { events, comments };
}

describe('createSseParser', () => {
  it('dispatches data lines at a blank line, joining several with a line feed', () => {
    const { events } = parseAll(['data: {"type":"resync"}\n\ndata: a\ndata:b\n\n']);
    expect(events).toEqual([
      { event: 'message', data: '{"type":"resync"}', id: '' },
      { event: 'message', data: 'a\nb', id: '' },
    ]);
  });

  it('reads event names and ids, and reports comments (heartbeats)', () => {
    const { events, comments } = parseAll([': ping\n', 'event: change\nid: 7\ndata: x\n\n', 'data: y\n\n']);
    expect(comments).toEqual(['ping']);
    expect(events).toEqual([
      { event: 'change', data: 'x', id: '7' },
      { event: 'message', data: 'y', id: '7' },
    ]);
  });

  it('accepts CR, LF and CR LF line ends, also when a CR LF pair is split between chunks', () => {
    const { events } = parseAll(['data: one\r', '\n\r', '\ndata: two\r\rdata: three\n\n']);
    expect(events.map((e) => e.data)).toEqual(['one', 'two', 'three']);
  });

  it('ignores blank lines without data and drops an unfinished event at the end', () => {
    const { events } = parseAll(['\n\n\nretry: 100\n\ndata: half']);
    expect(events).toEqual([]);
  });

  it('keeps colons inside values and strips only one leading space', () => {
    const { events } = parseAll(['data:  {"a":"b:c"}\n\n']);
    expect(events[0]?.data).toBe(' {"a":"b:c"}');
  });

  it('gives the same events however the stream is split into chunks (property)', () => {
    const payloads = fc.array(fc.string({ unit: fc.constantFrom('a', 'é', '{', '"', ':', ' ', '😀') , maxLength: 12 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(payloads, fc.constantFrom('\n', '\r\n', '\r'), fc.array(fc.nat(), { maxLength: 8 }), (datas, eol, cuts) => {
        const text = datas.map((d) => `: hb${eol}data: ${d}${eol}${eol}`).join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let at = 0;
        for (const p of points) {
          chunks.push(text.slice(at, p));
          at = p;
        }
        chunks.push(text.slice(at));
        expect(parseAll(chunks).events.map((e) => e.data)).toEqual(datas);
      }),
    );
  });
});
