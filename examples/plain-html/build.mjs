// The whole "toolchain" of a page without a bundler: copy the script-tag
// bundle and its on-demand chunks (dist/bundle-chunks/, which must stay next
// to the file) out of the installed package, beside the pages, into site/.
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const here = dirname(new URL(import.meta.url).pathname);
// The package's folder as a host finds it (its package.json is exported).
const dist = join(dirname(createRequire(import.meta.url).resolve('inbox-elements/package.json')), 'dist');
const site = join(here, 'site');

rmSync(site, { recursive: true, force: true });
cpSync(join(here, 'pages'), site, { recursive: true });
cpSync(join(dist, 'inbox-elements.bundle.js'), join(site, 'inbox-elements.bundle.js'));
cpSync(join(dist, 'bundle-chunks'), join(site, 'bundle-chunks'), { recursive: true });
console.log(`site/: the pages, inbox-elements.bundle.js and bundle-chunks/ from ${dist}`);
