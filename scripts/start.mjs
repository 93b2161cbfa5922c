// `npm start`: the reference server (--dev, port 8787, server/data/inbox.db, simulated traffic)
// and then Vite's dev server, whose /api proxy reaches the server. Output of
// both is forwarded; Ctrl+C (or either one exiting) stops both.
import { spawn } from 'node:child_process';

// --traffic: simulated inbound messages, calls and other agents' actions, so
// the demo is live from the first second (one command a second).
const SERVER_ARGS = [
  '--import',
  'tsx',
  'server/main.ts',
  '--dev',
  '--port',
  '8787',
  '--db',
  'server/data/inbox.db',
  '--traffic',
  '1',
];
const children = new Set();
let stopping = false;

function run(command, args, name) {
  const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'inherit'] });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping.`);
      // Ctrl+C reaches the children too: one that stopped on a signal or cleanly is no failure.
      stop(code === 0 || signal !== null ? 0 : (code ?? 1));
    } else if (children.size === 0) process.exit(process.exitCode ?? 0);
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children) child.kill('SIGTERM');
  // A child that ignores SIGTERM is not waited for forever.
  setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(code);
  }, 5000).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const server = run(process.execPath, SERVER_ARGS, 'the reference server');
let started = false;
server.stdout.setEncoding('utf8');
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  // Vite starts once the server listens (its proxy would fail before).
  if (!started && chunk.includes('listening on')) {
    started = true;
    const vite = run(process.execPath, ['node_modules/vite/bin/vite.js'], 'vite');
    vite.stdout.pipe(process.stdout);
  }
});
