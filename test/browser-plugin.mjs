/**
 * A web-test-runner plugin with commands that reach the test's own Chromium
 * page through the Chrome DevTools Protocol (@web/test-runner-chrome's
 * launcher gives the puppeteer page of a session):
 *
 *   cpu:throttle { rate }   slows the page's CPU `rate` times (1: full speed), as
 *                           DevTools' performance panel does: test/figures.test.ts
 *                           measures interactions on a slowed CPU.
 */
export function browserPlugin() {
  const sessions = new Map();
  return {
    name: 'inbox-browser',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cpu:throttle') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) throw new Error('cpu:throttle needs the Chrome launcher');
      let cdp = sessions.get(session.id);
      if (!cdp) sessions.set(session.id, (cdp = await page.createCDPSession()));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(payload?.rate ?? 1) });
      return true;
    },
  };
}
