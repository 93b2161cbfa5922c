/**
 * A web-test-runner plugin with commands that reach the test's own Chromium
 * page through the Chrome DevTools Protocol (@web/test-runner-chrome's
 * launcher gives the puppeteer page of a session):
 *
 *   cpu:throttle { rate }   slows the page's CPU `rate` times (1: full speed), as
 *                           DevTools' performance panel does: test/figures.test.ts
 *                           measures interactions on a slowed CPU.
 *   cpu:profile { file }    starts the V8 sampling profiler, or with `file`
 *                           stops it and writes the .cpuprofile there (for
 *                           DevTools' performance panel): a test kept out of
 *                           the suite profiles what an interaction runs.
 *   window:size { width, height }  sets the browser window's size and answers
 *                           the one it had: Chromium does not draw a frame
 *                           whose only change lies outside its real window,
 *                           so a test that times frames on an emulated
 *                           viewport larger than the window enlarges it.
 *   mouse:wheel { x, y, deltaY }  turns the mouse wheel over a point, as a
 *                           person does (a trusted input event, through CDP
 *                           Input.dispatchMouseEvent): the page scrolls.
 *   cpu:trace { file }      starts a Chrome trace (main thread, compositor,
 *                           raster, GPU), or with `file` stops it and writes
 *                           the trace there: where an interaction's time goes
 *                           after its script (style, layout, paint, raster).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function browserPlugin() {
  const sessions = new Map();
  return {
    name: 'inbox-browser',
    async executeCommand({ command, payload, session }) {
      if (!['cpu:throttle', 'cpu:profile', 'cpu:trace', 'window:size', 'mouse:wheel'].includes(command)) return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) throw new Error('cpu:throttle needs the Chrome launcher');
      let cdp = sessions.get(session.id);
      if (!cdp) sessions.set(session.id, (cdp = await page.createCDPSession()));
      if (command === 'mouse:wheel') {
        await page.mouse.move(Number(payload.x), Number(payload.y));
        await page.mouse.wheel({ deltaY: Number(payload.deltaY) });
        return true;
      }
      if (command === 'window:size') {
        const { windowId, bounds } = await cdp.send('Browser.getWindowForTarget');
        await cdp.send('Browser.setWindowBounds', { windowId, bounds: { width: Number(payload.width), height: Number(payload.height) } });
        return { width: bounds.width, height: bounds.height };
      }
      if (command === 'cpu:trace') {
        if (!payload?.file) {
          await page.tracing.start({
            categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'disabled-by-default-devtools.timeline.stack', 'disabled-by-default-devtools.timeline.invalidationTracking', 'blink.user_timing', 'latencyInfo', 'cc', 'viz', 'gpu', 'benchmark', 'blink'],
          });
          return true;
        }
        const buffer = await page.tracing.stop();
        mkdirSync(dirname(payload.file), { recursive: true });
        writeFileSync(payload.file, buffer);
        return true;
      }
      if (command === 'cpu:profile') {
        if (!payload?.file) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
          return true;
        }
        const { profile } = await cdp.send('Profiler.stop');
        mkdirSync(dirname(payload.file), { recursive: true });
        writeFileSync(payload.file, JSON.stringify(profile));
        return true;
      }
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(payload?.rate ?? 1) });
      return true;
    },
  };
}
