/**
 * The Chromium every browser tool of the project drives (the test runner,
 * the benchmarks, the screenshots, the host examples): Debian's, or
 * CHROME_PATH; npm-downloaded browsers cannot be fetched here. The flags keep
 * it headless, unsandboxed as root, and off the closed network.
 */
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
