#!/usr/bin/env node
/**
 * `npm run bench`: bundles bench/browser.ts with esbuild, serves it on
 * loopback, and runs each benchmark in a fresh page of headless Chromium
 * (Debian's /usr/bin/chromium or CHROME_PATH). Prints one line per figure
 * with its target. Benchmarks measure; they do not fail the build.
 *
 *   npm run bench                 every benchmark
 *   npm run bench -- query heap   only those
 *   npm run bench -- window       the windowed store over HTTP (starts two reference servers of 100,000)
 *   npm run bench -- http fanout edge  the Node-side ones, against the real server (bench/http.node.ts, edge.node.ts)
 *   npm run bench -- pg           PostgreSQL with 1,000,000 conversations (bench/pg.node.ts; only when asked:
 *                                 seeding takes minutes; needs PostgreSQL on 127.0.0.1:5432)
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, extname } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';
import { spawnSync } from 'node:child_process';
import { ServerProcess, freePort } from '../test/server-process.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, '.bench');
await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(root, 'bench/browser.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outfile: join(out, 'bench.js'),
  tsconfig: join(root, 'tsconfig.json'),
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const page = '<!doctype html><meta charset="utf-8"><body><script type="module" src="./bench.js"></script>';
const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/' || path === '/index.html') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    return;
  }
  try {
    const body = await readFile(join(out, path.replace(/^\/+/, '')));
    const type = extname(path) === '.js' ? 'text/javascript' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const all = ['query', 'events', 'heap', 'list', 'conversation', 'cold', 'window'];
/** Node-side benchmarks against the real reference server (bench/http.node.ts). */
const nodeBenches = ['http', 'fanout', 'edge'];
/** Run only when named: PostgreSQL with a million conversations (bench/pg.node.ts, its own process). */
const standalone = ['pg'];
const asked = process.argv.slice(2).filter((name) => all.includes(name) || nodeBenches.includes(name) || standalone.includes(name));
const names = asked.length ? asked.filter((name) => all.includes(name)) : all;
const nodeNames = asked.length ? asked.filter((name) => nodeBenches.includes(name)) : nodeBenches;
const printRow = (row) => {
  const mark = row.target === undefined ? '' : row.ok ? '  ok' : '  OVER TARGET';
  const target = row.target === undefined ? '' : `  (target ${row.target})`;
  console.log(`${row.name.padEnd(62)} ${String(row.value).padStart(10)} ${row.unit}${target}${mark}`);
};

const browser = names.length === 0 ? null : await puppeteer.launch({
  executablePath: chromePath,
  headless: true,
  args: [...chromeArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

let failed = false;
try {
  for (const name of names) {
    const tab = await browser.newPage();
    const cdp = await tab.createCDPSession();
    tab.on('pageerror', (error) => console.error(`[${name}] page error:`, error.message));
    await tab.exposeFunction('__heapUsed', async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    });
    // The windowed store's bench talks to two reference servers of 100,000 conversations (bench/window.bench.ts).
    let search = '';
    const servers = [];
    if (name === 'window') {
      for (const windowFrom of ['20000', '0']) {
        servers.push(await ServerProcess.start({ args: ['--seed-conversations', '100000', '--window-from', windowFrom] }));
      }
      search = `?windowed=${encodeURIComponent(servers[0].baseUrl)}&whole=${encodeURIComponent(servers[1].baseUrl)}`;
    }
    await tab.goto(`http://127.0.0.1:${port}/${search}#${name}`);
    const figures = await tab.waitForFunction('window.__bench', { timeout: 300_000, polling: 200 });
    const result = await figures.jsonValue();
    if (result.error) {
      failed = true;
      console.log(`${name}: ERROR ${result.error}`);
    }
    for (const row of result.rows ?? []) printRow(row);
    await tab.close();
    await Promise.all(servers.map((s) => s.stop()));
  }
} finally {
  await browser?.close();
  server.close();
}

if (nodeNames.length) {
  await build({
    entryPoints: [join(root, 'bench/http.node.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(out, 'http.node.mjs'),
    tsconfig: join(root, 'tsconfig.json'),
    conditions: ['production'],
    logLevel: 'warning',
  });
  const benches = await import(join(out, 'http.node.mjs'));
  for (const name of nodeNames) {
    // A fresh server and database for each, on loopback; the inbound edge's with an integration for ch-sms.
    let real;
    let args = [];
    if (name === 'edge') {
      real = new ServerProcess({ port: await freePort(), args: ['--edge-rate', '0'] });
      const made = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--db', real.db, '--add-integration', 'ch-sms'], { cwd: root, encoding: 'utf8' });
      if (made.status !== 0) throw new Error(`--add-integration failed: ${made.stderr}`);
      args = [JSON.parse(made.stdout).token];
      await real.start();
    } else real = await ServerProcess.start();
    try {
      for (const row of await benches[name](real.baseUrl, ...args)) printRow(row);
    } catch (error) {
      failed = true;
      console.log(`${name}: ERROR ${error instanceof Error ? error.stack : String(error)}`);
    } finally {
      await real.stop();
    }
  }
}
for (const name of asked.filter((name) => standalone.includes(name))) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.node.ts`], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed = true;
    console.log(`${name}: ERROR (exit ${run.status})`);
  }
}
process.exit(failed ? 1 : 0);
