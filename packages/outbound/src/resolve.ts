/**
 * Host resolution under the policy. Every address a name resolves to is checked; one refused
 * address refuses the host (a name that mixes public and private answers is a rebinding tool).
 * The checked addresses are what the connection uses: the client's socket `lookup` hook calls
 * `resolveChecked`, so no second, unchecked resolution happens between check and connect.
 */

import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import {
  type CompiledPolicy,
  classifyAddress,
  isAllowedHost,
  isIpLiteral,
  normalizeHost,
} from './address-policy.js';
import { OutboundAddressBlockedError, OutboundDnsError } from './errors.js';

/** Resolves a host name to all its addresses (like `dns.lookup(host, { all: true })`). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Resolves `host` and checks every address; resolves to the addresses, all allowed. */
export async function resolveChecked(
  host: string,
  policy: CompiledPolicy,
  resolver: Resolver = systemResolver,
): Promise<LookupAddress[]> {
  const name = normalizeHost(host);
  if (isIpLiteral(name)) {
    assertAllowed(name, name, policy);
    return [{ address: name, family: name.includes(':') ? 6 : 4 }];
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolver(name);
  } catch (error) {
    throw new OutboundDnsError(name, { cause: error });
  }
  if (addresses.length === 0) throw new OutboundDnsError(name);
  if (isAllowedHost(name, policy)) return addresses;
  for (const { address } of addresses) assertAllowed(name, address, policy);
  return addresses;
}

function assertAllowed(host: string, address: string, policy: CompiledPolicy): void {
  const verdict = classifyAddress(address, policy);
  if (!verdict.allowed) throw new OutboundAddressBlockedError(host, address, verdict.reason);
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;
interface LookupOptions {
  all?: boolean;
  family?: number | string;
}

/**
 * A `net.connect({ lookup })` hook that resolves through `resolveChecked`: the socket connects
 * only to an address that passed the policy.
 */
export function createCheckedLookup(policy: CompiledPolicy, resolver: Resolver = systemResolver) {
  return (hostname: string, options: LookupOptions | number, callback: LookupCallback): void => {
    const opts: LookupOptions = typeof options === 'number' ? { family: options } : options;
    resolveChecked(hostname, policy, resolver).then(
      (addresses) => {
        const family = opts.family === 'IPv4' ? 4 : opts.family === 'IPv6' ? 6 : opts.family;
        const wanted =
          family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
        if (wanted.length === 0) {
          callback(new OutboundDnsError(hostname), '', 0);
          return;
        }
        if (opts.all === true) callback(null, wanted);
        else {
          const first = wanted[0] as LookupAddress;
          callback(null, first.address, first.family);
        }
      },
      (error: Error) => callback(error, '', 0),
    );
  };
}
