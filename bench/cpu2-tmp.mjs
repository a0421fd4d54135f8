import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const cpu = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const child = fork('exp-srv.mjs', { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const msg = await new Promise((r) => child.once('message', r));
for (const [key, path] of Object.entries(msg.paths)) {
  await autocannon({ url: msg.url + path, connections: 16, duration: 1 });
  const c0 = cpu(child.pid);
  const r = await autocannon({ url: msg.url + path, connections: 16, duration: 3 });
  const c1 = cpu(child.pid);
  console.log(
    key.padEnd(12),
    'req/s',
    Math.round(r.requests.average),
    'server CPU us/req',
    (((c1 - c0) * 1000) / r.requests.total).toFixed(1),
    'non2xx',
    r.non2xx,
  );
}
child.kill('SIGKILL');
