import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const cpu = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}; // ms
for (const [script, key] of [
  ['servers/bare-fastify.mjs', 'hello'],
  ['servers/platform.mjs', 'health'],
  ['servers/platform.mjs', 'read'],
]) {
  const child = fork(script, { env: { ...process.env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const msg = await new Promise((r) => child.once('message', r));
  await autocannon({ url: msg.url + msg.paths[key], connections: 16, duration: 1 });
  const c0 = cpu(child.pid);
  const r = await autocannon({ url: msg.url + msg.paths[key], connections: 16, duration: 4 });
  const c1 = cpu(child.pid);
  console.log(
    key.padEnd(8),
    'req/s',
    Math.round(r.requests.average),
    'server CPU us/req',
    (((c1 - c0) * 1000) / r.requests.total).toFixed(1),
  );
  child.kill('SIGTERM');
  await new Promise((res) => child.once('exit', res));
}
