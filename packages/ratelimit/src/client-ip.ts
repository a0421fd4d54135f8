/**
 * The client's address, trusting `X-Forwarded-For` only when the TCP peer is one of the configured
 * proxies. The header is read right to left (the proxy closest to us appends last): each hop is
 * believed only while the address that reported it is a trusted proxy, so a client cannot spoof its
 * address by sending the header itself (the first untrusted hop wins). This is the algorithm of
 * `proxy-addr` (Express, Fastify with a `trustProxy` list), done here so the limiter and IP rules
 * stay correct whatever the service's `TRUST_PROXY` setting is.
 */
import { firstMatch, type IpRange, parseIp, parseRanges } from './ip-match.js';

/** The parts of a Fastify request this reads. */
export interface ClientIpRequest {
  ip: string;
  socket?: { remoteAddress?: string | undefined } | undefined;
  raw?: { socket?: { remoteAddress?: string | undefined } | undefined } | undefined;
  headers: Record<string, string | string[] | undefined>;
}

export type ClientIpResolver = (request: ClientIpRequest) => string;

/** At most this many `X-Forwarded-For` hops are examined (a longer header is cut, oldest hops first). */
export const MAX_FORWARDED_HOPS = 20;

function forwardedHops(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const joined = Array.isArray(header) ? header.join(',') : header;
  return joined
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '')
    .slice(-MAX_FORWARDED_HOPS);
}

/**
 * A resolver for `trustedProxies` (IPs or CIDR ranges, e.g. the load balancer's subnet). With no
 * trusted proxies, the TCP peer's address is the client, whatever the headers say.
 */
export function createClientIpResolver(trustedProxies: readonly string[] = []): ClientIpResolver {
  const proxies: IpRange[] = parseRanges(trustedProxies, 'trusted proxy');
  return (request) => {
    const peerText = request.raw?.socket?.remoteAddress ?? request.socket?.remoteAddress ?? request.ip;
    let current = parseIp(peerText);
    if (!current) return peerText;
    if (proxies.length === 0) return current.toString();
    const hops = forwardedHops(request.headers['x-forwarded-for']);
    for (let index = hops.length - 1; index >= 0; index -= 1) {
      if (!firstMatch(current, proxies)) break;
      const hop = parseIp(hops[index]);
      if (!hop) break; // a malformed hop ends the trust chain at the last good address
      current = hop;
    }
    return current.toString();
  };
}
