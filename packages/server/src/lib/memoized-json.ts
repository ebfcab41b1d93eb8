// Large read-mostly JSON pages (a court's 党建工作提示 is 80–500 KB) kept as bytes between requests:
// encoded once, gzipped once, and sent as they are to every caller whose view is the same. The
// caller decides what "the same" is (the key); a key must change whenever the content may.
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyReply, FastifyRequest } from 'fastify';

const gzipAsync = promisify(gzip);

export class MemoizedJson {
  readonly bytes: Buffer;
  private gzipped: Promise<Buffer> | undefined;

  constructor(json: string) {
    this.bytes = Buffer.from(json, 'utf8');
  }

  /** Compressed once, off the event loop's thread, shared by every request that asks meanwhile. */
  gzip(): Promise<Buffer> {
    this.gzipped ??= gzipAsync(this.bytes);
    return this.gzipped;
  }
}

/** A map of bodies by key, bounded in count and in bytes; the least recently used goes first. */
export class JsonBodyMemo {
  private readonly entries = new Map<string, MemoizedJson>();
  private bytes = 0;

  constructor(private readonly limits: { maxEntries: number; maxBytes: number } = { maxEntries: 256, maxBytes: 64 * 1024 * 1024 }) {}

  get(key: string, build: () => string): MemoizedJson {
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const body = new MemoizedJson(build());
    // A body bigger than the whole budget is served once and not kept.
    if (body.bytes.length > this.limits.maxBytes) return body;
    this.entries.set(key, body);
    this.bytes += body.bytes.length;
    while (this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestKey);
      this.bytes -= oldest.bytes.length;
    }
    return body;
  }

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }
}

/**
 * True when the request's Accept-Encoding takes gzip (every browser's does): listed with a
 * q above 0, or not listed and `*` is (RFC 9110 §12.5.3).
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const weights = new Map<string, number>();
  for (const part of value.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(coding.trim(), Number.isNaN(weight) ? 0 : weight);
  }
  const gzipWeight = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*');
  return gzipWeight !== undefined && gzipWeight > 0;
}

export async function sendMemoizedJson(req: FastifyRequest, reply: FastifyReply, body: MemoizedJson): Promise<FastifyReply> {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (acceptsGzip(req.headers['accept-encoding'])) return reply.header('content-encoding', 'gzip').send(await body.gzip());
  return reply.send(body.bytes);
}
