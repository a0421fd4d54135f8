/**
 * IP addresses and CIDR ranges, IPv4 and IPv6, parsed by ipaddr.js. IPv4-mapped IPv6 addresses
 * (`::ffff:203.0.113.5`, what a dual-stack socket reports) are treated as the IPv4 address, so a
 * rule written `203.0.113.0/24` matches them. A bare address is a /32 (IPv4) or /128 (IPv6).
 */
import ipaddr from 'ipaddr.js';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** A parsed range: the network address and its prefix length. */
export interface IpRange {
  address: IpAddress;
  prefix: number;
  /** Canonical text: `203.0.113.0/24`, `2001:db8::/32`. */
  text: string;
}

/** Addresses parsed lately, by their text: every request parses its client's address (twice). */
const recentlyParsed = new Map<string, IpAddress | null>();
const MAX_RECENTLY_PARSED = 1_000;

/**
 * The address, with IPv4-mapped IPv6 turned into IPv4; `undefined` when `text` is not an IP
 * address. The result may be shared with other callers: read it, never change it.
 */
export function parseIp(text: string | undefined): IpAddress | undefined {
  if (text === undefined) return undefined;
  const known = recentlyParsed.get(text);
  if (known !== undefined) return known ?? undefined;
  const address = parseIpText(text.trim()) ?? null;
  if (recentlyParsed.size >= MAX_RECENTLY_PARSED) {
    const oldest = recentlyParsed.keys().next();
    if (!oldest.done) recentlyParsed.delete(oldest.value);
  }
  recentlyParsed.set(text, address);
  return address ?? undefined;
}

function parseIpText(trimmed: string): IpAddress | undefined {
  // Plain dotted quads only: `1.2.3` or `0x7f.1` are valid to inet_aton, never meant in a rule.
  if (!trimmed.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(trimmed)) return undefined;
  if (!ipaddr.isValid(trimmed)) return undefined;
  // `process` turns `::ffff:a.b.c.d` into the IPv4 address.
  return ipaddr.process(trimmed);
}

/**
 * `203.0.113.0/24`, `2001:db8::/32`, or one address; `undefined` when invalid. Host bits are
 * cleared (`10.1.2.3/8` is `10.0.0.0/8`) so the canonical text is stable.
 */
export function parseRange(text: string): IpRange | undefined {
  const trimmed = text.trim();
  if (trimmed.includes('/')) {
    if (!ipaddr.isValidCIDR(trimmed)) return undefined;
    if (!trimmed.includes(':') && !ipaddr.IPv4.isValidCIDRFourPartDecimal(trimmed)) return undefined;
    const [rawAddress, rawPrefix] = ipaddr.parseCIDR(trimmed);
    let address: IpAddress = rawAddress;
    let prefix = rawPrefix;
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96) {
      address = (address as ipaddr.IPv6).toIPv4Address();
      prefix -= 96;
    }
    const network =
      address.kind() === 'ipv4'
        ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`)
        : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`);
    return { address: network, prefix, text: `${network.toString()}/${prefix}` };
  }
  const address = parseIp(trimmed);
  if (!address) return undefined;
  const prefix = address.kind() === 'ipv4' ? 32 : 128;
  return { address, prefix, text: `${address.toString()}/${prefix}` };
}

/** True when `address` is inside `range` (never across families). */
export function inRange(address: IpAddress, range: IpRange): boolean {
  if (address.kind() !== range.address.kind()) return false;
  return address.match(range.address, range.prefix);
}

/** The first range of `ranges` holding `address`. */
export function firstMatch(address: IpAddress | undefined, ranges: readonly IpRange[]): IpRange | undefined {
  if (!address) return undefined;
  return ranges.find((range) => inRange(address, range));
}

/** Parses a list of ranges; throws a TypeError naming the first invalid entry (configuration errors). */
export function parseRanges(texts: readonly string[], what: string): IpRange[] {
  return texts.map((text) => {
    const range = parseRange(text);
    if (!range) throw new TypeError(`${what}: "${text}" is not an IP address or CIDR range.`);
    return range;
  });
}
