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
  /** Background of the panes, rows, popups and dialogs. */
  'color-surface': ['#ffffff', '#161b22'],
  /** Background of what stands out from the surface: headers, hovered rows, chips, bubbles. */
  'color-surface-raised': ['#f6f8fa', '#1f2630'],
  /** Text and icons. */
  'color-text': ['#1f2328', '#e6edf3'],
  /** Secondary text: times, counts, hints, placeholders. */
  'color-text-muted': ['#59636e', '#9198a1'],
  /** Borders and dividers. */
  'color-border': ['#d1d9e0', '#3d444d'],
  /** Accent: primary buttons, links, the current view, selection. */
  'color-accent': ['#0a5fcc', '#58a6ff'],
  /** Colour of the keyboard focus ring. */
  'focus-ring-color': ['#0a5fcc', '#58a6ff'],
  /** The open state (badges, the list's markers). */
  'status-open': ['#116329', '#3fb950'],
  /** The unread dot of R15: blue. */
  'status-unread': ['#0a5fcc', '#58a6ff'],
  /** The done state. */
  'status-done': ['#57606a', '#9198a1'],
  /** The new state. */
  'status-new': ['#6e40c9', '#b392f0'],
  /** The waiting state. */
  'status-waiting': ['#8a5a00', '#d29922'],
  /** The sent state. */
  'status-sent': ['#0b6e80', '#39c5cf'],
  /** Spam. */
  'status-spam': ['#a04100', '#f0883e'],
  /** Trash. */
  'status-trash': ['#5c6370', '#8b949e'],
  /** A blocked contact. */
  'status-blocked': ['#b3202a', '#ff7b72'],
  /** The snoozed state. */
  'status-snoozed': ['#6639ba', '#b694fa'],
} as const satisfies Record<string, readonly [light: string, dark: string]>;

/** Tokens that do not change with the colour scheme. */
export const SIZE_TOKENS = {
  /** Font of every element. */
  'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  /** Base text size. */
  'font-size': '0.875rem',
  /** Small text: badges, times, hints (12 px). */
  'font-size-sm': '0.75rem',
  /** Dense text of lists and bars: row previews, tabs, a view's name, toolbar words (13 px). */
  'font-size-md': '0.8125rem',
  /** Titles of panes and popovers (16 px). */
  'font-size-lg': '1rem',
  /** The largest heading: a conversation's contact, an empty state's title (20 px). */
  'font-size-xl': '1.25rem',
  /** Medium weight: buttons, names. */
  'font-weight-medium': '500',
  /** Bold weight: unread rows, headings. */
  'font-weight-bold': '600',
  /** Line height of text. */
  'line-height': '1.4',
  /** Small corner radius: checkboxes, keys. */
  'radius-sm': '4px',
  /** Corner radius of buttons, fields and rows. */
  radius: '6px',
  /** Large corner radius: popups, toasts, cards. */
  'radius-lg': '10px',
  /** Pill-shaped corners: badges, chips. */
  'radius-pill': '999px',
  /** Spacing step 1, the smallest. */
  'space-1': '0.125rem',
  /** Spacing step 2. */
  'space-2': '0.25rem',
  /** Spacing step 3. */
  'space-3': '0.5rem',
  /** Spacing step 4. */
  'space-4': '0.75rem',
  /** Spacing step 5. */
  'space-5': '1rem',
  /** Spacing step 6, the largest. */
  'space-6': '1.5rem',
  /** Width of the keyboard focus ring. */
  'focus-ring-width': '2px',
  /** Gap between the focus ring and what it surrounds. */
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
