import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, JsonBodyMemo } from './memoized-json';

describe('Accept-Encoding 是否接受 gzip', () => {
  it.each([
    ['gzip, deflate, br', true], // Chrome / Edge
    ['gzip, deflate', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['identity', false],
    ['', false],
    [undefined, false],
    ['gzip;q=0', false],
    ['gzip;q=0, *', false], // gzip named and refused: the wildcard does not bring it back
    ['*', true],
    ['*;q=0', false],
    ['GZIP', true],
    ['x-gzip', true],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('按键缓存的 JSON 页面', () => {
  it('同一键只构造一次，压缩结果解压后与原文相同', async () => {
    const memo = new JsonBodyMemo();
    let built = 0;
    const build = () => (built++, JSON.stringify({ items: Array.from({ length: 500 }, (_, i) => ({ orgId: i, level: 'red', name: '中共安顺市中级人民法院机关第一支部委员会' })) }));
    const a = memo.get('k', build);
    expect(memo.get('k', build)).toBe(a);
    expect(built).toBe(1);
    const gz = await a.gzip();
    expect(await a.gzip()).toBe(gz);
    expect(gz.length).toBeLessThan(a.bytes.length / 5);
    expect(gunzipSync(gz).equals(a.bytes)).toBe(true);
  });

  it('超过条数或字节上限时最久未用的先移出；超过全部预算的页面不保留', () => {
    const memo = new JsonBodyMemo({ maxEntries: 2, maxBytes: 100 });
    const body = (n: number) => () => JSON.stringify('x'.repeat(n - 2));
    const a = memo.get('a', body(40));
    memo.get('b', body(40));
    expect(memo.get('a', body(40))).toBe(a); // 'a' used last: 'b' is now the oldest
    memo.get('c', body(40)); // three entries > 2: 'b' goes
    expect(memo.size).toBe(2);
    expect(memo.get('a', body(40))).toBe(a);
    memo.get('d', body(50)); // 40 + 40 + 50 > 100 bytes: the oldest goes until it fits
    expect(memo.byteSize).toBeLessThanOrEqual(100);
    const huge = memo.get('e', body(101));
    expect(memo.get('e', body(101))).not.toBe(huge);
  });
});
