import type { AddressInfo } from 'node:net';
import { connect, createServer } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from './tls-certificate.js';

describe('selfSignedCertificate', () => {
  it('serves TLS on 127.0.0.1 that a client trusting it verifies, by address and by name', async () => {
    const certificate = selfSignedCertificate();
    expect(selfSignedCertificate()).toBe(certificate); // made once
    const server = createServer(certificate, (socket) => socket.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const servername of [undefined, 'localhost']) {
        const answer = await new Promise<string>((resolve, reject) => {
          const socket = connect({ host: '127.0.0.1', port, ca: certificate.cert, servername }, () => {
            expect(socket.authorized).toBe(true);
          });
          let text = '';
          socket.on('data', (chunk) => {
            text += chunk;
          });
          socket.on('end', () => resolve(text));
          socket.on('error', reject);
        });
        expect(answer).toBe('hello');
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
