import { describe, expect, it } from 'vitest';
import {
  createLinkBuilder,
  deliverLink,
  devLinkSender,
  type LinkLog,
  type LinkMessage,
  undeliveredLinkSender,
} from './link-sender.js';

function recordingLog() {
  const lines: { level: 'info' | 'error'; bindings: Record<string, unknown>; message: string }[] = [];
  const log: LinkLog = {
    info: (bindings, message) => void lines.push({ level: 'info', bindings, message }),
    error: (bindings, message) => void lines.push({ level: 'error', bindings, message }),
  };
  return { log, lines };
}

const message: LinkMessage = {
  kind: 'password_reset',
  productId: 'acme',
  userId: 'usr_1',
  email: 'ann@example.com',
  url: 'https://app.example.com/reset-password?token=abc',
  expiresAt: 0,
};

describe('createLinkBuilder', () => {
  it('builds reset and verification links under the base URL', () => {
    const link = createLinkBuilder({ baseUrl: 'https://app.example.com/', defaultProductId: 'acme' });
    expect(link('password_reset', 'acme', 'abc_-9')).toBe(
      'https://app.example.com/reset-password?token=abc_-9',
    );
    expect(link('email_verification', 'acme', 'xyz')).toBe('https://app.example.com/verify-email?token=xyz');
    expect(link('email_verification', 'globex', 'xyz')).toBe(
      'https://app.example.com/verify-email?token=xyz&productId=globex',
    );
    const nested = createLinkBuilder({ baseUrl: 'https://example.com/app//', defaultProductId: 'acme' });
    expect(nested('password_reset', 'acme', 't')).toBe('https://example.com/app/reset-password?token=t');
  });

  it('refuses a base URL that is not an absolute http(s) URL without query', () => {
    for (const baseUrl of [
      'app.example.com',
      'ftp://example.com',
      'https://example.com/?a=1',
      'https://x.com/#f',
    ]) {
      expect(() => createLinkBuilder({ baseUrl, defaultProductId: 'acme' })).toThrow(TypeError);
    }
  });
});

describe('devLinkSender and deliverLink', () => {
  it('logs the link through the given log, the token only in the message', async () => {
    const { log, lines } = recordingLog();
    expect(await deliverLink(devLinkSender, message, log)).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      bindings: { kind: 'password_reset', productId: 'acme', userId: 'usr_1' },
    });
    expect(lines[0]?.message).toContain(message.url);
    expect(JSON.stringify(lines[0]?.bindings)).not.toContain('abc');
  });

  it('reports a failing sender as false and logs the failure without the link', async () => {
    const { log, lines } = recordingLog();
    const failing = {
      send: async () => {
        throw new Error('smtp down');
      },
    };
    expect(await deliverLink(failing, message, log)).toBe(false);
    expect(lines.map((line) => line.level)).toEqual(['error']);
    expect(JSON.stringify(lines)).not.toContain('token=abc');
  });

  it('in production without delivery, sends nothing and logs an error without the link', async () => {
    const { log, lines } = recordingLog();
    expect(await deliverLink(undeliveredLinkSender, message, log)).toBe(false);
    expect(lines.map((line) => line.level)).toEqual(['error']);
    expect(JSON.stringify(lines)).not.toContain('token=abc');
  });
});
