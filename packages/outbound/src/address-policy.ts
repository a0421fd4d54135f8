/**
 * The address policy: which IP addresses an outbound request may connect to.
 *
 * Default: only globally routable unicast. Refused: loopback, RFC 1918, link-local (cloud
 * metadata 169.254.169.254), CGNAT 100.64/10, multicast, broadcast, unspecified, reserved,
 * documentation and benchmarking ranges; IPv6 unique-local fc00::/7, link-local fe80::/10,
 * site-local, multicast, documentation, Teredo, and everything outside 2000::/3. IPv6 forms that
 * embed an IPv4 address (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, SIIT ::ffff:0:a.b.c.d,
 * NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by the embedded IPv4 address.
 *
 * The operator's allow-list (CIDRs, single addresses or host names) overrides the refusal; the
 * tests allow `127.0.0.1/32`.
 */
import ipaddr from 'ipaddr.js';

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;
type Cidr = [IPv4 | IPv6, number];

/** The operator's settings. Plain data, so it can come from env or config. */
export interface OutboundPolicy {
  /**
   * Addresses the policy lets through even though they are in a refused range: CIDRs
   * (`10.0.0.0/8`, `fd00::/8`), single addresses (`127.0.0.1`) or exact host names
   * (`hooks.internal`; a host name entry trusts whatever that name resolves to).
   */
  allow?: readonly string[];
  /** Permit `http:` URLs. Default false: `https:` only. */
  allowHttp?: boolean;
}

/** A policy parsed once, ready for fast checks. */
export interface CompiledPolicy {
  readonly allowCidrs: readonly Cidr[];
  readonly allowHosts: ReadonlySet<string>;
  readonly allowHttp: boolean;
}

export interface AddressVerdict {
  allowed: boolean;
  /** Why: the range name (`loopback`, `private`, …), `allow-list`, `public` or `invalid`. */
  reason: string;
}

const V4_BLOCKED: ReadonlyArray<readonly [string, string]> = [
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade-nat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['255.255.255.255/32', 'broadcast'],
  ['240.0.0.0/4', 'reserved'],
];

const V6_BLOCKED: ReadonlyArray<readonly [string, string]> = [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['64:ff9b:1::/48', 'nat64-local'],
  ['100::/64', 'discard'],
  ['2001::/32', 'teredo'],
  ['2001:2::/48', 'benchmarking'],
  ['2001:db8::/32', 'documentation'],
  ['2001::/23', 'reserved'],
  ['3fff::/20', 'documentation'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
];

function parseCidrs(table: ReadonlyArray<readonly [string, string]>): Array<[Cidr, string]> {
  return table.map(([cidr, reason]) => [ipaddr.parseCIDR(cidr), reason]);
}

const v4Blocked = parseCidrs(V4_BLOCKED);
const v6Blocked = parseCidrs(V6_BLOCKED);
const globalUnicast = ipaddr.parseCIDR('2000::/3');
const embeddedV4Ranges: Array<[Cidr, (address: IPv6) => IPv4]> = [
  [ipaddr.parseCIDR('::ffff:0:0/96'), (a) => v4FromParts(a.parts[6], a.parts[7])],
  [ipaddr.parseCIDR('::ffff:0:0:0/96'), (a) => v4FromParts(a.parts[6], a.parts[7])],
  [ipaddr.parseCIDR('64:ff9b::/96'), (a) => v4FromParts(a.parts[6], a.parts[7])],
  [ipaddr.parseCIDR('2002::/16'), (a) => v4FromParts(a.parts[1], a.parts[2])],
  // IPv4-compatible (deprecated): ::a.b.c.d. `::` and `::1` are caught by the table first.
  [ipaddr.parseCIDR('::/96'), (a) => v4FromParts(a.parts[6], a.parts[7])],
];

function v4FromParts(high: number | undefined, low: number | undefined): IPv4 {
  const h = high ?? 0;
  const l = low ?? 0;
  return new ipaddr.IPv4([h >> 8, h & 0xff, l >> 8, l & 0xff]);
}

function matches(address: IPv4 | IPv6, cidr: Cidr): boolean {
  return address.kind() === cidr[0].kind() && address.match(cidr);
}

/** Lowercases a host name and drops a trailing dot and IPv6 brackets. */
export function normalizeHost(host: string): string {
  let value = host.trim().toLowerCase();
  if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1);
  if (value.endsWith('.')) value = value.slice(0, -1);
  return value;
}

/** Parses one allow-list entry; throws a plain Error naming the entry when it is not valid. */
export function parseAllowEntry(entry: string): { cidr: Cidr } | { host: string } {
  const text = entry.trim();
  if (ipaddr.isValidCIDR(text)) return { cidr: ipaddr.parseCIDR(text) };
  const bare = normalizeHost(text);
  if (ipaddr.isValid(bare)) {
    const address = ipaddr.parse(bare);
    return { cidr: [address, address.kind() === 'ipv4' ? 32 : 128] };
  }
  if (
    /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*$/.test(
      bare,
    )
  ) {
    return { host: bare };
  }
  throw new Error(`not a CIDR, IP address or host name: "${entry}"`);
}

/** Parses a policy once. Throws on an invalid allow-list entry. */
export function compilePolicy(policy: OutboundPolicy | CompiledPolicy = {}): CompiledPolicy {
  if (isCompiled(policy)) return policy;
  const allowCidrs: Cidr[] = [];
  const allowHosts = new Set<string>();
  for (const entry of policy.allow ?? []) {
    const parsed = parseAllowEntry(entry);
    if ('cidr' in parsed) allowCidrs.push(parsed.cidr);
    else allowHosts.add(parsed.host);
  }
  return { allowCidrs, allowHosts, allowHttp: policy.allowHttp === true };
}

function isCompiled(policy: OutboundPolicy | CompiledPolicy): policy is CompiledPolicy {
  return 'allowCidrs' in policy && Array.isArray(policy.allowCidrs);
}

function isAllowListed(address: IPv4 | IPv6, embedded: IPv4 | undefined, policy: CompiledPolicy): boolean {
  return policy.allowCidrs.some(
    (cidr) => matches(address, cidr) || (embedded !== undefined && matches(embedded, cidr)),
  );
}

function v4Verdict(address: IPv4): string | undefined {
  for (const [cidr, reason] of v4Blocked) if (address.match(cidr)) return reason;
  return undefined;
}

function v6Verdict(address: IPv6): { reason?: string; embedded?: IPv4 } {
  for (const [cidr, reason] of v6Blocked) if (address.match(cidr)) return { reason };
  for (const [cidr, extract] of embeddedV4Ranges) {
    if (address.match(cidr)) {
      const embedded = extract(address);
      const reason = v4Verdict(embedded);
      return reason === undefined ? { embedded } : { embedded, reason: `ipv4-embedded-${reason}` };
    }
  }
  if (!address.match(globalUnicast)) return { reason: 'reserved' };
  return {};
}

/** Judges one IP address (v4 or v6 text, brackets and zone ids accepted) under the policy. */
export function classifyAddress(ip: string, policy: OutboundPolicy | CompiledPolicy = {}): AddressVerdict {
  const compiled = compilePolicy(policy);
  const text = normalizeHost(ip);
  // Only canonical forms count as addresses here: exotic IPv4 spellings (octal, hex, short) are
  // canonicalised by URL parsing before this point, and are refused if they arrive raw.
  const isV4 = ipaddr.IPv4.isValidFourPartDecimal(text);
  const isV6 = !isV4 && text.includes(':') && ipaddr.IPv6.isValid(text);
  if (!isV4 && !isV6) return { allowed: false, reason: 'invalid' };
  const address = ipaddr.parse(text);
  if (address.kind() === 'ipv4') {
    const reason = v4Verdict(address as IPv4);
    if (reason === undefined) return { allowed: true, reason: 'public' };
    if (isAllowListed(address, undefined, compiled)) return { allowed: true, reason: 'allow-list' };
    return { allowed: false, reason };
  }
  const { reason, embedded } = v6Verdict(address as IPv6);
  if (reason === undefined) return { allowed: true, reason: 'public' };
  if (isAllowListed(address, embedded, compiled)) return { allowed: true, reason: 'allow-list' };
  return { allowed: false, reason };
}

/** True when the policy refuses to connect to this IP address. */
export function isBlockedAddress(ip: string, policy: OutboundPolicy | CompiledPolicy = {}): boolean {
  return !classifyAddress(ip, policy).allowed;
}

/** True when the host name itself is on the allow-list (its addresses are then not checked). */
export function isAllowedHost(host: string, policy: OutboundPolicy | CompiledPolicy = {}): boolean {
  return compilePolicy(policy).allowHosts.has(normalizeHost(host));
}

/** True when `host` is an IP literal (v4 dotted decimal or v6, brackets allowed). */
export function isIpLiteral(host: string): boolean {
  const text = normalizeHost(host);
  return ipaddr.IPv4.isValidFourPartDecimal(text) || (text.includes(':') && ipaddr.IPv6.isValid(text));
}
