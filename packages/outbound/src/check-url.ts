/**
 * URL validation under the policy: scheme, credentials, and every resolved address. Use
 * `checkUrl` when an operator or user hands over a URL (webhook subscription, status check) so a
 * refused target is reported at configuration time; the client checks again at connect time.
 */
import type { LookupAddress } from 'node:dns';
import { type CompiledPolicy, compilePolicy, type OutboundPolicy } from './address-policy.js';
import { OutboundHttpsRequiredError, OutboundInvalidUrlError } from './errors.js';
import { type Resolver, resolveChecked, systemResolver } from './resolve.js';

export interface CheckUrlOptions {
  /** Replaces DNS resolution (tests). Default: `dns.lookup(host, { all: true })`. */
  resolver?: Resolver;
}

export interface CheckedUrl {
  /** The parsed URL (WHATWG canonical form: `http://0x7f.1/` becomes `http://127.0.0.1/`). */
  url: URL;
  /** Every address the host resolved to, all allowed by the policy. */
  addresses: LookupAddress[];
}

/**
 * Parses and checks a URL without resolving it: absolute `http:`/`https:`, `https:` unless the
 * policy allows http, no user name or password, a host present.
 */
export function parseOutboundUrl(input: string | URL, policy: OutboundPolicy | CompiledPolicy = {}): URL {
  const compiled = compilePolicy(policy);
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : new URL(input.href);
  } catch (error) {
    throw new OutboundInvalidUrlError('The URL is not a valid absolute URL.', { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OutboundInvalidUrlError(`The URL scheme ${url.protocol} is not allowed; use https.`);
  }
  if (url.protocol === 'http:' && !compiled.allowHttp) throw new OutboundHttpsRequiredError();
  if (url.username !== '' || url.password !== '') {
    throw new OutboundInvalidUrlError('The URL must not contain a user name or password.');
  }
  if (url.hostname === '') throw new OutboundInvalidUrlError('The URL has no host.');
  return url;
}

/** Parses the URL, resolves its host and checks every address. Throws a typed `OutboundError`. */
export async function checkUrl(
  input: string | URL,
  policy: OutboundPolicy | CompiledPolicy = {},
  options: CheckUrlOptions = {},
): Promise<CheckedUrl> {
  const compiled = compilePolicy(policy);
  const url = parseOutboundUrl(input, compiled);
  const addresses = await resolveChecked(url.hostname, compiled, options.resolver ?? systemResolver);
  return { url, addresses };
}
