import type { LookupAddress } from 'node:dns';
import { type HttpReceiver, startHttpReceiver } from '@groundwork/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkUrl } from './check-url.js';
import { createOutboundClient, type OutboundClient } from './client.js';
import type { Resolver } from './resolve.js';

const LOOPBACK = { allow: ['127.0.0.1/32'], allowHttp: true };

function fixedResolver(...answers: LookupAddress[][]): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    return answer ?? [];
  };
  return Object.assign(resolver, { calls });
}
const v4 = (address: string): LookupAddress => ({ address, family: 4 });

let receiver: HttpReceiver;
let clients: OutboundClient[] = [];
beforeEach(async () => {
  receiver = await startHttpReceiver();
  clients = [];
});
afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await receiver.close();
});
function client(...args: Parameters<typeof createOutboundClient>): OutboundClient {
  const created = createOutboundClient(...args);
  clients.push(created);
  return created;
}
const port = (): string => new URL(receiver.url).port;

describe('checkUrl', () => {
  it('canonicalises decimal, octal, hex and short IPv4 spellings before checking them', async () => {
    for (const host of [
      '2130706433',
      '017700000001',
      '0x7f000001',
      '0x7f.0.0.1',
      '0177.0.0.1',
      '127.1',
      '127.0.1',
    ]) {
      await expect(checkUrl(`https://${host}/`)).rejects.toMatchObject({
        code: 'outbound_address_blocked',
        reason: 'loopback',
      });
    }
    await expect(checkUrl('https://0xa9fea9fe/latest/meta-data')).rejects.toMatchObject({
      reason: 'link-local',
    });
    await expect(checkUrl('https://0/')).rejects.toMatchObject({ reason: 'unspecified' });
    await expect(checkUrl('https://[::ffff:127.0.0.1]/')).rejects.toMatchObject({
      reason: 'ipv4-embedded-loopback',
    });
    await expect(checkUrl('https://[::ffff:a9fe:a9fe]/')).rejects.toMatchObject({
      reason: 'ipv4-embedded-link-local',
    });
    await expect(checkUrl('https://[fd00::1]/')).rejects.toMatchObject({ reason: 'unique-local' });
  });

  it('refuses http unless allowed, other schemes, credentials and garbage', async () => {
    await expect(
      checkUrl('http://example.com/', {}, { resolver: fixedResolver([v4('93.184.216.34')]) }),
    ).rejects.toMatchObject({
      code: 'outbound_https_required',
    });
    await expect(checkUrl('ftp://example.com/')).rejects.toMatchObject({ code: 'outbound_invalid_url' });
    await expect(checkUrl('file:///etc/passwd')).rejects.toMatchObject({ code: 'outbound_invalid_url' });
    await expect(checkUrl('https://user:pw@example.com/')).rejects.toMatchObject({
      code: 'outbound_invalid_url',
    });
    await expect(checkUrl('not a url')).rejects.toMatchObject({ code: 'outbound_invalid_url' });
  });

  it('refuses a host name resolving to a private address, and one mixing public and private answers', async () => {
    await expect(
      checkUrl('https://internal.example/', {}, { resolver: fixedResolver([v4('10.0.0.7')]) }),
    ).rejects.toMatchObject({ code: 'outbound_address_blocked', reason: 'private', status: 422 });
    await expect(
      checkUrl(
        'https://mixed.example/',
        {},
        { resolver: fixedResolver([v4('93.184.216.34'), v4('169.254.169.254')]) },
      ),
    ).rejects.toMatchObject({ code: 'outbound_address_blocked', reason: 'link-local' });
    await expect(
      checkUrl(
        'https://v6.example/',
        {},
        { resolver: fixedResolver([{ address: '::ffff:192.168.0.1', family: 6 }]) },
      ),
    ).rejects.toMatchObject({ reason: 'ipv4-embedded-private' });
    const ok = await checkUrl(
      'https://public.example/',
      {},
      { resolver: fixedResolver([v4('93.184.216.34')]) },
    );
    expect(ok.addresses).toEqual([v4('93.184.216.34')]);
  });

  it('refuses localhost through the system resolver unless loopback is allow-listed', async () => {
    await expect(checkUrl('https://localhost/')).rejects.toMatchObject({ code: 'outbound_address_blocked' });
    await expect(checkUrl('http://localhost./', { allowHttp: true })).rejects.toMatchObject({
      code: 'outbound_address_blocked',
    });
    await expect(checkUrl('https://127.0.0.1/', { allow: ['127.0.0.1/32'] })).resolves.toMatchObject({
      addresses: [v4('127.0.0.1')],
    });
  });

  it('reports a name that does not resolve', async () => {
    const failing: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(checkUrl('https://nope.invalid/', {}, { resolver: failing })).rejects.toMatchObject({
      code: 'outbound_dns_failed',
    });
  });

  it('trusts an allow-listed host name whatever it resolves to', async () => {
    await expect(
      checkUrl(
        'https://hooks.internal/',
        { allow: ['hooks.internal'] },
        { resolver: fixedResolver([v4('10.9.9.9')]) },
      ),
    ).resolves.toMatchObject({ addresses: [v4('10.9.9.9')] });
  });
});

describe('createOutboundClient', () => {
  it('posts to an allow-listed loopback receiver and returns status, headers, body and duration', async () => {
    receiver.setResponder(() => ({ status: 200, headers: { 'x-reply': 'yes' }, body: 'hello' }));
    const http = client(LOOPBACK);
    const response = await http.request(`${receiver.url}/hook?a=1`, {
      body: '{"x":1}',
      headers: { 'content-type': 'application/json', Host: 'evil.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers['x-reply']).toBe('yes');
    expect(response.body.toString()).toBe('hello');
    expect(response.truncated).toBe(false);
    expect(response.durationMs).toBeGreaterThan(0);
    const [received] = await receiver.waitFor(1);
    expect(received?.method).toBe('POST');
    expect(received?.path).toBe('/hook?a=1');
    expect(received?.body).toBe('{"x":1}');
    expect(received?.headers.host).toBe(`127.0.0.1:${port()}`);
  });

  it('refuses loopback without an allow-list, before any request is sent', async () => {
    const http = client({ allowHttp: true });
    await expect(http.request(`${receiver.url}/`)).rejects.toMatchObject({
      code: 'outbound_address_blocked',
    });
    await expect(http.request(`http://localhost:${port()}/`)).rejects.toMatchObject({
      code: 'outbound_address_blocked',
    });
    await expect(http.request(`http://2130706433:${port()}/`)).rejects.toMatchObject({
      code: 'outbound_address_blocked',
    });
    expect(receiver.requests).toHaveLength(0);
  });

  it('refuses plain http unless allowed', async () => {
    const http = client({ allow: ['127.0.0.1/32'] });
    await expect(http.request(`${receiver.url}/`)).rejects.toMatchObject({ code: 'outbound_https_required' });
    expect(receiver.requests).toHaveLength(0);
  });

  it('does not follow a redirect (to a private address or anywhere)', async () => {
    const target = await startHttpReceiver();
    try {
      receiver.setResponder(() => ({
        status: 302,
        headers: { location: 'http://169.254.169.254/latest/meta-data/' },
      }));
      const http = client(LOOPBACK);
      const first = await http.request(`${receiver.url}/`);
      expect(first.status).toBe(302);
      expect(first.headers.location).toBe('http://169.254.169.254/latest/meta-data/');
      receiver.setResponder(() => ({ status: 307, headers: { location: `${target.url}/stolen` } }));
      const second = await http.request(`${receiver.url}/`, { body: 'secret' });
      expect(second.status).toBe(307);
      expect(receiver.requests).toHaveLength(2);
      expect(target.requests).toHaveLength(0);
    } finally {
      await target.close();
    }
  });

  it('connects to the address it checked: a rebinding resolver cannot redirect the connection', async () => {
    // First answer: the (allow-listed) receiver. Every later answer: a private address.
    const resolver = fixedResolver([v4('127.0.0.1')], [v4('10.0.0.1')]);
    const http = client(LOOPBACK, { resolver });
    const response = await http.request(`http://rebind.test:${port()}/one`);
    expect(response.status).toBe(204);
    expect(resolver.calls).toEqual(['rebind.test']);
    const [received] = await receiver.waitFor(1);
    expect(received?.headers.host).toBe(`rebind.test:${port()}`);

    // A fresh connection resolves again, gets the private answer, and is refused before connecting.
    const fresh = client(LOOPBACK, { resolver });
    await expect(fresh.request(`http://rebind.test:${port()}/two`)).rejects.toMatchObject({
      code: 'outbound_address_blocked',
      address: '10.0.0.1',
    });
    expect(receiver.requests.map((request) => request.path)).toEqual(['/one']);
  });

  it('a URL checked at configuration time is checked again at connect time', async () => {
    const resolver = fixedResolver([v4('127.0.0.1')], [v4('169.254.169.254')]);
    await expect(checkUrl(`http://flip.test:${port()}/`, LOOPBACK, { resolver })).resolves.toBeDefined();
    const http = client(LOOPBACK, { resolver });
    await expect(http.request(`http://flip.test:${port()}/`)).rejects.toMatchObject({
      code: 'outbound_address_blocked',
      reason: 'link-local',
    });
    expect(receiver.requests).toHaveLength(0);
  });

  it('refuses a host whose answers mix allowed and refused addresses', async () => {
    const http = client(LOOPBACK, { resolver: fixedResolver([v4('127.0.0.1'), v4('192.168.1.1')]) });
    await expect(http.request(`http://mixed.test:${port()}/`)).rejects.toMatchObject({
      code: 'outbound_address_blocked',
    });
    expect(receiver.requests).toHaveLength(0);
  });

  it('times out a slow endpoint with outbound_timeout', async () => {
    const slow = await startHttpReceiver({ delayMs: 2_000 });
    try {
      const http = client(LOOPBACK);
      await expect(http.request(`${slow.url}/`, { timeoutMs: 100 })).rejects.toMatchObject({
        code: 'outbound_timeout',
        status: 504,
      });
    } finally {
      await slow.close();
    }
  });

  it('keeps the response body up to the cap and marks it truncated', async () => {
    receiver.setResponder(() => ({ status: 200, body: 'x'.repeat(10_000) }));
    const http = client(LOOPBACK);
    const response = await http.request(`${receiver.url}/`, { maxResponseBytes: 100 });
    expect(response.body.length).toBe(100);
    expect(response.truncated).toBe(true);
    receiver.setResponder(() => ({ status: 200, body: 'y'.repeat(500_000) }));
    const big = await http.request(`${receiver.url}/`, { maxResponseBytes: 10 });
    expect(big.body.toString()).toBe('y'.repeat(10));
    expect(big.truncated).toBe(true);
  });

  it('reports a refused connection as outbound_connection_failed', async () => {
    const closed = await startHttpReceiver();
    const url = closed.url;
    await closed.close();
    const http = client(LOOPBACK);
    await expect(http.request(`${url}/`)).rejects.toMatchObject({
      code: 'outbound_connection_failed',
      status: 502,
    });
  });

  it('reuses pooled connections (keep-alive)', async () => {
    const http = client(LOOPBACK);
    for (let i = 0; i < 5; i += 1) await http.request(`${receiver.url}/k${i}`, { body: 'x' });
    const received = await receiver.waitFor(5);
    expect(received.every((request) => request.headers.connection !== 'close')).toBe(true);
    // Every new connection resolves the name; with pooling, five sequential requests need far
    // fewer than five connections (undici may open a second one while the first is released).
    const resolver = fixedResolver([v4('127.0.0.1')]);
    const named = client(LOOPBACK, { resolver });
    for (let i = 0; i < 5; i += 1) await named.request(`http://pool.test:${port()}/p${i}`, { body: 'x' });
    expect(resolver.calls.length).toBeLessThanOrEqual(2);
  });
});
