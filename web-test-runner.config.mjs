import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

/** Debian's Chromium, or CHROME_PATH; npm-downloaded browsers cannot be fetched here. */
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromeArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** One group per folder of tests, so `npm run test:group -- <name>` runs one alone. */
const groups = [
  { name: 'model', files: 'src/model/**/*.test.ts' },
  { name: 'store', files: 'src/store/**/*.test.ts' },
  { name: 'transport', files: 'src/transport/**/*.test.ts' },
  { name: 'elements', files: 'src/elements/**/*.test.ts' },
  { name: 'integration', files: 'test/**/*.test.ts' },
];

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  groups,
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromePath, headless: true, args: chromeArgs } })],
};
