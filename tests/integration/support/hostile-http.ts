// A local HTTP server that answers each path as a test says, however wrongly (compressed
// error pages, redirects, odd charsets, broken bodies): started on 127.0.0.1 for a test
// file, with a count of the requests each path got.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export type Answer = (req: IncomingMessage, res: ServerResponse) => void;

export interface HostileServer {
  /** http://127.0.0.1:PORT/bank-connect */
  readonly url: string;
  readonly origin: string;
  /** Answers requests whose path contains `session` with `answer`. */
  answer(session: string, answer: Answer): void;
  requests(session: string): number;
}

export function hostileServerForFile(): HostileServer {
  const answers = new Map<string, Answer>();
  const counts = new Map<string, number>();
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const session = /\/session_data\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? req.url ?? '';
      counts.set(session, (counts.get(session) ?? 0) + 1);
      const answer = answers.get(session);
      if (answer) answer(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  beforeEach(() => counts.clear());
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  return {
    get url() {
      return `${origin}/bank-connect`;
    },
    get origin() {
      return origin;
    },
    answer: (session, answer) => answers.set(session, answer),
    requests: (session) => counts.get(session) ?? 0,
  };
}

/** Sends `body` with these headers and a Content-Length of its bytes (or `length`). */
export function send(
  status: number,
  headers: Record<string, string>,
  body: Buffer | string,
  length?: number,
): Answer {
  return (_req, res) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    res.writeHead(status, { ...headers, 'content-length': String(length ?? bytes.length) });
    res.end(bytes);
  };
}
