/**
 * A real OpenID provider for tests: `oidc-provider` listening on 127.0.0.1 (random port) with one
 * confidential client, PKCE required, accounts from a map the test fills, and its development
 * login and consent pages, which `signIn` drives like a browser (real HTTP, manual redirects,
 * a cookie jar per sign-in). Every request is bounded by a timeout, every redirect chain by a
 * step count.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';

/** The claims an account shares (besides `sub`, its id). */
export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestOidcProviderOptions {
  /** The client's registered redirect URI (the service's callback URL). */
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
  /**
   * Default true: the ID token carries the email and profile claims (as Google's and Microsoft's
   * do). False: they are only in the userinfo response (oidc-provider's default).
   */
  claimsInIdToken?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Accounts by id (= `sub`); the login page accepts any password. */
  accounts: Map<string, TestAccount>;
  /** Signs `accountId` in from a fresh browser and returns where the provider sends it back. */
  signIn(authorizationUrl: string, accountId: string): Promise<URL>;
  /** The user cancels on the login page; returns where the provider sends the browser back. */
  cancel(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

/** The part of oidc-provider this helper uses (the package ships no types). */
interface OidcProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}
type OidcProviderClass = new (issuer: string, configuration: Record<string, unknown>) => OidcProviderInstance;

const REQUEST_TIMEOUT_MS = 5_000;
const MAX_STEPS = 12;

async function loadProvider(): Promise<OidcProviderClass> {
  const specifier = 'oidc-provider';
  const loaded = (await import(specifier)) as { default: OidcProviderClass };
  return loaded.default;
}

/** A browser without JavaScript: keeps cookies (whatever their path) and never follows redirects. */
function createBrowser() {
  const cookies = new Map<string, string>();

  async function request(url: URL, init: { method: string; form?: Record<string, string> }) {
    const headers: Record<string, string> = {};
    if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: init.method,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (!value || expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }

  return {
    get: (url: URL) => request(url, { method: 'GET' }),
    post: (url: URL, form: Record<string, string>) => request(url, { method: 'POST', form }),
  };
}

function startsWithRedirectUri(url: URL, redirectUri: string): boolean {
  const expected = new URL(redirectUri);
  return url.origin === expected.origin && url.pathname === expected.pathname;
}

export async function startTestOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'groundwork-test';
  const clientSecret = options.clientSecret ?? randomBytes(32).toString('base64url');
  const accounts = new Map<string, TestAccount>();

  let handle: RequestListener = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  const server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const Provider = await loadProvider();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: options.claimsInIdToken === false,
    ttl: { AccessToken: 600, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
  });
  handle = provider.callback();

  /** Follows the provider's redirects from `start`, answering each interaction page with `answer`. */
  async function drive(
    start: string,
    answer: (prompt: string, page: URL) => { url: URL; form?: Record<string, string> },
  ): Promise<URL> {
    const browser = createBrowser();
    let next = new URL(start);
    for (let step = 0; step < MAX_STEPS; step += 1) {
      if (startsWithRedirectUri(next, options.redirectUri)) return next;
      let response: Response;
      if (next.origin === issuer && next.pathname.startsWith('/interaction/')) {
        const page = await browser.get(next);
        const html = await page.text();
        const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
        if (!prompt) throw new Error(`No interaction form at ${next.href} (status ${page.status}).`);
        const reply = answer(prompt, next);
        response = reply.form ? await browser.post(reply.url, reply.form) : await browser.get(reply.url);
      } else {
        response = await browser.get(next);
      }
      const location = response.headers.get('location');
      if (!location) {
        const body = (await response.text()).slice(0, 500);
        throw new Error(`Expected a redirect from ${next.href}, got ${response.status}: ${body}`);
      }
      await response.body?.cancel();
      next = new URL(location, next);
    }
    throw new Error(`No redirect back to the client after ${MAX_STEPS} steps.`);
  }

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: options.redirectUri,
    accounts,
    signIn: (authorizationUrl, accountId) =>
      drive(authorizationUrl, (prompt, page) => {
        const form: Record<string, string> =
          prompt === 'login' ? { prompt, login: accountId, password: 'any password' } : { prompt };
        return { url: page, form };
      }),
    cancel: (authorizationUrl) =>
      drive(authorizationUrl, (_prompt, page) => ({ url: new URL(`${page.pathname}/abort`, page) })),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
