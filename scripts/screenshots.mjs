// `npm run screenshots`: the demo and every story at the four widths of issue
// 11 (380×800, 900×800, 1280×720, 1440×900), light and dark, English and
// French, each into tmp/screenshots/, and contact sheets that show them at a
// glance: tmp/screenshots/demo.png (the demo: rows are language and theme,
// columns the widths) and tmp/screenshots/stories-<file>.png (per stories
// file: a row per story and combination). Look at them before calling a
// visual change done.
//
//   npm run screenshots                     # the demo and every story
//   npm run screenshots -- --only demo      # the demo alone
//   npm run screenshots -- --only inbox-list,conversation-view   # stories whose file matches
//   npm run screenshots -- --open           # the demo with a conversation open, too
//
// The demo runs on its in-page backend (?transport=memory), the stories from a
// Storybook build (storybook-static/, built when missing or older than a source).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { chromeArgs, chromePath } from './chrome.mjs';

const SIZES = [
  [380, 800],
  [900, 800],
  [1280, 720],
  [1440, 900],
];
const LANGS = ['en', 'fr'];
const THEMES = ['light', 'dark'];
const OUT = 'tmp/screenshots';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const withOpen = args.includes('--open');
const wants = (name) => !only || only.some((o) => name.includes(o));

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const browser = await puppeteer.launch({ executablePath: chromePath, args: chromeArgs });
const page = await browser.newPage();
const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function shoot(url, file, [width, height], theme, prepare) {
  await page.setViewport({ width, height });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  await page.goto(url, { waitUntil: 'networkidle0' });
  if (prepare) await prepare();
  await settle(600);
  await page.screenshot({ path: file });
  return file;
}

/** A contact sheet: a grid of captioned thumbnails, screenshot into one PNG. */
async function sheet(name, rows) {
  const cell = (file, caption) =>
    `<figure><img src="data:image/png;base64,${readFileSync(file).toString('base64')}"><figcaption>${caption}</figcaption></figure>`;
  const html = `<!doctype html><style>
    body { margin: 12px; font: 12px system-ui; background: #fff; }
    h2 { font-size: 13px; margin: 12px 0 4px; }
    .row { display: flex; gap: 8px; align-items: flex-start; }
    figure { margin: 0; } figcaption { color: #555; }
    img { height: 300px; border: 1px solid #ccc; display: block; }
  </style>${rows.map(({ title, cells }) => `<h2>${title}</h2><div class="row">${cells.map(([f, c]) => cell(f, c)).join('')}</div>`).join('')}`;
  const htmlFile = join(OUT, `${name}.html`);
  writeFileSync(htmlFile, html);
  await page.setViewport({ width: 1600, height: 800 });
  await page.goto(`file://${process.cwd()}/${htmlFile}`, { waitUntil: 'load' });
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshots: ${file}`);
}

// The demo, served by Vite's dev server on its in-page backend.
if (wants('demo')) {
  const vite = await createServer({ server: { port: 5197, strictPort: true }, logLevel: 'error' });
  await vite.listen();
  const rows = [];
  for (const lang of LANGS) {
    for (const theme of THEMES) {
      const cells = [];
      for (const size of SIZES) {
        const url = `http://localhost:5197/?transport=memory&user=u-ana&lang=${lang}`;
        cells.push([await shoot(url, join(OUT, `demo-${lang}-${theme}-${size[0]}.png`), size, theme, () => settle(1500)), `${size.join('×')}`]);
        if (withOpen) {
          const open = async () => {
            await settle(1500);
            await page.evaluate(() => {
              /* global document */
              const app = document.querySelector('demo-shell')?.shadowRoot?.querySelector('inbox-app');
              const store = app?.activeStore;
              const first = store?.selectors.list(store.state)[0];
              if (first) store.openConversation(first.id);
            });
            await settle(800);
          };
          cells.push([await shoot(url, join(OUT, `demo-open-${lang}-${theme}-${size[0]}.png`), size, theme, open), `${size.join('×')} open`]);
        }
      }
      rows.push({ title: `demo · ${lang} · ${theme}`, cells });
    }
  }
  await sheet('demo', rows);
  await vite.close();
}

// The stories, from a Storybook build.
const storyFiles = readdirSync('stories').filter((f) => f.endsWith('.stories.ts'));
if (storyFiles.some((f) => wants(f.replace('.stories.ts', '')))) {
  const newest = (dir) => Math.max(...readdirSync(dir, { recursive: true }).map((f) => statSync(join(dir, String(f))).mtimeMs));
  if (!existsSync('storybook-static/index.json') || statSync('storybook-static/index.json').mtimeMs < Math.max(newest('src'), newest('stories'))) {
    execFileSync('npm', ['run', 'build-storybook', '--silent'], { stdio: 'inherit' });
  }
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createHttpServer((req, res) => {
    const path = join('storybook-static', decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  }).listen(5198);
  const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
  const byFile = new Map();
  for (const entry of Object.values(index.entries)) {
    if (entry.type !== 'story') continue;
    const file = entry.importPath.split('/').pop().replace('.stories.ts', '');
    if (!wants(file)) continue;
    byFile.set(file, [...(byFile.get(file) ?? []), entry]);
  }
  for (const [file, entries] of byFile) {
    const rows = [];
    for (const entry of entries) {
      for (const lang of LANGS) {
        for (const theme of THEMES) {
          const cells = [];
          for (const size of SIZES) {
            const url = `http://localhost:5198/iframe.html?id=${entry.id}&viewMode=story&globals=locale:${lang};theme:${theme}`;
            cells.push([await shoot(url, join(OUT, `${entry.id}-${lang}-${theme}-${size[0]}.png`), size, theme), size.join('×')]);
          }
          rows.push({ title: `${entry.title} · ${entry.name} · ${lang} · ${theme}`, cells });
        }
      }
    }
    await sheet(`stories-${file}`, rows);
  }
  server.close();
}

await browser.close();
