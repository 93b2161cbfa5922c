// `npm run test:examples`: every way a host embeds the library, proved the way a host does it
// (issue 10). Builds the library, packs it once (tmp/inbox-elements.tgz), checks what the
// packed package asks a host to install, installs the tarball into each host project under
// examples/ (each with its own package.json and lock, no workspace links), builds each with its
// own tooling, and runs each one's test: Chromium driven with real clicks and keys, or node:test.
//
//   node scripts/examples.mjs                 everything
//   node scripts/examples.mjs react19 vue3    those examples only (the package check always runs)
//   node scripts/examples.mjs --no-build      reuse dist/ as it is (the tarball is packed again)
//
// Each example keeps its node_modules between runs: `npm install <tarball>` then replaces the
// library alone while the example's lock is unchanged; on a fresh clone everything installs from
// the registry. The tarball's integrity is left out of the examples' locks (it changes with
// every build). Installs and builds run two at a time, the browser tests one after another.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const TMP = join(ROOT, 'tmp');
const LOGS = join(TMP, 'examples');
const TARBALL = join(TMP, 'inbox-elements.tgz');

/**
 * What the packed package may ask a host to install: what browser code needs. A new runtime
 * dependency of the library goes here, or the check fails (the test of issue 10's item 1).
 */
export const BROWSER_DEPENDENCIES = new Set([
  'lit',
  '@lit/context',
  '@lit/localize',
  '@lit/react',
  'rxjs',
  'valibot',
  'dompurify',
  'lucide',
]);
/**
 * Optional peer dependencies: the host's own framework, for inbox-elements/react, /jsx and /vue.
 * npm installs an optional peer only for a host that already depends on it.
 */
export const OPTIONAL_HOST_PEERS = new Set(['react', 'react-dom', 'vue', '@lit/react']);
/** Named in the failure when one of these slips into the package's dependencies. */
const SERVER_OR_NATIVE = /^(better-sqlite3|sqlite3|bindings|node-gyp|node-gyp-build|prebuild-install|node-addon-api|nan|pg|mysql2?|ioredis|express|fastify|tsx|ws)$/;

/** The host projects, in the order their tests run. */
const EXAMPLES = [
  { name: 'plain-html', what: 'a page without a bundler: the script-tag bundle copied from the package (4 pages)' },
  { name: 'react19', what: 'React 19 + Vite: the tags as JSX' },
  { name: 'react18', what: 'React 18 + Vite: @lit/react wrappers' },
  { name: 'vue3', what: 'Vue 3 + Vite: a template with isCustomElement' },
  { name: 'storybook', what: 'Storybook 10: a story iframe' },
  { name: 'custom-transport', what: "Node: a host's transport under node:test; the package imported in Node" },
];

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const only = args.filter((a) => !a.startsWith('--'));
const unknown = only.filter((name) => !EXAMPLES.some((e) => e.name === name));
if (unknown.length > 0) {
  console.error(`unknown example(s): ${unknown.join(', ')} (examples: ${EXAMPLES.map((e) => e.name).join(', ')})`);
  process.exit(2);
}
const examples = EXAMPLES.filter((e) => only.length === 0 || only.includes(e.name));

const started = performance.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
mkdirSync(LOGS, { recursive: true });

/** Runs a command; resolves to { ok, output (stdout and stderr), stdout, ms }. The output also goes to tmp/examples/<log>.log. */
function run(command, commandArgs, { cwd = ROOT, log, env = {} } = {}) {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `\n${error.message}`));
    child.on('close', (code) => {
      if (log) writeFileSync(join(LOGS, `${log}.log`), `$ ${command} ${commandArgs.join(' ')}   (in ${relative(ROOT, cwd) || '.'})\n${output}`);
      resolve({ ok: code === 0, output, stdout, ms: performance.now() - start });
    });
  });
}

/** Runs `task` over `items`, `limit` at a time. */
async function pool(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const tail = (text, lines = 25) => text.trimEnd().split('\n').slice(-lines).map((l) => `      ${l}`).join('\n');
const lines = []; // the summary, one line per host path
const record = (ok, name, detail) => {
  lines.push(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(17)} ${detail}`);
  return ok;
};
let failed = false;

// 1. The library, built and packed once.
if (!skipBuild) {
  console.log('building the library (npm run build)...');
  const build = await run('npm', ['run', 'build'], { log: 'library-build' });
  if (!build.ok) {
    console.error(`npm run build failed (${seconds(build.ms)}):\n${tail(build.output, 40)}`);
    process.exit(1);
  }
  console.log(`  built in ${seconds(build.ms)}`);
}
rmSync(TARBALL, { force: true });
const pack = await run('npm', ['pack', '--json', '--pack-destination', TMP], { log: 'library-pack' });
let packed;
try {
  packed = JSON.parse(pack.stdout)[0];
} catch {
  console.error(`npm pack failed:\n${tail(pack.output, 40)}`);
  process.exit(1);
}
// One name whatever the version, so that the examples' package.json files never change.
cpSync(join(TMP, packed.filename), TARBALL);
rmSync(join(TMP, packed.filename));
console.log(`packed ${relative(ROOT, TARBALL)}: ${(packed.size / 1024).toFixed(0)} kB, ${packed.entryCount} files (${seconds(pack.ms)})`);

// 2. What the package asks of a host that installs it.
{
  const start = performance.now();
  const problems = [];
  const manifest = JSON.parse((await run('tar', ['-xzOf', TARBALL, 'package/package.json'])).stdout);
  const files = new Set(packed.files.map((f) => f.path));
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    for (const name of Object.keys(manifest[field] ?? {})) {
      const optionalPeer = field === 'peerDependencies' && manifest.peerDependenciesMeta?.[name]?.optional === true;
      if (SERVER_OR_NATIVE.test(name)) problems.push(`${field} lists ${name}, a server or native package: a host would install (or compile) it for nothing`);
      else if (optionalPeer && OPTIONAL_HOST_PEERS.has(name)) continue;
      else if (!BROWSER_DEPENDENCIES.has(name)) {
        problems.push(`${field} lists ${name}, which is not in scripts/examples.mjs's BROWSER_DEPENDENCIES${field === 'peerDependencies' ? ' (nor an optional peer in OPTIONAL_HOST_PEERS)' : ''}: add it there if browser code needs it`);
      }
    }
  }
  for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
    if (manifest.scripts?.[script]) problems.push(`scripts.${script} would run in every host's install`);
  }
  for (const file of files) if (file.endsWith('.node')) problems.push(`a native binary in the package: ${file}`);
  const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(targets));
  for (const [entry, target] of Object.entries(manifest.exports ?? {})) {
    for (const path of targets(target)) if (!files.has(path.replace(/^\.\//, ''))) problems.push(`exports["${entry}"] points at ${path}, missing from the package`);
  }
  for (const path of ['dist/inbox-elements.bundle.js', 'dist/testing.js', 'dist/types/testing.d.ts', 'custom-elements.json']) {
    if (!files.has(path)) problems.push(`${path} is missing from the package`);
  }
  if (![...files].some((f) => f.startsWith('dist/bundle-chunks/'))) problems.push('dist/bundle-chunks/ is missing from the package');
  const deps = Object.keys(manifest.dependencies ?? {}).join(', ');
  const peers = Object.keys(manifest.peerDependencies ?? {}).join(', ');
  const summary = `dependencies ${deps}; optional peers ${peers || 'none'}; every export present`;
  failed = !record(problems.length === 0, 'package', `${problems.length === 0 ? summary : `${problems.length} problem(s), above`} (${seconds(performance.now() - start)})`) || failed;
  for (const problem of problems) console.error(`  package: ${problem}`);
}

/** Leaves the tarball's integrity out of an example's lock: it changes with every build of the library. */
function normalizeLock(dir) {
  const file = join(dir, 'package-lock.json');
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const lock = JSON.parse(text);
  const entry = lock.packages?.['node_modules/inbox-elements'];
  if (!entry?.integrity) return;
  delete entry.integrity;
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}

// 3. Install and build each host, two at a time.
console.log(`installing and building ${examples.length} example(s)...`);
const prepared = await pool(examples, 2, async (example) => {
  const dir = join(ROOT, 'examples', example.name);
  const fresh = !existsSync(join(dir, 'node_modules'));
  const install = await run('npm', ['install', '--no-audit', '--no-fund', relative(dir, TARBALL)], { cwd: dir, log: `${example.name}-install` });
  normalizeLock(dir);
  if (!install.ok) return { example, fresh, install, stage: 'install' };
  const build = await run('npm', ['run', 'build'], { cwd: dir, log: `${example.name}-build` });
  console.log(`  ${example.name}: installed${fresh ? ' (fresh)' : ''} in ${seconds(install.ms)}, built in ${seconds(build.ms)}${build.ok ? '' : ' (build FAILED)'}`);
  return { example, fresh, install, build, stage: build.ok ? null : 'build' };
});

// 4. The tests, one after another (one browser at a time).
for (const { example, fresh, install, build, stage } of prepared) {
  const timing = [`install ${seconds(install.ms)}${fresh ? ' fresh' : ''}`];
  if (build) timing.push(`build ${seconds(build.ms)}`);
  if (stage) {
    const step = stage === 'install' ? install : build;
    console.log(`\n${example.name}: npm ${stage === 'install' ? 'install' : 'run build'} failed (tmp/examples/${example.name}-${stage}.log):\n${tail(step.output)}`);
    failed = !record(false, example.name, `${example.what}: ${stage} failed (${timing.join(', ')})`) || failed;
    continue;
  }
  console.log(`\n${example.name}: ${example.what}`);
  const dir = join(ROOT, 'examples', example.name);
  const test = await run('npm', ['test', '--silent'], { cwd: dir, log: `${example.name}-test` });
  timing.push(`test ${seconds(test.ms)}`);
  const shown = example.name === 'custom-transport' ? test.output.split('\n').filter((l) => /^\s*(✔|✖|ℹ (tests|pass|fail))/.test(l) || /not ok|AssertionError|Error:/.test(l)).join('\n') : test.output;
  console.log(shown.trimEnd() || '  (no output)');
  if (!test.ok && example.name === 'custom-transport') console.log(tail(test.output, 40));
  failed = !record(test.ok, example.name, `${example.what} (${timing.join(', ')})`) || failed;
}

console.log(`\n${lines.join('\n')}`);
console.log(`\nhost examples: ${failed ? 'FAILED' : 'all passed'} in ${seconds(performance.now() - started)} (logs in ${relative(ROOT, LOGS)}/)`);
process.exitCode = failed ? 1 : 0;
