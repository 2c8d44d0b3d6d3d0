import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP proxy on 127.0.0.1 in front of a local S3 API (s3rver), for fault tests:
 * the functions are pointed at it through AWS_ENDPOINT_URL_S3, as at any S3 endpoint, and
 * it forwards every request, except those a rule picks, which it answers with an S3 error,
 * drops, forwards without answering, or holds until the test lets them go. It logs every
 * exchange in arrival order, so a test can check the order of writes without knowing how
 * the code under test makes them (one PutObject, or a multipart upload).
 *
 * Requests are read whole before anything is forwarded: a dropped request never reaches
 * the server half-written (s3rver writes objects in place and would keep a truncated one;
 * S3 never does).
 */
export interface ProxiedRequest {
  /** 1 for the first request the proxy received. */
  readonly seq: number;
  readonly method: string;
  /** Path-style addressing: the first segment of the path. */
  readonly bucket: string;
  /** The object key, decoded; '' for a request on the bucket. */
  readonly key: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface Exchange extends ProxiedRequest {
  /** The status the client got; undefined when it got none (dropped). */
  status?: number;
  /** The fault applied, if any. */
  fault?: Fault['kind'];
  /** Order in which exchanges finished (answered or dropped), 1-based. */
  done?: number;
}

export type Fault =
  /** Answered by the proxy with an S3 error document; the server never sees the request. */
  | { readonly kind: 'error'; readonly status?: number; readonly code?: string }
  /** The connection is closed before anything is forwarded. */
  | { readonly kind: 'drop' }
  /** Forwarded and done by the server, but the connection is closed instead of answering. */
  | { readonly kind: 'drop-response' }
  /** Forwarded once `until` settles. */
  | { readonly kind: 'hold'; readonly until: Promise<unknown> };

export interface FaultRule {
  readonly match: (request: ProxiedRequest) => boolean;
  readonly fault: Fault;
  /** Matching requests let through before the first fault. @default 0 */
  readonly after?: number;
  /** Requests faulted before the rule is spent. @default Infinity */
  readonly times?: number;
}

export interface InjectedFault {
  /** Matching requests so far, faulted or not. */
  readonly matched: number;
  /** Requests this rule faulted. */
  readonly faulted: readonly Exchange[];
  /** Resolves with the first request the rule faults. */
  readonly firstFault: Promise<Exchange>;
  remove(): void;
}

export interface FaultProxy {
  readonly endpoint: string;
  /** Every exchange, in arrival order. */
  readonly log: Exchange[];
  inject(rule: FaultRule): InjectedFault;
  /** Removes every rule. */
  clear(): void;
  /**
   * Resolves once no request that `match` picks is being forwarded or answered (held ones
   * are not counted): what the server holds then is what the clients wrote.
   */
  quiet(match?: (request: ProxiedRequest) => boolean): Promise<void>;
  /**
   * Called with each answer the server gives, and awaited before the client gets it: the
   * client (and whatever waits on it) is paused at that point while the test looks around.
   */
  onResponse: ((exchange: Exchange, body: Buffer) => Promise<void> | void) | undefined;
  close(): Promise<void>;
}

/**
 * Object writes the server completed, in the order they completed: a PutObject or
 * CopyObject answered 200, or a CompleteMultipartUpload answered 200. Parts and failed
 * attempts are not writes.
 */
export function completedWrites(log: readonly Exchange[], bucket: string): Exchange[] {
  return log
    .filter((e) => e.bucket === bucket && e.key !== '' && e.status === 200 && isObjectWrite(e))
    .sort((a, b) => (a.done ?? 0) - (b.done ?? 0));
}

/** A request that, once it succeeds, makes an object (not a part, not a read). */
export function isObjectWrite(request: Pick<ProxiedRequest, 'method' | 'query'>): boolean {
  if (request.method === 'PUT') return !request.query.has('partNumber') && !request.query.has('tagging') && !request.query.has('acl');
  return request.method === 'POST' && request.query.has('uploadId');
}

/** A request that sends bytes of an object: a PutObject, an UploadPart, a CompleteMultipartUpload. */
export function isWriteRequest(request: Pick<ProxiedRequest, 'method' | 'query'>): boolean {
  return request.method === 'PUT' || (request.method === 'POST' && (request.query.has('uploadId') || request.query.has('uploads')));
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const log: Exchange[] = [];
  const rules = new Set<{ rule: FaultRule; matched: number; faulted: Exchange[]; resolveFirst: (e: Exchange) => void }>();
  let seq = 0;
  let done = 0;
  const forwarding = new Set<Exchange>();
  let quietWaiters: { match: (r: ProxiedRequest) => boolean; resolve: () => void }[] = [];
  const isQuiet = (match: (r: ProxiedRequest) => boolean): boolean => ![...forwarding].some(match);
  const settle = (): void => {
    const waiting = quietWaiters;
    quietWaiters = [];
    for (const waiter of waiting) {
      if (isQuiet(waiter.match)) waiter.resolve();
      else quietWaiters.push(waiter);
    }
  };

  const proxy: FaultProxy = {
    endpoint: '',
    log,
    onResponse: undefined,
    inject(rule) {
      let resolveFirst!: (e: Exchange) => void;
      const firstFault = new Promise<Exchange>((resolve) => (resolveFirst = resolve));
      const entry = { rule, matched: 0, faulted: [] as Exchange[], resolveFirst };
      rules.add(entry);
      return {
        get matched() {
          return entry.matched;
        },
        faulted: entry.faulted,
        firstFault,
        remove: () => rules.delete(entry),
      };
    },
    clear: () => rules.clear(),
    quiet: (match = () => true) =>
      new Promise<void>((resolve) => {
        if (isQuiet(match)) resolve();
        else quietWaiters.push({ match, resolve });
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };

  const faultFor = (exchange: Exchange): Fault | undefined => {
    for (const entry of rules) {
      if (!entry.rule.match(exchange)) continue;
      entry.matched++;
      if (entry.matched <= (entry.rule.after ?? 0)) continue;
      if (entry.faulted.length >= (entry.rule.times ?? Infinity)) continue;
      entry.faulted.push(exchange);
      if (entry.faulted.length === 1) entry.resolveFirst(exchange);
      return entry.rule.fault;
    }
    return undefined;
  };

  const finish = (exchange: Exchange, status: number | undefined): void => {
    exchange.status = status;
    exchange.done = ++done;
  };

  const forward = (exchange: Exchange, request: http.IncomingMessage): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const outgoing = http.request(
        { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers, agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(exchange.body);
    });

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', () => undefined);
    request.on('end', () => {
      void (async () => {
        const url = new URL(request.url ?? '/', 'http://proxy');
        const [bucket = '', ...rest] = url.pathname.slice(1).split('/');
        const exchange: Exchange = {
          seq: ++seq,
          method: request.method ?? 'GET',
          bucket: decodeURIComponent(bucket),
          key: decodeURIComponent(rest.join('/')),
          query: url.searchParams,
          headers: request.headers,
          body: Buffer.concat(chunks),
        };
        log.push(exchange);
        const fault = faultFor(exchange);
        if (fault !== undefined) exchange.fault = fault.kind;
        if (fault?.kind === 'error') {
          const status = fault.status ?? 500;
          const code = fault.code ?? 'InternalError';
          const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>injected by the fault proxy</Message><Key>${exchange.key}</Key><RequestId>FAULT${exchange.seq}</RequestId></Error>`;
          finish(exchange, status);
          response.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), 'x-amz-request-id': `FAULT${exchange.seq}` });
          response.end(body);
          return;
        }
        if (fault?.kind === 'drop') {
          finish(exchange, undefined);
          request.socket.destroy();
          return;
        }
        if (fault?.kind === 'hold') await fault.until;
        forwarding.add(exchange);
        try {
          let answer: Awaited<ReturnType<typeof forward>>;
          try {
            answer = await forward(exchange, request);
          } catch {
            finish(exchange, undefined);
            request.socket.destroy();
            return;
          }
          if (fault?.kind === 'drop-response') {
            finish(exchange, undefined);
            request.socket.destroy();
            return;
          }
          exchange.status = answer.status;
          await proxy.onResponse?.(exchange, answer.body);
          finish(exchange, answer.status);
          response.writeHead(answer.status, answer.headers);
          response.end(answer.body);
        } finally {
          forwarding.delete(exchange);
          settle();
        }
      })();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, { endpoint: `http://127.0.0.1:${port}` });
}
