// Child process for bench/delivery.mjs: a local SMTP sink (smtp-server) and a local APNs-like
// TLS HTTP/2 server, so the servers' work does not share the measured process. The APNs server
// checks the provider JWT's ES256 signature (once per distinct token, as APNs caches it), the
// topic and the push type, then answers 200 with the apns-id. Reports
// `{ ready, smtpPort, apnsPort, cert }` over IPC; answers `{ counts }` on request.
import { createPublicKey, verify } from 'node:crypto';
import { createSecureServer } from 'node:http2';
import { SMTPServer } from 'smtp-server';

const { BENCH_APNS_PUBLIC_KEY, BENCH_TLS_KEY, BENCH_TLS_CERT, BENCH_APNS_TOPIC } = process.env;
const apnsKey = createPublicKey(BENCH_APNS_PUBLIC_KEY);
let smtpMessages = 0;
let apnsRequests = 0;
const verifiedTokens = new Set();

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 1024 * 1024,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      smtpMessages += 1;
      callback();
    });
  },
});

function tokenValid(jwt) {
  if (verifiedTokens.has(jwt)) return true;
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return false;
  const ok = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key: apnsKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (ok) verifiedTokens.add(jwt);
  return ok;
}

const apns = createSecureServer({ key: BENCH_TLS_KEY, cert: BENCH_TLS_CERT, peerMaxConcurrentStreams: 1000 });
apns.on('stream', (stream, headers) => {
  stream.on('data', () => {});
  stream.on('end', () => {
    const auth = String(headers.authorization ?? '');
    if (!auth.startsWith('bearer ') || !tokenValid(auth.slice(7))) {
      stream.respond({ ':status': 403 });
      stream.end('{"reason":"InvalidProviderToken"}');
      return;
    }
    if (headers['apns-topic'] !== BENCH_APNS_TOPIC || !headers['apns-push-type']) {
      stream.respond({ ':status': 400 });
      stream.end('{"reason":"BadTopic"}');
      return;
    }
    apnsRequests += 1;
    stream.respond({ ':status': 200, 'apns-id': String(headers['apns-id'] ?? '') });
    stream.end();
  });
});

await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
await new Promise((resolve) => apns.listen(0, '127.0.0.1', resolve));
process.on('message', (message) => {
  if (message === 'counts') process.send({ counts: { smtpMessages, apnsRequests } });
});
process.on('SIGTERM', () => {
  smtp.close(() => {});
  apns.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
});
process.send({ ready: true, smtpPort: smtp.server.address().port, apnsPort: apns.address().port });
