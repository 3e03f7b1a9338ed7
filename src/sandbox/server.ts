// A BankConnect-compatible server on loopback: session_status, both data endpoints
// (subscribed_data and its successor insights, each in its own shape), progress/, the
// presigned links to FinBox's own report, the documented error bodies and status codes,
// built-in demo sessions and fault sessions. The desktop app's Sandbox profile, the tests and the benchmarks use it.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { API_ERRORS, type ApiErrorCode } from '@shared/api/error-codes';
import type { SessionStatusResponse } from '@shared/api/schemas';
import { echoedHeadersBody, ENDLESS_HEAD, ENDLESS_ITEM, faultAction, faultOf } from './faults';
import type { GeneratedSession, ServedSession } from './generator';
import { insightsResponse } from './insights-shape';
import { jsonByteLength, writeJson } from './json-stream';
import { expiredReportBody, REPORT_LINK_LIFETIME_MS, reportWorkbook } from './report-file';
import { sendPacked, startPacking, type PackedAnswer } from './packed-answer';
import { builtInSession, DEMO_RETAIL_PLAN, servedLargeSession } from './sessions';
import { generateSession } from './generator';

export interface SandboxOptions {
  readonly apiKey: string;
  readonly serverHash: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Requests answered PROCESSING_NOT_COMPLETED before `demo-processing` completes. */
  readonly processingPolls?: number;
  readonly clock?: () => Date;
  /** Whether `progress/` is answered (default true); false answers 404 as older servers do. */
  readonly progress?: boolean;
}

export interface SandboxServer {
  /** Base URL to give a client, e.g. `http://127.0.0.1:4010/bank-connect`. */
  readonly url: string;
  readonly port: number;
  /** Requests received, by path (tests read it to count retries and polls). */
  readonly requests: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

const ROUTE =
  /^\/bank-connect\/(v\d+)\/session_data\/([^/]+)\/(session_status|subscribed_data|insights|progress|delete)\/?$/;
const REPORT_ROUTE = /^\/bank-connect\/reports\/([^/]+)\/([^/]+)\/report\.xlsx$/;

const insightsBodies = new WeakMap<GeneratedSession, Record<string, unknown>>();

/** The session in the Insights shape (built once per session, links added per request). */
function insightsOf(session: GeneratedSession): Record<string, unknown> {
  let body = insightsBodies.get(session);
  if (!body) insightsBodies.set(session, (body = insightsResponse(session.subscribed)));
  return body;
}

/** progress/: the session's stage, and per statement the stages FinBox reports. */
function progressBody(status: SessionStatusResponse, sessionId: string, done: boolean): unknown {
  const stage = done ? 'completed' : 'processing';
  return {
    session_id: sessionId,
    session_progress: stage,
    statements: status.accounts.flatMap((a) =>
      (a.statements ?? []).map((s) => ({
        statement_id: s.statement_id,
        account_id: a.account_id,
        identity_status: 'completed',
        transaction_status: 'completed',
        processing_status: stage,
        fraud_status: stage,
      })),
    ),
  };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'application/json',
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** A body that goes on until the client hangs up (fault-endless, fault-huge). */
function streamEndless(res: ServerResponse, declaredBytes: number | null): void {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    ...(declaredBytes === null ? {} : { 'Content-Length': String(declaredBytes) }),
  });
  const block = ENDLESS_ITEM.repeat(256);
  res.write(ENDLESS_HEAD);
  const more = (): void => {
    while (!res.destroyed && res.write(block));
    if (!res.destroyed) res.once('drain', more);
  };
  res.on('close', () => res.removeAllListeners('drain'));
  more();
}

function sendError(res: ServerResponse, code: ApiErrorCode): void {
  const spec = API_ERRORS[code];
  send(res, spec.httpStatus, JSON.stringify({ error: { code, message: spec.message } }));
}

let faultData: GeneratedSession | null = null;
/** Fault sessions serve a small retail session once they stop misbehaving. */
function faultSession(): GeneratedSession {
  faultData ??= generateSession({ ...DEMO_RETAIL_PLAN, sessionId: 'fault' });
  return faultData;
}

export async function startSandboxServer(options: SandboxOptions): Promise<SandboxServer> {
  const clock = options.clock ?? (() => new Date());
  const processingPolls = options.processingPolls ?? 3;
  const requests = new Map<string, number>();
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  /** Sessions a client asked to delete (`DELETE .../delete/`): 410 SESSION_DELETED from then on. */
  const deleted = new Set<string>();

  const count = (key: string): number => {
    const n = (requests.get(key) ?? 0) + 1;
    requests.set(key, n);
    return n;
  };

  /**
   * `insights`: the session in the Insights shape, for the one endpoint that needs it.
   * `packs`: subscribed_data asked for again is packed as it is sent, and later answers
   * come from that (a single fetch, as `bcv fetch --sandbox` makes, packs nothing).
   */
  const serveData = async (
    res: ServerResponse,
    session: ServedSession,
    endpoint: string,
    sessionId: string,
    { insights, packs }: { insights?: () => Record<string, unknown>; packs?: boolean },
  ): Promise<void> => {
    const key = `${endpoint}/${sessionId}`;
    const again = packs === true && endpoint === 'subscribed_data' && asked.has(key);
    if (packs) asked.add(key);
    const kept = again ? packedAnswers.get(session)?.get(key) : undefined;
    if (kept) return sendPacked(res, kept);
    let body = (
      endpoint === 'session_status'
        ? session.status
        : endpoint === 'progress'
          ? progressBody(session.status, sessionId, true)
          : session.subscribed
    ) as Record<string, unknown>;
    if (endpoint === 'insights') {
      if (!insights) throw new Error(`${sessionId}: no Insights shape to serve`);
      const insightsBody = insights();
      const origin = `http://${hostOf(res)}`;
      const expires = clock().getTime() + REPORT_LINK_LIFETIME_MS;
      const link = (accountId: string) =>
        `${origin}/bank-connect/reports/${encodeURIComponent(sessionId)}/${encodeURIComponent(accountId)}/report.xlsx?expires=${expires}`;
      body = {
        ...insightsBody,
        accounts: (insightsBody['accounts'] as { account_id: string; data: object }[]).map((a) => ({
          ...a,
          data: { ...a.data, xlsx_report_url: link(a.account_id) },
        })),
      };
    }
    // The response names the id that was asked for (fault and `~tag` ids included).
    const value = body.session_id === sessionId ? body : { ...body, session_id: sessionId };
    // Announced, as FinBox's server does, so a client can say how far a download is. The
    // count is a serialisation pass of its own: kept for the bodies that never change.
    const fixed = endpoint === 'subscribed_data' || endpoint === 'session_status';
    const lengths = announced.get(session) ?? new Map<string, number>();
    announced.set(session, lengths);
    const length = (fixed ? lengths.get(key) : undefined) ?? jsonByteLength(value);
    if (fixed) lengths.set(key, length);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(length) });
    if (!again) {
      await writeJson(res, value);
      return;
    }
    const packer = startPacking();
    if (!(await writeJson(res, value, packer.add))) return packer.abandon();
    const answers = packedAnswers.get(session) ?? new Map<string, PackedAnswer>();
    packedAnswers.set(session, answers);
    answers.set(key, await packer.finish(length));
  };

  const announced = new WeakMap<ServedSession, Map<string, number>>();
  const packedAnswers = new WeakMap<ServedSession, Map<string, PackedAnswer>>();
  const asked = new Set<string>();
  const hosts = new WeakMap<ServerResponse, string>();
  const hostOf = (res: ServerResponse): string => hosts.get(res) ?? '127.0.0.1';

  // A report is a stored file, as FinBox's are: made once and the same bytes at every fetch
  // (a workbook made again carries a new timestamp, so its SHA-256 would change).
  const storedReports = new Map<string, Promise<Buffer | null>>();
  const storedReport = (session: GeneratedSession, sessionId: string, accountId: string) => {
    const key = `${sessionId}\u0000${accountId}`;
    let bytes = storedReports.get(key);
    if (!bytes) {
      bytes = reportWorkbook(session, accountId);
      storedReports.set(key, bytes);
    }
    return bytes;
  };
  const serveReport = async (res: ServerResponse, url: URL, match: RegExpExecArray) => {
    const expires = Number(url.searchParams.get('expires'));
    if (!Number.isFinite(expires) || expires < clock().getTime()) {
      send(res, 403, expiredReportBody(), 'application/xml');
      return;
    }
    const sessionId = decodeURIComponent(match[1]!).split('~')[0]!;
    const made = builtInSession(sessionId);
    const session = made && 'session' in made ? made.session : null;
    const bytes = session
      ? await storedReport(session, sessionId, decodeURIComponent(match[2]!))
      : null;
    if (!bytes) {
      send(
        res,
        404,
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code></Error>',
        'application/xml',
      );
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Length': bytes.length,
    });
    res.end(bytes);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    hosts.set(res, req.headers.host ?? '127.0.0.1');
    const report = REPORT_ROUTE.exec(url.pathname);
    // A presigned link carries its own authorisation, as S3's do: no API headers.
    if (report && req.method === 'GET') return serveReport(res, url, report);
    const match = ROUTE.exec(url.pathname);
    if (!match) {
      send(res, 404, JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such endpoint' } }));
      return;
    }
    const [, , rawId, endpoint] = match as unknown as [string, string, string, string];
    const allowed = endpoint === 'delete' ? 'DELETE' : 'GET';
    if (req.method !== allowed) {
      send(
        res,
        405,
        JSON.stringify({
          error: { code: 'METHOD_NOT_ALLOWED', message: `Only ${allowed} is supported` },
        }),
        'application/json',
        { Allow: allowed },
      );
      return;
    }
    const sessionId = decodeURIComponent(rawId);
    const key = req.headers['x-api-key'];
    const hash = req.headers['server-hash'];
    if (
      !sameSecret(typeof key === 'string' ? key : undefined, options.apiKey) ||
      !sameSecret(typeof hash === 'string' ? hash : undefined, options.serverHash)
    ) {
      sendError(res, 'ACCESS_DENIED');
      return;
    }
    const attempt = count(`${sessionId}/${endpoint}`);
    const baseId = sessionId.split('~')[0]!;
    if (deleted.has(baseId)) {
      sendError(res, 'SESSION_DELETED');
      return;
    }
    if (endpoint === 'delete') {
      deleted.add(baseId);
      send(res, 200, JSON.stringify({ session_id: sessionId, deleted: true }));
      return;
    }
    if (endpoint === 'progress' && options.progress === false) {
      send(res, 404, '<html><body>Not Found</body></html>', 'text/html');
      return;
    }

    const fault = faultOf(baseId);
    if (fault) {
      const action = faultAction(fault, attempt, clock());
      switch (action.kind) {
        case 'serve':
          return serveData(res, faultSession(), endpoint, sessionId, {
            insights: () => insightsOf(faultSession()),
          });
        case 'status':
          send(res, action.status, action.body, action.type, action.headers);
          return;
        case 'echo-headers':
          send(res, 403, echoedHeadersBody(req.headers));
          return;
        case 'endless':
          streamEndless(res, action.declaredBytes);
          return;
        case 'hang':
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        case 'bad-shape':
          send(
            res,
            200,
            JSON.stringify({
              session_id: sessionId,
              accounts: endpoint === 'session_status' ? { a: 1 } : [1, 2],
            }),
          );
          return;
        case 'truncate': {
          const full = JSON.stringify(
            endpoint === 'session_status' ? faultSession().status : faultSession().subscribed,
          );
          res.writeHead(200, {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(full),
          });
          res.write(full.slice(0, Math.floor(full.length / 2)));
          // Let the half body leave before the connection drops, as a broken proxy does.
          setTimeout(() => res.destroy(), 20);
          return;
        }
      }
    }

    // The largest sessions' statuses and subscribed_data without their objects held.
    const large = endpoint === 'insights' ? null : servedLargeSession(baseId);
    if (large) return serveData(res, large, endpoint, sessionId, { packs: true });
    const builtIn = builtInSession(baseId);
    if (!builtIn) return sendError(res, 'SESSION_NOT_FOUND');
    if (builtIn.kind === 'error') return sendError(res, builtIn.code);
    if (endpoint === 'progress') {
      const done =
        builtIn.kind === 'data' ||
        (builtIn.kind === 'enriching' &&
          (requests.get(`${sessionId}/enrichment`) ?? 0) >= builtIn.polls);
      if (builtIn.kind === 'processing') {
        const seen = requests.get(`${sessionId}/processing`) ?? 0;
        if (seen < processingPolls) return sendError(res, 'PROCESSING_NOT_COMPLETED');
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      await writeJson(res, progressBody(builtIn.session.status, sessionId, done));
      return;
    }
    if (builtIn.kind === 'processing') {
      // Every endpoint counts towards completion: processing ends after N requests.
      const seen = count(`${sessionId}/processing`);
      if (seen <= processingPolls) return sendError(res, 'PROCESSING_NOT_COMPLETED');
    }
    if (builtIn.kind === 'enriching' && endpoint !== 'session_status') {
      // Uploads are complete (session_status says so); the data waits on enrichment.
      const seen = count(`${sessionId}/enrichment`);
      if (seen <= builtIn.polls) return sendError(res, 'PROCESSING_NOT_COMPLETED');
    }
    const session = builtIn.session;
    return serveData(res, session, endpoint, sessionId, { insights: () => insightsOf(session) });
  };

  const server = createServer((req, res) => {
    // Every answer closes its connection. Kept alive, an idle connection is dropped by the
    // server after keepAliveTimeout (5 s) while a client busy parsing 283 MB and collecting
    // garbage may still count it as open and send its next request down it: that request
    // fails with "other side closed" (the bench's socket had read exactly one whole answer,
    // 283,328,271 bytes). A fresh loopback connection per request costs well under 1 ms.
    res.setHeader('Connection', 'close');
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(
          res,
          500,
          JSON.stringify({ error: { code: 'SANDBOX_ERROR', message: String(error) } }),
        );
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/bank-connect`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
