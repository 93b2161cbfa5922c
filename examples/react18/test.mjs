// The built app (dist/, from `npm run build`), as a user drives it in Chromium.
import { runPages } from '../test-kit.mjs';

await runPages(new URL('dist/', import.meta.url).pathname, [
  { label: 'React 18, two inboxes through @lit/react wrappers', path: 'index.html', app: '#a', other: '#b', output: '#selection-a' },
]);
