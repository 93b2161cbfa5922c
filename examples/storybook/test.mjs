// The built Storybook (storybook-static/, from `npm run build`): each story's iframe, as a user drives it.
import { runPages } from '../test-kit.mjs';

await runPages(new URL('storybook-static/', import.meta.url).pathname, [
  { label: 'Storybook, story Demo', path: 'iframe.html?id=host-inbox--demo&viewMode=story', fits: true },
  { label: 'Storybook, story TwoInboxes', path: 'iframe.html?id=host-inbox--two-inboxes&viewMode=story', app: '#a', other: '#b', output: '#selection-a' },
]);
