// The pages of site/ (npm run build), as a user drives them in Chromium.
import { runPages } from '../test-kit.mjs';

await runPages(new URL('site/', import.meta.url).pathname, [
  // The two-line page: nothing of the host's own, not even a height or a handler.
  { label: 'script in head, element in markup', path: 'head.html', fits: true },
  { label: 'script at the end of body', path: 'body-end.html', app: '#a', output: '#selection-a', fits: true },
  { label: 'element inserted later by script', path: 'later.html', app: '#a', output: '#selection-a', fits: true },
  { label: 'two inboxes side by side', path: 'two.html', app: '#a', other: '#b', output: '#selection-a' },
]);
