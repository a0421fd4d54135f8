import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';
import { REDACT_CENSOR } from './sensitive-keys.js';

function memoryDestination(): { write(line: string): void; lines: string[]; text(): string } {
  const lines: string[] = [];
  return {
    lines,
    write(line: string) {
      lines.push(line);
    },
    text() {
      return lines.join('');
    },
  };
}

function records(lines: string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

const SECRETS = [
  'Bearer eyJhbGciOiJSUzI1NiJ9.secret-jwt',
  'sid=session-cookie-value',
  'refresh-cookie=rt_abc',
  'hunter2-password',
  'tok_plain_token',
  'at_access_token_value',
  'rt_refresh_token_value',
  'ak_api_key_value',
  'rst_reset_token_value',
  'whsec_signing_secret',
  'cs_client_secret_value',
  'x-api-key-header-value',
];

describe('createLogger redaction', () => {
  it('never writes secrets at top level, one or two levels deep, while keeping other fields', () => {
    const out = memoryDestination();
    const logger = createLogger({ name: 'test', destination: out });
    logger.info(
      {
        password: SECRETS[3],
        token: SECRETS[4],
        user: { id: 'usr_1', email: 'a@example.com', password: SECRETS[3], apiKey: SECRETS[7] },
        req: {
          method: 'POST',
          url: '/v1/auth/login',
          headers: {
            authorization: SECRETS[0],
            cookie: SECRETS[1],
            'x-api-key': SECRETS[11],
            'user-agent': 'vitest',
          },
          body: { email: 'a@example.com', password: SECRETS[3], resetToken: SECRETS[8] },
        },
        res: { statusCode: 200, headers: { 'set-cookie': [SECRETS[2]], 'content-type': 'application/json' } },
        session: { accessToken: SECRETS[5], refreshToken: SECRETS[6], refresh_token: SECRETS[6] },
        webhook: { url: 'https://example.com/hook', secret: SECRETS[9] },
        oauth: { clientSecret: SECRETS[10], client_secret: SECRETS[10], access_token: SECRETS[5] },
      },
      'login attempt',
    );

    const text = out.text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);

    const [line] = records(out.lines);
    expect(line).toMatchObject({
      name: 'test',
      msg: 'login attempt',
      password: REDACT_CENSOR,
      token: REDACT_CENSOR,
      user: { id: 'usr_1', email: 'a@example.com', password: REDACT_CENSOR, apiKey: REDACT_CENSOR },
      req: {
        method: 'POST',
        url: '/v1/auth/login',
        headers: {
          authorization: REDACT_CENSOR,
          cookie: REDACT_CENSOR,
          'x-api-key': REDACT_CENSOR,
          'user-agent': 'vitest',
        },
        body: { email: 'a@example.com', password: REDACT_CENSOR, resetToken: REDACT_CENSOR },
      },
      res: { statusCode: 200, headers: { 'set-cookie': REDACT_CENSOR, 'content-type': 'application/json' } },
      session: { accessToken: REDACT_CENSOR, refreshToken: REDACT_CENSOR },
      webhook: { url: 'https://example.com/hook', secret: REDACT_CENSOR },
      oauth: { clientSecret: REDACT_CENSOR, client_secret: REDACT_CENSOR, access_token: REDACT_CENSOR },
    });
  });

  it('redacts inside arrays of objects', () => {
    const out = memoryDestination();
    createLogger({ name: 'test', destination: out }).info({ users: [{ id: 'u1', password: 'pw-in-array' }] });
    expect(out.text()).not.toContain('pw-in-array');
    expect(records(out.lines)[0]).toMatchObject({ users: [{ id: 'u1', password: REDACT_CENSOR }] });
  });

  it('redacts bindings of child loggers', () => {
    const out = memoryDestination();
    createLogger({ name: 'test', destination: out })
      .child({ auth: { token: 'child-binding-token' }, requestId: 'req_1' })
      .warn('child line');
    expect(out.text()).not.toContain('child-binding-token');
    expect(records(out.lines)[0]).toMatchObject({ requestId: 'req_1', auth: { token: REDACT_CENSOR } });
  });

  it('redacts bindings of grandchildren too', () => {
    const out = memoryDestination();
    createLogger({ name: 'test', destination: out })
      .child({ requestId: 'req_1' })
      .child({ session: { refreshToken: 'grandchild-token' } })
      .info('grandchild line');
    expect(out.text()).not.toContain('grandchild-token');
    expect(records(out.lines)[0]).toMatchObject({
      requestId: 'req_1',
      session: { refreshToken: REDACT_CENSOR },
    });
  });

  it('applies extra redact paths given by the caller', () => {
    const out = memoryDestination();
    createLogger({ name: 'test', destination: out, redact: ['customer.iban'] }).info({
      customer: { iban: 'DE89370400440532013000', country: 'DE' },
    });
    expect(out.text()).not.toContain('DE89370400440532013000');
    expect(records(out.lines)[0]).toMatchObject({ customer: { iban: REDACT_CENSOR, country: 'DE' } });
  });

  it('honours the level option', () => {
    const out = memoryDestination();
    const logger = createLogger({ name: 'test', destination: out, level: 'warn' });
    logger.info('dropped');
    logger.error('kept');
    expect(records(out.lines).map((line) => line.msg)).toEqual(['kept']);
  });

  it('writes redacted human-readable lines when pretty', () => {
    const out = memoryDestination();
    createLogger({ name: 'svc', destination: out, pretty: true }).info(
      { req: { headers: { authorization: 'Bearer pretty-secret' } }, count: 3 },
      'hello',
    );
    const text = out.text();
    expect(text).not.toContain('pretty-secret');
    expect(text).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} INFO {2}svc: hello \{.*"count":3.*\}\n$/);
    expect(text).toContain(`"authorization":"${REDACT_CENSOR}"`);
  });
});

describe('createLogger children', () => {
  it('redacts bindings and honours options whether child options are empty or not', () => {
    const out = memoryDestination();
    const logger = createLogger({ name: 'test', destination: out });
    logger.child({ requestId: 'r1', token: 'tok_child' }, {}).info('plain');
    logger.child({ requestId: 'r2' }, { level: 'warn' }).info('dropped');
    logger.child({ requestId: 'r3' }, { level: 'warn' }).warn('kept');
    expect(records(out.lines).map((line) => [line.requestId, line.msg])).toEqual([
      ['r1', 'plain'],
      ['r3', 'kept'],
    ]);
    expect(out.text()).not.toContain('tok_child');
  });
});
