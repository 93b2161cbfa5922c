import { getLocale, type Locale } from '../../i18n/localization.js';

/**
 * Numbers and plurals in the inbox's locale (`getLocale()`): "1,092" in
 * English, "1 092" in French, one message per plural category instead of
 * "sélectionnée(s)". The formatters are made once per locale.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A count as the locale writes it: "1,092", "1 092", "1092" (Spanish groups from five digits). */
export function formatNumber(value: number, locale: Locale = getLocale()): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** The plural category of a count in the locale (`one`, `other`, French's `many`...). */
export function pluralCategory(value: number, locale: Locale = getLocale()): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(value);
}

/**
 * The message for `value`'s plural category: `one` (1 in English and
 * Spanish, 0 and 1 in French) or else `other` (French's `many`, for
 * millions, reads as `other`). Each is a function so that its `msg()` runs
 * now, in the current locale; each gets the count already formatted.
 */
export function plural(value: number, messages: { one: (count: string) => string; other: (count: string) => string }): string {
  const count = formatNumber(value);
  return pluralCategory(value) === 'one' ? messages.one(count) : messages.other(count);
}
