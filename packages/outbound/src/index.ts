export type { AddressVerdict, CompiledPolicy, OutboundPolicy } from './address-policy.js';
export {
  classifyAddress,
  compilePolicy,
  isAllowedHost,
  isBlockedAddress,
  isIpLiteral,
  normalizeHost,
} from './address-policy.js';
export type { CheckedUrl, CheckUrlOptions } from './check-url.js';
export { checkUrl, parseOutboundUrl } from './check-url.js';
export type {
  OutboundClient,
  OutboundClientOptions,
  OutboundRequestOptions,
  OutboundResponse,
} from './client.js';
export { createOutboundClient } from './client.js';
export type { OutboundErrorCode } from './errors.js';
export {
  isOutboundError,
  OutboundAddressBlockedError,
  OutboundConnectionError,
  OutboundDnsError,
  OutboundError,
  OutboundHttpsRequiredError,
  OutboundInvalidUrlError,
  OutboundTimeoutError,
} from './errors.js';
export type { OutboundEnv } from './outbound-env.js';
export { outboundEnvSchema, outboundPolicyFromEnv, outboundPolicySchema } from './outbound-env.js';
export type { Resolver } from './resolve.js';
export { createCheckedLookup, resolveChecked, systemResolver } from './resolve.js';
