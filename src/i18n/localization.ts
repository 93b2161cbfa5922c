import { configureLocalization, type LocaleModule } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from './locale-codes.js';

/**
 * Runtime localization (@lit/localize, runtime mode). English ships inside
 * the elements; French and Spanish load on first use, each its own chunk.
 * Translations live in `xliff/*.xlf`; `npm run localize:extract` adds new
 * msg() strings there and `npm run localize:build` regenerates `locales/`
 * and `locale-codes.ts` from them (both generated, never edited by hand).
 */

/** Every supported locale, English (the source locale) included. */
export const LOCALES = allLocales;
export type Locale = (typeof LOCALES)[number];
type TargetLocale = (typeof targetLocales)[number];

// Literal import() calls, one per locale, so bundlers split each into a chunk.
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
};

// @lit/localize holds one configuration per page. Configuring on the first
// setLocale() call, not at import, keeps importing the library free of side
// effects and leaves a host that never switches locale free to configure
// @lit/localize itself.
let localization: ReturnType<typeof configureLocalization> | undefined;

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/**
 * Switches every localized element on the page to `locale` and resolves once
 * they can re-render in it (after its module has loaded).
 */
export function setLocale(locale: Locale): Promise<void> {
  localization ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (target) => loaders[target as TargetLocale](),
  });
  return localization.setLocale(locale);
}

/** The active locale (the one being loaded, while a switch is in flight). */
export function getLocale(): Locale {
  return localization === undefined ? sourceLocale : (localization.getLocale() as Locale);
}
