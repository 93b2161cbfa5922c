import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { existsSync, readdirSync } from 'node:fs';
import { ensureBundle } from './scripts/bundle-build.mjs';
import { chromeArgs, chromePath } from './scripts/chrome.mjs';
import { manifestPlugin } from './test/manifest-plugin.mjs';
import { browserPlugin } from './test/browser-plugin.mjs';
import { serverPlugin } from './test/server-plugin.mjs';

export { chromeArgs, chromePath } from './scripts/chrome.mjs';

const hasTests = (dir) =>
  existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.test.ts'));

/**
 * One group per layer, and one per element folder, so that
 * `npm run test:group -- status-badge` runs one element's tests alone.
 * Folders without tests yet are left out (wtr refuses empty patterns).
 */
const elementGroups = existsSync('src/elements')
  ? readdirSync('src/elements', { withFileTypes: true })
      .filter((d) => d.isDirectory() && hasTests(`src/elements/${d.name}`))
      .map((d) => ({ name: d.name, files: `src/elements/${d.name}/**/*.test.ts` }))
  : [];
const groups = [
  { name: 'model', files: 'src/model/**/*.test.ts', dir: 'src/model' },
  { name: 'store', files: 'src/store/**/*.test.ts', dir: 'src/store' },
  { name: 'protocol', files: 'src/protocol/**/*.test.ts', dir: 'src/protocol' },
  { name: 'backend', files: 'src/backend/**/*.test.ts', dir: 'src/backend' },
  { name: 'transport', files: 'src/transport/**/*.test.ts', dir: 'src/transport' },
  { name: 'controllers', files: 'src/controllers/**/*.test.ts', dir: 'src/controllers' },
  { name: 'elements', files: 'src/elements/**/*.test.ts', dir: 'src/elements' },
  { name: 'integration', files: 'test/**/*.test.ts', dir: 'test' },
]
  .filter((g) => hasTests(g.dir))
  .map(({ name, files }) => ({ name, files }))
  .concat(elementGroups);

// The script-tag bundle, which test/bundle-dist.test.ts loads, is built here,
// before the runner starts, when it is missing or older than a source (a few
// seconds; nothing when fresh): a build inside a test command has the
// runner's 20 s, and once timed out on a loaded machine.
ensureBundle({ orRemove: true });

// wtr runs every configured group on top of `files`, so the groups are
// declared only when one is asked for (`--group`), else each test runs twice.
const wantsGroup = process.argv.includes('--group');

export default {
  // test/figures.test.ts first, in a browser that has run nothing yet: its figures (the INP budget
  // above all) then measure the inbox, not what eighty test files left behind in the browser.
  files: [...(hasTests('test') ? ['test/figures.test.ts'] : []), 'src/**/*.test.ts', ...(hasTests('test') ? ['test/**/*.test.ts'] : [])],
  ...(wantsGroup ? { groups } : {}),
  nodeResolve: true,
  concurrency: 1,
  // test/figures.test.ts watches a minute of live traffic, among its other figures.
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), serverPlugin(), manifestPlugin(), browserPlugin()],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromePath, headless: true, args: chromeArgs } })],
};
