/**
 * A fake Azure Key Vault (secrets, data plane) on 127.0.0.1 over HTTPS, for driving the real
 * `SecretClient` in tests. It checks the protocol as the service does: the host name, the
 * `api-version` query parameter, challenge-based bearer authentication (an unauthenticated request
 * gets 401 with `WWW-Authenticate: Bearer authorization="…", resource="https://vault.azure.net"`),
 * the token, and `GET /secrets/{name}[/{version}]`; it answers with the service's JSON shapes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo, LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FAKE_VAULT_HOST = 'groundwork-test.vault.azure.net';
export const FAKE_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const KEY_VAULT_RESOURCE = 'https://vault.azure.net';

const API_VERSIONS = new Set(['7.0', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '2025-07-01']);
const SECRET_NAME = /^[0-9a-zA-Z-]{1,127}$/;
const VERSION = '4387e9f3d6e14c459867679a90fd0f79';

export interface FakeSecret {
  value: string;
  enabled?: boolean;
}

export interface FakeKeyVaultRequest {
  method: string;
  path: string;
  apiVersion: string | null;
  authorization: string | undefined;
  status: number;
}

export interface FakeKeyVault {
  /** `https://groundwork-test.vault.azure.net:<port>`; reach it through `agent`. */
  vaultUrl: string;
  /** Trusts the test certificate and resolves the vault host name to 127.0.0.1. */
  agent: Agent;
  /** The bearer token the vault accepts. */
  token: string;
  requests: FakeKeyVaultRequest[];
  close(): Promise<void>;
}

interface TlsMaterial {
  key: string;
  cert: string;
}

/** Makes a throw-away self-signed certificate for the vault host with openssl. */
function makeCertificate(): TlsMaterial {
  const dir = mkdtempSync(join(tmpdir(), 'fake-key-vault-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certPath,
        '-days',
        '1',
        '-subj',
        `/CN=${FAKE_VAULT_HOST}`,
        '-addext',
        `subjectAltName=DNS:${FAKE_VAULT_HOST}`,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function keyVaultError(code: string, message: string, innerCode?: string): unknown {
  return { error: { code, message, ...(innerCode ? { innererror: { code: innerCode } } : {}) } };
}

const loopbackLookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== FAKE_VAULT_HOST) {
    callback(
      Object.assign(new Error(`fake key vault: refusing to resolve ${hostname}`), { code: 'ENOTFOUND' }),
      '',
    );
    return;
  }
  if (options.all) {
    (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ]);
  } else {
    callback(null, '127.0.0.1', 4);
  }
};

export async function startFakeKeyVault(secrets: Record<string, FakeSecret>): Promise<FakeKeyVault> {
  const tls = makeCertificate();
  const token = `fake-aad-token-${Math.random().toString(36).slice(2)}`;
  const requests: FakeKeyVaultRequest[] = [];
  let vaultUrl = '';

  const challenge = `Bearer authorization="https://login.microsoftonline.com/${FAKE_TENANT_ID}", resource="${KEY_VAULT_RESOURCE}"`;

  const handle = (req: IncomingMessage, res: ServerResponse): number => {
    const url = new URL(req.url ?? '/', vaultUrl);
    if (req.headers.host !== url.host) {
      sendJson(res, 400, keyVaultError('BadParameter', 'Unexpected host header.'));
      return 400;
    }
    const apiVersion = url.searchParams.get('api-version');
    if (apiVersion === null || !API_VERSIONS.has(apiVersion)) {
      sendJson(res, 400, keyVaultError('BadParameter', 'The request URI contains an invalid api-version.'));
      return 400;
    }
    const authorization = req.headers.authorization;
    if (authorization === undefined) {
      sendJson(
        res,
        401,
        keyVaultError('Unauthorized', 'AKV10000: Request is missing a Bearer or PoP token.'),
        {
          'www-authenticate': challenge,
        },
      );
      return 401;
    }
    if (authorization !== `Bearer ${token}`) {
      sendJson(res, 401, keyVaultError('Unauthorized', 'AKV10032: Invalid issuer.'), {
        'www-authenticate': challenge,
      });
      return 401;
    }
    const match = /^\/secrets\/([^/]+)(?:\/([^/]*))?$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) {
      sendJson(
        res,
        405,
        keyVaultError('BadParameter', 'Only GET /secrets/{name} is implemented by the fake.'),
      );
      return 405;
    }
    const name = decodeURIComponent(match[1] ?? '');
    if (!SECRET_NAME.test(name)) {
      sendJson(res, 400, keyVaultError('BadParameter', 'The secret name is invalid.'));
      return 400;
    }
    const secret = secrets[name];
    const version = match[2] ?? '';
    if (!secret || (version !== '' && version !== VERSION)) {
      sendJson(
        res,
        404,
        keyVaultError('SecretNotFound', `A secret with (name/id) ${name} was not found in this key vault.`),
      );
      return 404;
    }
    if (secret.enabled === false) {
      sendJson(
        res,
        403,
        keyVaultError('Forbidden', 'Operation get is not allowed on a disabled secret.', 'SecretDisabled'),
      );
      return 403;
    }
    const now = Math.floor(Date.now() / 1000);
    sendJson(res, 200, {
      value: secret.value,
      id: `${vaultUrl}/secrets/${name}/${VERSION}`,
      attributes: {
        enabled: true,
        created: now,
        updated: now,
        recoveryLevel: 'Recoverable+Purgeable',
        recoverableDays: 90,
      },
      tags: {},
    });
    return 200;
  };

  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    // The SDK withholds the body of the first (challenge) request; GET has none anyway.
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://placeholder');
      const status = handle(req, res);
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        apiVersion: url.searchParams.get('api-version'),
        authorization: req.headers.authorization,
        status,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  vaultUrl = `https://${FAKE_VAULT_HOST}:${port}`;
  const agent = new Agent({ ca: tls.cert, lookup: loopbackLookup, keepAlive: false });

  return {
    vaultUrl,
    agent,
    token,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        agent.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
