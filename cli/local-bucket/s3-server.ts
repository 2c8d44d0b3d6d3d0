import { AsyncLocalStorage } from 'node:async_hooks';
import S3rver from 's3rver';

/**
 * s3rver on 127.0.0.1, with the two places where it parts from S3 mended:
 *  - ListObjectsV2 continuation tokens: s3rver encrypts them with DES, which the OpenSSL 3
 *    of Node ≥ 17 refuses, so any listing longer than one page fails with a 500. Tokens
 *    here are the last key of the page, base64url-encoded, handed back as start-after.
 *  - DeleteObjects (what `aws s3 rm --recursive` sends) emits no notification; here every
 *    key of the request gets an ObjectRemoved:Delete, as S3 sends one per key.
 * The test helpers and the local bucket both start their server through here.
 */
export interface S3ServerOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly directory: string;
  readonly silent?: boolean;
  /** Created at start when missing (kept, with their objects, when present). */
  readonly buckets?: readonly { readonly name: string; readonly configs?: readonly string[] }[];
  /**
   * Told "METHOD /bucket/key" (path decoded) of every request, before it is served. Set
   * here, not added to `server.middleware` later: s3rver composes its middleware when it
   * starts, so what is added after that is never called.
   */
  readonly onRequest?: (request: string) => void;
}

export interface S3Server {
  readonly server: S3rver;
  readonly port: number;
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startS3Server(options: S3ServerOptions): Promise<S3Server> {
  const host = options.host ?? '127.0.0.1';
  const server = new S3rver({
    address: host,
    port: options.port,
    silent: options.silent ?? true,
    directory: options.directory,
    configureBuckets: (options.buckets ?? []).map((b) => ({ name: b.name, configs: [...(b.configs ?? [])] })),
  });
  mendPagination(server);
  notifyBatchDeletes(server);
  const { onRequest } = options;
  if (onRequest !== undefined) {
    server.middleware.unshift(async (ctx, next) => {
      onRequest(`${ctx.method} ${decodeURIComponent(ctx.path)}`);
      await next();
    });
  }
  const { port } = await server.run();
  return {
    server,
    port,
    endpoint: `http://${host}:${port}`,
    close: () => server.close(),
  };
}

const TOKEN_PREFIX = 'entente:';

function mendPagination(server: S3rver): void {
  const truncation = new AsyncLocalStorage<{ lastKey?: string }>();
  const store = server.store;
  const listObjects = store.listObjects.bind(store);
  store.listObjects = async (bucket, options) => {
    const result = await listObjects(bucket, options);
    const page = truncation.getStore();
    if (page !== undefined && result.isTruncated) {
      page.lastKey = result.objects.at(-1)?.key;
      // Reported by the middleware below instead, so s3rver does not reach for DES.
      result.isTruncated = false;
    }
    return result;
  };

  server.middleware.unshift(async (ctx, next) => {
    if (ctx.method !== 'GET' || ctx.query['list-type'] !== '2') return next();
    const token = ctx.query['continuation-token'];
    if (typeof token === 'string') {
      const { 'continuation-token': _token, ...rest } = ctx.query;
      const decoded = Buffer.from(token, 'base64url').toString('utf8');
      ctx.query = decoded.startsWith(TOKEN_PREFIX) ? { ...rest, 'start-after': decoded.slice(TOKEN_PREFIX.length) } : { ...rest, 'start-after': '\u{10FFFF}' };
    }
    const page: { lastKey?: string } = {};
    await truncation.run(page, next);
    if (page.lastKey !== undefined && typeof ctx.body === 'string') {
      const next = Buffer.from(`${TOKEN_PREFIX}${page.lastKey}`, 'utf8').toString('base64url');
      ctx.body = ctx.body.replace('<IsTruncated>false</IsTruncated>', `<IsTruncated>true</IsTruncated><NextContinuationToken>${next}</NextContinuationToken>`);
    }
  });
}

function notifyBatchDeletes(server: S3rver): void {
  server.middleware.unshift(async (ctx, next) => {
    await next();
    if (ctx.method !== 'POST' || !('delete' in ctx.query) || ctx.status !== 200 || ctx.params?.bucket === undefined) return;
    const bucket = ctx.params.bucket;
    const request = ctx.request.body as { Delete?: { Object?: { Key?: unknown } | { Key?: unknown }[] } } | undefined;
    const objects = request?.Delete?.Object;
    const keys = (Array.isArray(objects) ? objects : objects === undefined ? [] : [objects]).map((o) => String(o.Key ?? '')).filter((k) => k !== '');
    for (const key of keys) {
      server.emit('event', {
        Records: [
          {
            eventName: 'ObjectRemoved:Delete',
            eventTime: new Date().toISOString(),
            requestParameters: { sourceIPAddress: ctx.ip },
            s3: { bucket: { name: bucket }, object: { key, sequencer: '' } },
          },
        ],
      } satisfies S3rver.Notification);
    }
  });
}
