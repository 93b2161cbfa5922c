/**
 * What every example's browser test shares (examples/<host>/test.mjs): a
 * static server on 127.0.0.1 for the host's built output, Chromium through
 * puppeteer-core (the repository root's dev dependency, found by Node's
 * resolution from here up), and the checks a user would make, with real
 * clicks and key presses, on an `<inbox-app>` the host put on its page:
 *
 *   rows        the list shows rows
 *   fits        the app is no taller than the viewport (pages that give it no height)
 *   click       a real click on a row opens that conversation: its timeline and the reply box
 *   key E       E marks the focused conversation done: it leaves the Open list
 *   event       X checks the focused row: `selection-change` reaches the host's handler,
 *               which writes the count in the host's own `<output id="selection-<app id>">`
 *   independent a second `<inbox-app demo>` on the page (its own in-page backend) shows
 *               none of it: the row still open there, nothing opened, nothing checked
 *
 * Elements live in shadow roots: queries are paths of selectors, each step
 * looked for inside the shadow root of the previous one.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
// The Chromium and flags every browser tool of the repository uses (Debian's, or CHROME_PATH).
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

export const VIEWPORT = { width: 1600, height: 900 };
const WAIT_MS = 15_000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `dir` as static files on 127.0.0.1 (a free port); a folder serves its index.html. */
export async function serve(dir) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    void (async () => {
      let file = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export function launch() {
  return puppeteer.launch({ executablePath: chromePath, headless: true, args: chromeArgs });
}

/** A page that records uncaught errors (a failed check reports them). */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  const errors = [];
  page.on('pageerror', (error) => {
    const message = error instanceof Error ? error.message : String(error);
    // Harmless, and only reported by some Chromium builds (see TOOLCHAIN.md).
    if (!message.includes('ResizeObserver loop')) errors.push(message);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon|status of 404/.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

/**
 * In the page: the element at the end of `path` (selectors, each inside the
 * previous match's shadow root, or its light DOM when it has none), or null.
 */
function deepQuery(path) {
  let node = document;
  for (const selector of path) {
    const scope = node === document ? document : (node.shadowRoot ?? node);
    node = scope.querySelector(selector);
    if (!node) return null;
  }
  return node;
}

/** Waits for the element at the end of `path`; `visible` also wants a laid-out box. */
export async function waitDeep(page, path, { visible = false, timeout = WAIT_MS, what = path.join(' » ') } = {}) {
  try {
    const handle = await page.waitForFunction(
      (source, path, visible) => {
        const query = new Function(`return (${source})`)();
        const node = query(path);
        if (!node) return null;
        if (visible) {
          const box = node.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) return null;
        }
        return node;
      },
      { polling: 50, timeout },
      deepQuery.toString(),
      path,
      visible,
    );
    return handle.asElement();
  } catch (error) {
    throw new Error(`waited ${timeout / 1000} s for ${what}`, { cause: error });
  }
}

/** Waits until `predicate(...args)` (run in the page, with deepQuery as its first argument) is truthy. */
export async function waitUntil(page, what, predicate, ...args) {
  try {
    await page.waitForFunction(
      (source, predicateSource, ...args) => {
        const query = new Function(`return (${source})`)();
        const check = new Function(`return (${predicateSource})`)();
        return check(query, ...args);
      },
      { polling: 50, timeout: WAIT_MS },
      deepQuery.toString(),
      predicate.toString(),
      ...args,
    );
  } catch (error) {
    throw new Error(`waited ${WAIT_MS / 1000} s for ${what}`, { cause: error });
  }
}

export const evalDeep = (page, predicate, ...args) =>
  page.evaluate(
    (source, predicateSource, ...args) => {
      const query = new Function(`return (${source})`)();
      const run = new Function(`return (${predicateSource})`)();
      return run(query, ...args);
    },
    deepQuery.toString(),
    predicate.toString(),
    ...args,
  );

/** The rows an app's list shows: id, name and open state, in list order. */
const rowsIn = (page, app) =>
  evalDeep(
    page,
    (query, app) => {
      const list = query([app, 'inbox-list']);
      const rows = [...(list?.shadowRoot?.querySelectorAll('[role=option]') ?? [])];
      return rows
        .map((row) => ({
          id: row.dataset.id,
          pos: Number(row.getAttribute('aria-posinset')),
          name: row.querySelector('[part~=name]')?.textContent.trim() ?? '',
          checked: row.getAttribute('aria-selected') === 'true',
        }))
        .sort((a, b) => a.pos - b.pos);
    },
    app,
  );

/**
 * The user's checks on the `<inbox-app>` matched by `app` (a selector in
 * the page's document), and on `other` (a second one) when given. Returns
 * one { name, ok, ms, error } per check; a check that others depend on stops
 * the rest when it fails (they are reported as skipped).
 */
export async function checkInbox(page, { app = 'inbox-app', other = null, output = null, fits = false, errors = [] } = {}) {
  const results = [];
  let stopped = null;
  const check = async (name, run, { blocking = true } = {}) => {
    if (stopped) {
      results.push({ name, ok: false, skipped: true, error: `skipped: "${stopped}" failed`, ms: 0 });
      return;
    }
    const start = performance.now();
    try {
      await run();
      results.push({ name, ok: true, ms: performance.now() - start });
    } catch (error) {
      const detail = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message.split('\n')[0]})` : ''}` : String(error);
      const pageErrors = errors.length > 0 ? `; page errors: ${errors.join(' | ')}` : '';
      results.push({ name, ok: false, ms: performance.now() - start, error: detail + pageErrors });
      if (blocking) stopped = name;
    }
  };

  let first = null;
  let otherRowsBefore = [];

  await check('rows render', async () => {
    await waitDeep(page, [app, 'inbox-list', '[role=option]'], { visible: true, what: `a row in ${app}'s <inbox-list>` });
    const rows = await rowsIn(page, app);
    first = rows[0];
    if (!first?.id || !first.name) throw new Error(`the first row has no id or name: ${JSON.stringify(first)}`);
    if (other) {
      await waitDeep(page, [other, 'inbox-list', '[role=option]'], { visible: true, what: `a row in ${other}'s <inbox-list>` });
      otherRowsBefore = await rowsIn(page, other);
    }
  });

  await check(
    'icons keep every shape',
    async () => {
      // A build step that rewrote SVG markup once nested every shape after the first inside it,
      // so those were never drawn: shapes are leaves, side by side under their <svg>.
      const { icons, broken } = await evalDeep(
        page,
        (query, app) => {
          const SHAPES = 'path, circle, rect, line, polyline, polygon, ellipse';
          const svgs = [];
          const walk = (root) => {
            for (const el of root.querySelectorAll('*')) {
              if (el.localName === 'svg') svgs.push(el);
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(query([app]).shadowRoot);
          const broken = svgs
            .filter((svg) => [...svg.querySelectorAll(SHAPES)].some((shape) => shape.children.length > 0))
            .map((svg) => svg.outerHTML.slice(0, 160));
          return { icons: svgs.filter((svg) => svg.querySelector(SHAPES)).length, broken };
        },
        app,
      );
      if (icons === 0) throw new Error('no icon drawn in the app');
      if (broken.length > 0) throw new Error(`${broken.length} of ${icons} icons have shapes nested inside shapes, e.g. ${broken[0]}`);
    },
    { blocking: false },
  );

  if (fits) {
    await check(
      'fits the viewport',
      async () => {
        const { height, viewport, page: pageHeight } = await page.evaluate((app) => {
          const box = document.querySelector(app).getBoundingClientRect();
          return { height: box.height, viewport: innerHeight, page: document.documentElement.scrollHeight };
        }, app);
        if (height > viewport + 1) {
          throw new Error(`<inbox-app> with no height given is ${Math.round(height)} px tall in a ${viewport} px viewport (the page is ${pageHeight} px)`);
        }
      },
      { blocking: false },
    );
  }

  await check('a click on a row opens it: timeline and reply box', async () => {
    const row = await waitDeep(page, [app, 'inbox-list', `[role=option][data-id="${first.id}"]`], { visible: true });
    await row.click(); // a real mouse click at the row's centre
    const view = [app, 'conversation-view'];
    await waitDeep(page, [...view, 'conversation-timeline', 'article'], { visible: true, what: `a timeline item of ${first.id}` });
    await waitDeep(page, [...view, 'message-composer', 'textarea'], { visible: true, what: 'the reply box' });
    await waitUntil(
      page,
      `the conversation pane showing ${first.name} (${first.id})`,
      (query, view, id, name) =>
        query([...view, 'conversation-timeline'])?.getAttribute('conversation-id') === id &&
        (query(view)?.shadowRoot?.textContent ?? '').includes(name),
      view,
      first.id,
      first.name,
    );
  });

  await check('key E marks it done: it leaves the Open list', async () => {
    await page.keyboard.press('e');
    await waitUntil(
      page,
      `row ${first.id} gone from ${app}'s Open list`,
      (query, app, id) => {
        const list = query([app, 'inbox-list'])?.shadowRoot;
        const open = list?.querySelector('[role=tab][aria-selected=true]')?.textContent.trim() ?? '';
        return open.startsWith('Open') && list.querySelector('[role=option]') && !list.querySelector(`[role=option][data-id="${id}"]`);
      },
      app,
      first.id,
    );
  });

  if (output) {
    await check('key X: selection-change reaches the host handler', async () => {
      const before = await page.$eval(output, (el) => el.textContent.trim());
      if (before !== '0') throw new Error(`the host's ${output} reads "${before}" before anything was checked`);
      await page.keyboard.press('x');
      await waitUntil(page, `the host's ${output} to read 1`, (_query, output) => document.querySelector(output)?.textContent.trim() === '1', output);
      const checked = (await rowsIn(page, app)).filter((row) => row.checked);
      if (checked.length !== 1) throw new Error(`${checked.length} rows show as checked in ${app}`);
    });
  }

  if (other) {
    await check('a second <inbox-app demo> on the page stays as it was', async () => {
      const before = otherRowsBefore.find((row) => row.id === first.id);
      if (!before) throw new Error(`${other} did not show ${first.id} to begin with (rows ${otherRowsBefore.map((r) => r.id).join(', ')})`);
      const rows = await rowsIn(page, other);
      if (!rows.some((row) => row.id === first.id)) throw new Error(`${first.id}, done in ${app}, left ${other}'s Open list too`);
      if (rows.some((row) => row.checked)) throw new Error(`a row is checked in ${other}`);
      const opened = await evalDeep(page, (query, other) => query([other, 'conversation-view', 'conversation-timeline'])?.getAttribute('conversation-id') ?? null, other);
      if (opened) throw new Error(`${other} opened ${opened}`);
      const otherOutput = `#selection-${other.replace(/^#/, '')}`;
      const count = await page.$eval(otherOutput, (el) => el.textContent.trim()).catch(() => '0');
      if (count !== '0') throw new Error(`${other}'s host output ${otherOutput} reads ${count}`);
    });
  }

  if (errors.length > 0) results.push({ name: 'no page errors', ok: false, ms: 0, error: errors.join(' | ') });
  return results;
}

/** Prints one line per check; returns true when every check passed. */
export function report(label, results) {
  let ok = true;
  for (const r of results) {
    ok &&= r.ok;
    const mark = r.ok ? 'ok  ' : r.skipped ? 'skip' : 'FAIL';
    console.log(`  ${mark} ${label}: ${r.name}${r.ok ? ` (${(r.ms / 1000).toFixed(1)} s)` : ` - ${r.error}`}`);
  }
  return ok;
}

/**
 * Runs `pages` ({ label, path, ...checkInbox options }) of the site served
 * from `dir`, one browser, one page after another; exits non-zero if a
 * check failed.
 */
export async function runPages(dir, pages) {
  const server = await serve(dir);
  const browser = await launch();
  let ok = true;
  try {
    for (const { label, path, ...options } of pages) {
      const { page, errors } = await openPage(browser, `${server.url}/${path}`);
      try {
        ok = report(label, await checkInbox(page, { ...options, errors })) && ok;
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.exitCode = ok ? 0 : 1;
  return ok;
}
