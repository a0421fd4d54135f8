import { describe, expect, it } from 'vitest';
import { createClientIpResolver } from './client-ip.js';
import { inRange, parseIp, parseRange, parseRanges } from './ip-match.js';

const range = (text: string) => {
  const parsed = parseRange(text);
  if (!parsed) throw new Error(`bad range ${text}`);
  return parsed;
};
const ip = (text: string) => {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`bad ip ${text}`);
  return parsed;
};

describe('CIDR matching', () => {
  it('matches IPv4 ranges and single addresses', () => {
    expect(inRange(ip('203.0.113.77'), range('203.0.113.0/24'))).toBe(true);
    expect(inRange(ip('203.0.114.1'), range('203.0.113.0/24'))).toBe(false);
    expect(inRange(ip('10.1.2.3'), range('10.0.0.0/8'))).toBe(true);
    expect(inRange(ip('10.1.2.3'), range('10.1.2.3'))).toBe(true);
    expect(inRange(ip('10.1.2.4'), range('10.1.2.3'))).toBe(false);
    expect(inRange(ip('1.2.3.4'), range('0.0.0.0/0'))).toBe(true);
  });

  it('matches IPv6 ranges, and never across families', () => {
    expect(inRange(ip('2001:db8::1'), range('2001:db8::/32'))).toBe(true);
    expect(inRange(ip('2001:db9::1'), range('2001:db8::/32'))).toBe(false);
    expect(inRange(ip('2001:db8:0:0:0:0:0:1'), range('2001:db8::1'))).toBe(true);
    expect(inRange(ip('203.0.113.1'), range('::/0'))).toBe(false);
    expect(inRange(ip('2001:db8::1'), range('0.0.0.0/0'))).toBe(false);
  });

  it('treats IPv4-mapped IPv6 addresses as IPv4 (dual-stack sockets)', () => {
    expect(ip('::ffff:203.0.113.5').kind()).toBe('ipv4');
    expect(inRange(ip('::ffff:203.0.113.5'), range('203.0.113.0/24'))).toBe(true);
    expect(range('::ffff:203.0.113.0/120').text).toBe('203.0.113.0/24');
  });

  it('canonicalizes ranges and refuses garbage', () => {
    expect(range('10.1.2.3/8').text).toBe('10.0.0.0/8');
    expect(range('2001:DB8::1/32').text).toBe('2001:db8::/32');
    for (const bad of ['', 'nope', '10.0.0.0/33', '2001:db8::/129', '1.2.3', '999.1.1.1', '10.0.0.1/'])
      expect(parseRange(bad), bad).toBeUndefined();
    expect(() => parseRanges(['10.0.0.0/8', 'oops'], 'trusted proxy')).toThrow(/oops/);
  });
});

describe('parsing an address', () => {
  it('parses each text once while it is recent, and answers the same after many others', () => {
    const first = ip(' 198.51.100.9 ');
    expect(ip(' 198.51.100.9 ')).toBe(first); // the same (shared) object: parsed once
    expect(parseIp('not an ip')).toBeUndefined();
    expect(parseIp('not an ip')).toBeUndefined();
    for (let n = 0; n < 3_000; n += 1)
      expect(ip(`10.${n >> 8}.${n & 255}.1`).toString()).toBe(`10.${n >> 8}.${n & 255}.1`);
    expect(ip(' 198.51.100.9 ').toString()).toBe('198.51.100.9');
    expect(parseIp('1.2.3')).toBeUndefined();
    expect(ip('::ffff:198.51.100.9').kind()).toBe('ipv4');
  });
});

describe('client IP behind proxies', () => {
  const request = (peer: string, forwarded?: string) => ({
    ip: peer,
    socket: { remoteAddress: peer },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  });

  it('ignores X-Forwarded-For from an untrusted peer (spoofing)', () => {
    const resolve = createClientIpResolver(['10.0.0.0/8']);
    expect(resolve(request('198.51.100.7', '1.2.3.4'))).toBe('198.51.100.7');
    expect(createClientIpResolver()(request('198.51.100.7', '1.2.3.4'))).toBe('198.51.100.7');
  });

  it('walks the chain right to left while hops are trusted proxies', () => {
    const resolve = createClientIpResolver(['10.0.0.0/8', '2001:db8::/32']);
    expect(resolve(request('10.0.0.2', '203.0.113.9'))).toBe('203.0.113.9');
    // The client prepended a fake hop: the first untrusted address from the right is the client.
    expect(resolve(request('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.3'))).toBe('203.0.113.9');
    expect(resolve(request('2001:db8::5', '2001:db9::1'))).toBe('2001:db9::1');
    expect(resolve(request('::ffff:10.0.0.2', '203.0.113.9'))).toBe('203.0.113.9');
    // A malformed hop stops the chain at the last good address.
    expect(resolve(request('10.0.0.2', '203.0.113.9, garbage'))).toBe('10.0.0.2');
    expect(resolve(request('10.0.0.2'))).toBe('10.0.0.2');
  });
});
