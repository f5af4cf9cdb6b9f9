/**
 * HTTP/1.1 over a bare TCP socket, for tests that must control when (and whether) a body is
 * sent: `announce` sends only the request head (with the Content-Length a client claims) and
 * reads the answer the server gives without having received a byte of the body.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Body bytes the client had written when the answer arrived. */
  bodyBytesSent: number;
  /** The server closed the connection after answering. */
  closedByServer: boolean;
}

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Body to send after the head; with `announceOnly` none is sent. */
  body?: string;
  announceOnly?: boolean;
}

export function rawRequest(baseUrl: string, request: RawRequest, timeoutMs = 20_000): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    let received = Buffer.alloc(0);
    let sent = 0;
    let settled = false;
    const timer = setTimeout(() => finish(new Error(`no answer within ${timeoutMs} ms to ${request.method} ${request.path}`)), timeoutMs);
    const parse = (): Omit<RawAnswer, 'closedByServer'> | null => {
      const text = received.toString('latin1');
      const headEnd = text.indexOf('\r\n\r\n');
      if (headEnd === -1) return null;
      const [statusLine, ...lines] = text.slice(0, headEnd).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 'NaN');
      const body = received.subarray(Buffer.byteLength(text.slice(0, headEnd + 4), 'latin1'));
      if (Number.isFinite(length) && body.length < length) return null;
      return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0), headers, body: body.toString('utf8'), bodyBytesSent: sent };
    };
    const finish = (error: Error | null, closed = false) => {
      if (settled) return;
      const answer = parse();
      if (error === null && answer === null) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error !== null && answer === null) reject(error);
      else resolve({ ...(answer as Omit<RawAnswer, 'closedByServer'>), closedByServer: closed });
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = parse();
      // Wait a moment for the server's FIN when it said it closes the connection.
      if (answer !== null && answer.headers.connection !== 'close') finish(null);
    });
    socket.on('end', () => finish(null, true));
    socket.on('close', () => finish(new Error('connection closed without an answer'), true));
    socket.on('error', (error) => finish(error, true));
    socket.on('connect', () => {
      const head = [`${request.method} ${request.path} HTTP/1.1`, `host: ${url.host}`, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
      socket.write(head);
      if (request.body !== undefined && request.announceOnly !== true) {
        socket.write(request.body);
        sent = Buffer.byteLength(request.body);
      }
    });
  });
}
