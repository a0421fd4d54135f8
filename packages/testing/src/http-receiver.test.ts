import { afterEach, describe, expect, it } from 'vitest';
import { type HttpReceiver, startHttpReceiver } from './http-receiver.js';

let receiver: HttpReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('startHttpReceiver', () => {
  it('listens on loopback and records method, path, headers and body', async () => {
    receiver = await startHttpReceiver();
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = await fetch(`${receiver.url}/hooks/a?attempt=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Signature': 'sig-1' },
      body: JSON.stringify({ event: 'user.created' }),
    });

    expect(response.status).toBe(204);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/hooks/a?attempt=1',
      body: '{"event":"user.created"}',
    });
    expect(request?.headers['x-signature']).toBe('sig-1');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.receivedAt).toBeInstanceOf(Date);
  });

  it('answers with the responder, serializing object bodies as JSON', async () => {
    receiver = await startHttpReceiver({
      respond: (request) => ({
        status: 201,
        headers: { 'x-echo-path': request.path },
        body: { received: request.body },
      }),
    });

    const response = await fetch(`${receiver.url}/x`, { method: 'PUT', body: 'hello' });

    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo-path')).toBe('/x');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ received: 'hello' });
  });

  it('switches responders with setResponder, including async ones', async () => {
    receiver = await startHttpReceiver({ respond: () => ({ status: 500, body: 'down' }) });
    const first = await fetch(receiver.url);
    expect(first.status).toBe(500);
    expect(await first.text()).toBe('down');

    receiver.setResponder(async () => ({ status: 200, body: 'up' }));
    const second = await fetch(receiver.url);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe('up');
    expect(receiver.requests.map((request) => request.method)).toEqual(['GET', 'GET']);
  });

  it('replies 500 when the responder throws', async () => {
    receiver = await startHttpReceiver({
      respond: () => {
        throw new Error('boom');
      },
    });
    const response = await fetch(receiver.url);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('boom');
  });

  it('waitFor resolves once enough requests arrived and rejects on timeout', async () => {
    receiver = await startHttpReceiver();
    const waiting = receiver.waitFor(2);
    await fetch(`${receiver.url}/1`, { method: 'POST', body: 'a' });
    await fetch(`${receiver.url}/2`, { method: 'POST', body: 'b' });
    const received = await waiting;
    expect(received.map((request) => request.path)).toEqual(['/1', '/2']);

    await expect(receiver.waitFor(3, 50)).rejects.toThrow('expected 3 request(s) within 50 ms, got 2');
    expect(await receiver.waitFor(1)).toHaveLength(1);
  });

  it('records the request before the delayed response is sent', async () => {
    receiver = await startHttpReceiver({ delayMs: 300, respond: () => ({ status: 202 }) });
    let answered = false;
    const pending = fetch(receiver.url, { method: 'POST', body: 'slow' }).then((response) => {
      answered = true;
      return response;
    });

    const [request] = await receiver.waitFor(1);
    expect(request?.body).toBe('slow');
    expect(answered).toBe(false);
    expect((await pending).status).toBe(202);
  });

  it('stops accepting connections after close', async () => {
    const closing = await startHttpReceiver();
    const { url } = closing;
    await closing.close();
    await expect(fetch(url)).rejects.toThrow();
  });
});
