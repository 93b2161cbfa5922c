import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
// Written by `npm run analyze`, which the storybook scripts run first.
import manifest from '../custom-elements.json';
import { isLocale, setLocale } from '../src/i18n/localization.js';

setCustomElementsManifest(manifest);

/** Switches the library's locale before a story renders (toolbar or story `globals`). */
const localeLoader: Loader = async ({ globals }) => {
  const locale: unknown = globals['locale'];
  await setLocale(isLocale(locale) ? locale : 'en');
};

/**
 * Light or dark, the way a host page does it: `color-scheme` on the root,
 * which every element's tokens follow (src/styles/tokens.ts).
 */
const themeDecorator: Decorator = (story, { globals }) => {
  const dark = globals['theme'] === 'dark';
  const root = document.documentElement;
  root.dataset['theme'] = dark ? 'dark' : 'light';
  root.style.colorScheme = dark ? 'dark' : 'light';
  document.body.style.background = dark ? '#0d1117' : '';
  document.body.style.color = dark ? '#e6edf3' : '';
  return story();
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  loaders: [localeLoader],
  decorators: [themeDecorator],
  parameters: {
    controls: { expanded: true },
  },
};

export default preview;
