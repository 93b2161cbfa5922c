import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens shared by every element.
 *
 * The public `--inbox-*` custom properties are inputs: a host sets them
 * anywhere above an element (`:root`, a wrapper, the element itself) and the
 * library never declares them, so they inherit through nested shadow roots.
 * Each element resolves them, with the defaults below, into a private
 * `--_inbox-*` twin on its own `:host`, and its styles read only the twins.
 * (Declaring the public names on `:host` would reset, inside every nested
 * element, whatever the page set on an ancestor.)
 *
 * Light or dark follows the CSS `color-scheme` that reaches the element, as
 * native form controls do: a page that declares `color-scheme: light dark`
 * follows the system setting, `[data-theme=dark] { color-scheme: dark }` on a
 * page wrapper turns a whole subtree dark, and the `theme` attribute
 * (`light`, `dark` or `auto`) forces one element and everything inside it.
 * Browsers without `light-dark()` get the light values, the dark ones under
 * `@media (prefers-color-scheme: dark)` with `theme="auto"`, and `theme="dark"`.
 */

/** Colour tokens: `[light, dark]`. Text colours keep 4.5:1 on their 12 % tint. */
export const COLOR_TOKENS = {
  'color-surface': ['#ffffff', '#161b22'],
  'color-surface-raised': ['#f6f8fa', '#1f2630'],
  'color-text': ['#1f2328', '#e6edf3'],
  'color-text-muted': ['#59636e', '#9198a1'],
  'color-border': ['#d1d9e0', '#3d444d'],
  'color-accent': ['#0a5fcc', '#58a6ff'],
  'focus-ring-color': ['#0a5fcc', '#58a6ff'],
  'status-open': ['#116329', '#3fb950'],
  /** The unread dot of R15: blue. */
  'status-unread': ['#0a5fcc', '#58a6ff'],
  'status-done': ['#57606a', '#9198a1'],
  'status-new': ['#6e40c9', '#b392f0'],
  'status-waiting': ['#8a5a00', '#d29922'],
  'status-sent': ['#0b6e80', '#39c5cf'],
  'status-spam': ['#a04100', '#f0883e'],
  'status-trash': ['#5c6370', '#8b949e'],
  'status-blocked': ['#b3202a', '#ff7b72'],
  'status-snoozed': ['#6639ba', '#b694fa'],
} as const satisfies Record<string, readonly [light: string, dark: string]>;

/** Tokens that do not change with the colour scheme. */
export const SIZE_TOKENS = {
  'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  'font-size': '0.875rem',
  'font-size-sm': '0.75rem',
  'font-weight-medium': '500',
  'font-weight-bold': '600',
  'line-height': '1.4',
  'radius-sm': '4px',
  radius: '6px',
  'radius-lg': '10px',
  'radius-pill': '999px',
  'space-1': '0.125rem',
  'space-2': '0.25rem',
  'space-3': '0.5rem',
  'space-4': '0.75rem',
  'space-5': '1rem',
  'space-6': '1.5rem',
  'focus-ring-width': '2px',
  'focus-ring-offset': '2px',
} as const satisfies Record<string, string>;

export type TokenName = keyof typeof COLOR_TOKENS | keyof typeof SIZE_TOKENS;

const resolve = (name: string, fallback: string): string =>
  `--_inbox-${name}: var(--inbox-${name}, ${fallback});`;

const colors = (pick: (pair: readonly [string, string]) => string): string =>
  Object.entries(COLOR_TOKENS)
    .map(([name, pair]) => resolve(name, pick(pair)))
    .join('\n');

const sizes = Object.entries(SIZE_TOKENS)
  .map(([name, value]) => resolve(name, value))
  .join('\n');

const light = colors(([l]) => l);
const dark = colors(([, d]) => d);

/** Built from the constant tables above, never from input, hence `unsafeCSS`. */
export const tokens: CSSResult = unsafeCSS(`
:host {
${sizes}
${colors(([l, d]) => `light-dark(${l}, ${d})`)}
--_inbox-focus-ring: var(--inbox-focus-ring, var(--_inbox-focus-ring-width) solid var(--_inbox-focus-ring-color));
}
:host([theme='light']) { color-scheme: light; }
:host([theme='dark']), :host([data-theme='dark']) { color-scheme: dark; }
:host([theme='auto']) { color-scheme: light dark; }
@supports not (color: light-dark(#000, #fff)) {
  :host { ${light} }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) { ${dark} }
  }
  :host([theme='dark']), :host([data-theme='dark']) { ${dark} }
}
`);
