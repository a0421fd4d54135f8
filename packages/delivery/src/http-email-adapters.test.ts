import {
  type HttpReceiver,
  type ReceivedRequest,
  type ReceiverResponse,
  startHttpReceiver,
} from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmailAdapter, EmailMessage } from './channels.js';
import { createFailoverEmailAdapter } from './failover-adapter.js';
import { createPostmarkAdapter } from './postmark-adapter.js';
import { SendError } from './send-errors.js';
import { createSendGridAdapter } from './sendgrid-adapter.js';

const receivers: HttpReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const message: EmailMessage = {
  deliveryId: 'dlv_01',
  productId: 'acme',
  from: { address: 'hello@acme.test', name: 'Acme' },
  to: 'ann@example.com',
  replyTo: 'support@acme.test',
  subject: 'Hello',
  text: 'Plain',
  html: '<p>Html</p>',
  headers: { 'List-Unsubscribe': '<https://app.acme.test/settings/notifications>' },
  template: 'welcome',
};

/** A SendGrid v3 mail-send fake: checks the bearer key and the body shape as the API does. */
async function fakeSendGrid(apiKey: string, answers: number[] = []) {
  const receiver = await startHttpReceiver({
    respond: (request: ReceivedRequest): ReceiverResponse => {
      if (request.method !== 'POST' || request.path !== '/v3/mail/send') return { status: 404, body: {} };
      if (request.headers.authorization !== `Bearer ${apiKey}`)
        return { status: 401, body: { errors: [{ message: 'unauthorized' }] } };
      if (!String(request.headers['content-type']).startsWith('application/json'))
        return { status: 415, body: {} };
      const body = JSON.parse(request.body) as Record<string, unknown>;
      const personalizations = body.personalizations as Array<{ to: Array<{ email: string }> }> | undefined;
      const content = body.content as Array<{ type: string; value: string }> | undefined;
      if (
        !personalizations?.[0]?.to?.[0]?.email ||
        !body.from ||
        !body.subject ||
        content?.[0]?.type !== 'text/plain'
      )
        return { status: 400, body: { errors: [{ message: 'bad payload' }] } };
      const status = answers.shift() ?? 202;
      return status === 202
        ? { status: 202, headers: { 'x-message-id': 'sg-msg-1' }, body: '' }
        : { status, headers: { 'retry-after': '7' }, body: { errors: [{ message: 'no' }] } };
    },
  });
  receivers.push(receiver);
  return receiver;
}

async function fakePostmark(
  token: string,
  answers: Array<{ status: number; body: Record<string, unknown> }> = [],
) {
  const receiver = await startHttpReceiver({
    respond: (request: ReceivedRequest): ReceiverResponse => {
      if (request.method !== 'POST' || request.path !== '/email') return { status: 404, body: {} };
      if (request.headers['x-postmark-server-token'] !== token)
        return { status: 401, body: { ErrorCode: 10, Message: 'Bad or missing API token' } };
      const body = JSON.parse(request.body) as Record<string, unknown>;
      if (!body.From || !body.To || !body.Subject || (!body.HtmlBody && !body.TextBody))
        return { status: 422, body: { ErrorCode: 300, Message: 'Invalid email request' } };
      const answer = answers.shift();
      if (answer) return answer;
      return { status: 200, body: { ErrorCode: 0, Message: 'OK', MessageID: 'pm-msg-1', To: body.To } };
    },
  });
  receivers.push(receiver);
  return receiver;
}

describe('SendGrid adapter', () => {
  it('posts a v3 mail send with the bearer key, both parts, reply-to, headers and custom args', async () => {
    const server = await fakeSendGrid('SG.key');
    const adapter = createSendGridAdapter({ apiKey: 'SG.key', baseUrl: server.url });
    expect(await adapter.send(message)).toEqual({ providerMessageId: 'sg-msg-1' });
    const body = JSON.parse(server.requests[0]?.body ?? '{}') as Record<string, unknown>;
    expect(body).toEqual({
      personalizations: [{ to: [{ email: 'ann@example.com' }] }],
      from: { email: 'hello@acme.test', name: 'Acme' },
      reply_to: { email: 'support@acme.test' },
      subject: 'Hello',
      content: [
        { type: 'text/plain', value: 'Plain' },
        { type: 'text/html', value: '<p>Html</p>' },
      ],
      headers: { 'List-Unsubscribe': '<https://app.acme.test/settings/notifications>' },
      categories: ['welcome'],
      custom_args: { deliveryId: 'dlv_01', productId: 'acme' },
    });
  });

  it('maps a wrong key to permanent, 429 to transient with Retry-After, 5xx to transient', async () => {
    const server = await fakeSendGrid('SG.key', [429, 503]);
    await expect(
      createSendGridAdapter({ apiKey: 'wrong', baseUrl: server.url }).send(message),
    ).rejects.toMatchObject({
      kind: 'permanent',
      status: 401,
    });
    const adapter = createSendGridAdapter({ apiKey: 'SG.key', baseUrl: server.url });
    await expect(adapter.send(message)).rejects.toMatchObject({
      kind: 'transient',
      status: 429,
      retryAfterMs: 7_000,
    });
    await expect(adapter.send(message)).rejects.toMatchObject({ kind: 'transient', status: 503 });
  });

  it('a timeout is transient', async () => {
    const receiver = await startHttpReceiver({ delayMs: 500, respond: () => ({ status: 202 }) });
    receivers.push(receiver);
    const adapter = createSendGridAdapter({ apiKey: 'k', baseUrl: receiver.url, timeoutMs: 50 });
    await expect(adapter.send(message)).rejects.toMatchObject({ kind: 'transient', reason: 'timeout' });
  });
});

describe('Postmark adapter', () => {
  it('posts to /email with the server token, both bodies, headers, tag and metadata', async () => {
    const server = await fakePostmark('pm-token');
    const adapter = createPostmarkAdapter({ serverToken: 'pm-token', baseUrl: server.url });
    expect(await adapter.send(message)).toEqual({ providerMessageId: 'pm-msg-1' });
    const body = JSON.parse(server.requests[0]?.body ?? '{}') as Record<string, unknown>;
    expect(body).toEqual({
      From: '"Acme" <hello@acme.test>',
      To: 'ann@example.com',
      ReplyTo: 'support@acme.test',
      Subject: 'Hello',
      TextBody: 'Plain',
      HtmlBody: '<p>Html</p>',
      Headers: [{ Name: 'List-Unsubscribe', Value: '<https://app.acme.test/settings/notifications>' }],
      Tag: 'welcome',
      Metadata: { deliveryId: 'dlv_01', productId: 'acme' },
      MessageStream: 'outbound',
    });
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });

  it('inactive recipient (406) rejects the recipient; a wrong token is permanent; 500 transient', async () => {
    const server = await fakePostmark('pm-token', [
      { status: 422, body: { ErrorCode: 406, Message: 'Inactive recipient' } },
      { status: 500, body: { ErrorCode: 0, Message: 'oops' } },
    ]);
    const adapter = createPostmarkAdapter({ serverToken: 'pm-token', baseUrl: server.url });
    await expect(adapter.send(message)).rejects.toMatchObject({ kind: 'rejected_recipient' });
    await expect(adapter.send(message)).rejects.toMatchObject({ kind: 'transient', status: 500 });
    await expect(
      createPostmarkAdapter({ serverToken: 'nope', baseUrl: server.url }).send(message),
    ).rejects.toMatchObject({
      kind: 'permanent',
      status: 401,
    });
  });
});

describe('failover with a circuit breaker', () => {
  function scripted(name: string, failures: number, kind: 'transient' | 'permanent' = 'transient') {
    let calls = 0;
    const adapter: EmailAdapter & { calls: () => number } = {
      name,
      calls: () => calls,
      async send() {
        calls += 1;
        if (calls <= failures) throw new SendError(kind, `${name} down`);
        return { providerMessageId: `${name}-${calls}` };
      },
    };
    return adapter;
  }

  it('fails over on transient errors, opens after the threshold, and tries the primary again later', async () => {
    let now = 0;
    const primary = scripted('primary', 3);
    const secondary = scripted('secondary', 0);
    const adapter = createFailoverEmailAdapter({
      primary,
      secondary,
      threshold: 2,
      openMs: 60_000,
      now: () => now,
    });
    expect((await adapter.send(message)).providerMessageId).toBe('secondary-1');
    expect(adapter.state()).toBe('closed');
    await adapter.send(message);
    expect(adapter.state()).toBe('open');
    await adapter.send(message);
    expect(primary.calls()).toBe(2); // open: the primary is skipped
    now += 60_000;
    expect(adapter.state()).toBe('half-open');
    await adapter.send(message); // trial on the primary fails (3rd failure): open again
    expect(adapter.state()).toBe('open');
    now += 60_000;
    expect((await adapter.send(message)).providerMessageId).toBe('primary-4');
    expect(adapter.state()).toBe('closed');
  });

  it('does not fail over a permanent error', async () => {
    const primary = scripted('primary', 1, 'permanent');
    const secondary = scripted('secondary', 0);
    const adapter = createFailoverEmailAdapter({ primary, secondary });
    await expect(adapter.send(message)).rejects.toMatchObject({ kind: 'permanent' });
    expect(secondary.calls()).toBe(0);
  });
});
