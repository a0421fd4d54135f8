import { describe, expect, it } from 'vitest';
import { classifyAddress, compilePolicy, isBlockedAddress } from './address-policy.js';

describe('isBlockedAddress: refused by default', () => {
  const blocked: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['100.64.0.1', 'carrier-grade-nat'],
    ['100.127.255.254', 'carrier-grade-nat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
    ['2001:2::1', 'benchmarking'],
    ['100::1', 'discard'],
    ['64:ff9b:1::1', 'nat64-local'],
    ['4000::1', 'reserved'],
    ['::ffff:127.0.0.1', 'ipv4-embedded-loopback'],
    ['::ffff:7f00:1', 'ipv4-embedded-loopback'],
    ['::ffff:169.254.169.254', 'ipv4-embedded-link-local'],
    ['::ffff:10.0.0.1', 'ipv4-embedded-private'],
    ['::127.0.0.1', 'ipv4-embedded-loopback'],
    ['::ffff:0:192.168.0.1', 'ipv4-embedded-private'],
    ['64:ff9b::169.254.169.254', 'ipv4-embedded-link-local'],
    ['64:ff9b::a00:1', 'ipv4-embedded-private'],
    ['2002:7f00:1::1', 'ipv4-embedded-loopback'],
    ['2002:a9fe:a9fe::', 'ipv4-embedded-link-local'],
    ['[::1]', 'loopback'],
  ];
  it.each(blocked)('%s → %s', (ip, reason) => {
    expect(isBlockedAddress(ip)).toBe(true);
    expect(classifyAddress(ip)).toEqual({ allowed: false, reason });
  });

  it('refuses text that is not a canonical IP address (raw exotic spellings included)', () => {
    for (const text of [
      '',
      'localhost',
      '0x7f000001',
      '2130706433',
      '0177.0.0.1',
      '127.1',
      '1.2.3.4.5',
      '::g',
    ]) {
      expect(classifyAddress(text)).toEqual({ allowed: false, reason: 'invalid' });
    }
  });
});

describe('isBlockedAddress: allowed', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '2a00:1450::1',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('%s is public', (ip) => {
    expect(classifyAddress(ip)).toEqual({ allowed: true, reason: 'public' });
  });

  it('the allow-list opens exactly its ranges, also in IPv4-mapped form', () => {
    const policy = compilePolicy({ allow: ['127.0.0.1/32', '10.1.0.0/16', 'fd00::1'] });
    expect(classifyAddress('127.0.0.1', policy)).toEqual({ allowed: true, reason: 'allow-list' });
    expect(classifyAddress('::ffff:127.0.0.1', policy)).toEqual({ allowed: true, reason: 'allow-list' });
    expect(isBlockedAddress('127.0.0.2', policy)).toBe(true);
    expect(isBlockedAddress('10.1.200.3', policy)).toBe(false);
    expect(isBlockedAddress('10.2.0.1', policy)).toBe(true);
    expect(isBlockedAddress('fd00::1', policy)).toBe(false);
    expect(isBlockedAddress('fd00::2', policy)).toBe(true);
    expect(isBlockedAddress('169.254.169.254', policy)).toBe(true);
  });

  it('rejects an invalid allow-list entry at compile time', () => {
    expect(() => compilePolicy({ allow: ['10.0.0.0/33'] })).toThrow(/not a CIDR/);
    expect(() => compilePolicy({ allow: ['bad host!'] })).toThrow(/not a CIDR/);
  });
});
