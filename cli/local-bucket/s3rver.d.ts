// The part of s3rver 3.x (CommonJS, no bundled types) that the local bucket and the tests use.
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { Server } from 'node:http';
  import type { AddressInfo } from 'node:net';

  namespace S3rver {
    interface Options {
      address?: string;
      port?: number;
      silent?: boolean;
      directory?: string;
      resetOnClose?: boolean;
      allowMismatchedSignatures?: boolean;
      vhostBuckets?: boolean;
      configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
    }

    /** What s3rver emits on 'event': close to an S3 notification, but with the key raw and a malformed ARN. */
    interface Notification {
      Records: {
        eventName: string;
        eventTime: string;
        requestParameters: { sourceIPAddress: string };
        s3: {
          bucket: { name: string };
          object: { key: string; size?: number; eTag?: string; sequencer: string };
        };
      }[];
    }

    /** The Koa context of one request, as far as the local bucket reads it. */
    interface RequestContext {
      method: string;
      /** The request path, URL-encoded as sent. */
      path: string;
      status: number;
      query: Record<string, string | string[] | undefined>;
      body: unknown;
      params?: Record<string, string>;
      request: { body?: unknown };
      ip: string;
    }

    interface ListResult {
      objects: { key: string }[];
      commonPrefixes: string[];
      isTruncated: boolean;
    }

    interface Store {
      listObjects(bucket: string, options: { delimiter?: string; startAfter?: string; prefix?: string; maxKeys?: number }): Promise<ListResult>;
    }

    type Middleware = (ctx: RequestContext, next: () => Promise<void>) => Promise<void>;
  }

  class S3rver extends EventEmitter {
    constructor(options?: S3rver.Options);
    /** The Koa middleware stack, composed when the server starts listening. */
    middleware: S3rver.Middleware[];
    store: S3rver.Store;
    httpServer?: Server;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    configureBuckets(): Promise<void>;
    reset(): void;
    on(event: 'event', listener: (notification: S3rver.Notification) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
  }

  export = S3rver;
}
