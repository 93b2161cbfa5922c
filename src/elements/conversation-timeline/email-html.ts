import DOMPurify from 'dompurify';

/**
 * E-mail HTML, made safe to show (issue 4, Security). Loaded on demand by
 * `<conversation-timeline>` (the first e-mail with HTML), so that DOMPurify
 * stays out of the bundle pages load up front.
 *
 * What comes out: no scripts, no event handlers, no `javascript:`,
 * `vbscript:` or `data:` URLs anywhere, no forms or form controls, no
 * frames, objects, media, `<style>`, `<link>`, `<meta>` or `<base>`, no SVG
 * or MathML, no custom elements, no attribute that moves focus
 * (`autofocus`, `tabindex`, `accesskey`) or opens a popover. Links keep
 * only `http(s):`, `mailto:` and `tel:` targets and open in a new tab with
 * `rel="noopener noreferrer nofollow"`. Remote images (`src`, `srcset`,
 * `background`, CSS `url()` in `style`) are held back, and their elements
 * marked `data-inbox-blocked`, until `remoteImages` is true; sources that
 * could never be shown (relative, `cid:`) are dropped either way. Inline
 * styles are read through the browser's own CSS parser and a declaration
 * that could fetch anything it should not (escapes, `var()`, `image-set()`,
 * `expression()`) is dropped, and so is `position` (as web mail does).
 * Text and background colours (inline, `<font color>`, `bgcolor`) move into
 * two custom properties of the inbox's own that the e-mail's sheet applies
 * only in light mode: in dark mode the e-mail takes the inbox's text colour
 * on the timeline's dark surface (no light slab), layout and images kept.
 *
 * The result goes into a shadow root of its own (`renderEmail`), so that
 * its CSS reaches nothing else; the host gives that container `contain:
 * content` so that not even `position: fixed` escapes it.
 */

export interface SanitizeEmailOptions {
  /** Show remote images (http and https) instead of holding them back. */
  readonly remoteImages?: boolean | undefined;
}

/** The attribute set on an element whose remote image was held back. */
export const BLOCKED_ATTR = 'data-inbox-blocked';

/**
 * Where an element's own text and background colours go (custom
 * properties), so that the e-mail's sheet applies them in light mode and
 * drops them in dark mode: the text keeps the inbox's contrast and no light
 * slab shows, while the layout and images stay as written.
 */
const MAIL_COLOR = '--_mail-color';
const MAIL_BACKGROUND = '--_mail-background';

/** Moves a colour (an attribute, or an inline declaration) into its custom property, if it is one. */
function moveColor(style: CSSStyleDeclaration, to: string, value: string | null): void {
  const color = value?.trim();
  if (color && CSS.supports('color', color)) style.setProperty(to, color);
}

const FORBID_TAGS = [
  'style', 'link', 'meta', 'base', 'title', 'template', 'noscript',
  'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'fieldset', 'legend',
  'label', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal', 'fencedframe',
  'video', 'audio', 'source', 'track', 'canvas', 'dialog', 'slot',
];

const FORBID_ATTR = [
  'autofocus', 'tabindex', 'accesskey', 'contenteditable', 'draggable', 'popover', 'popovertarget',
  'popovertargetaction', 'ping', 'action', 'formaction', 'part', 'exportparts', 'slot', 'is', 'srcdoc', 'target',
  'nonce', 'integrity', 'crossorigin', 'referrerpolicy', 'http-equiv', 'inert',
];

/** Attributes that hold a URL (any element). */
const URL_ATTRS = [
  'href', 'src', 'srcset', 'background', 'poster', 'lowsrc', 'dynsrc', 'xlink:href', 'cite', 'longdesc', 'usemap',
  'data', 'codebase', 'manifest', 'profile', 'icon', 'archive', 'classid',
];

/** Attributes that fetch an image as soon as the element is in the page. */
const IMAGE_ATTRS = ['src', 'srcset', 'background', 'poster', 'lowsrc', 'dynsrc'];

// The characters browsers strip from a URL before reading its scheme.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const URL_NOISE = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g;
const compact = (value: string): string => value.replace(URL_NOISE, '').toLowerCase();

const NEVER = /^(?:javascript|vbscript|livescript|mocha|data|blob|filesystem|jar|view-source):/;
const LINK = /^(?:https?:\/\/|mailto:|tel:)/;
const REMOTE = /^(?:https?:)?\/\/[^/]/;

/** Everything in a CSS value that can fetch or hide what it fetches. */
const CSS_RISK = /url\(|image-set\(|image\(|cross-fade\(|element\(|expression\(|var\(|env\(|attr\(|src\(|\\|@import|javascript:/i;
const CSS_FETCH = /url\(|image-set\(|image\(|cross-fade\(|src\(/i;
/** A value whose only risks are remote `url("http(s)://…")`s, as the browser serializes them. */
const CSS_URL = /url\(\s*(["']?)([^"')]*)\1\s*\)/gi;

function onlyRemoteUrls(value: string): boolean {
  const withoutUrls = value.replace(CSS_URL, (_, _q: string, url: string) => (REMOTE.test(compact(url)) ? '' : 'url('));
  return !CSS_RISK.test(withoutUrls);
}

function srcsetIsRemote(value: string): boolean {
  const candidates = value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
  return candidates.length > 0 && candidates.every((url) => REMOTE.test(compact(url)));
}

/** The options of the call in progress; sanitize() is synchronous, so one at a time. */
let allowRemote = false;

const purify = DOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const element = node;
  let blocked = false;
  for (const name of URL_ATTRS) {
    const value = element.getAttribute(name);
    if (value !== null && NEVER.test(compact(value))) element.removeAttribute(name);
  }
  for (const name of IMAGE_ATTRS) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    const remote = name === 'srcset' ? srcsetIsRemote(value) : REMOTE.test(compact(value));
    if (remote && allowRemote) continue;
    element.removeAttribute(name);
    if (remote) blocked = true;
  }
  const tag = element.localName;
  if (tag === 'a' || tag === 'area') {
    const href = element.getAttribute('href');
    if (href !== null && !LINK.test(compact(href))) element.removeAttribute('href');
    if (element.hasAttribute('href')) {
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  }
  // Presentational colours (<font color>, bgcolor) become inline ones, moved like the rest below.
  if ((element.hasAttribute('color') || element.hasAttribute('bgcolor')) && 'style' in element) {
    const style = (element as HTMLElement).style;
    moveColor(style, MAIL_COLOR, element.getAttribute('color'));
    moveColor(style, MAIL_BACKGROUND, element.getAttribute('bgcolor'));
    element.removeAttribute('color');
    element.removeAttribute('bgcolor');
  }
  if (element.hasAttribute('style') && 'style' in element) {
    const style = (element as HTMLElement).style;
    for (let i = style.length - 1; i >= 0; i--) {
      const property = style.item(i);
      const value = style.getPropertyValue(property);
      // As web mail does: an e-mail is laid out in its box, never over the page.
      if (property === 'position') {
        style.removeProperty(property);
        continue;
      }
      if (property === MAIL_COLOR || property === MAIL_BACKGROUND) {
        if (CSS.supports('color', value)) continue;
      }
      if (property.startsWith('--') || CSS_RISK.test(value)) {
        const fetches = CSS_FETCH.test(value);
        if (fetches && allowRemote && !property.startsWith('--') && onlyRemoteUrls(value)) continue;
        style.removeProperty(property);
        if (fetches && !allowRemote && onlyRemoteUrls(value)) blocked = true;
      }
    }
    // What the longhands do not show (a shorthand waiting for var(), raw escapes) is judged whole.
    const whole = style.cssText;
    const risky = CSS_RISK.test(whole) && !(allowRemote && onlyRemoteUrls(whole));
    if (!risky) {
      moveColor(style, MAIL_COLOR, style.getPropertyValue('color'));
      moveColor(style, MAIL_BACKGROUND, style.getPropertyValue('background-color'));
      style.removeProperty('color');
      style.removeProperty('background-color');
      // A background shorthand without its colour (and its image held back) leaves its other longhands at their initial values.
      for (let i = style.length - 1; i >= 0; i--) {
        const property = style.item(i);
        if (property.startsWith('background') && style.getPropertyValue(property) === 'initial') style.removeProperty(property);
      }
    }
    const text = style.cssText;
    if (risky || style.length === 0 || (CSS_RISK.test(text) && !(allowRemote && onlyRemoteUrls(text)))) {
      element.removeAttribute('style');
    } else {
      // What the browser read, not what was written: no escapes or comments left to reinterpret.
      element.setAttribute('style', text);
    }
  }
  if (blocked) element.setAttribute(BLOCKED_ATTR, '');
});

/**
 * Sanitizes e-mail HTML (see the module comment) into a fragment ready to
 * be put in a shadow root. Remote images stay out unless `remoteImages`.
 */
export function sanitizeEmail(html: string, options: SanitizeEmailOptions = {}): DocumentFragment {
  allowRemote = options.remoteImages === true;
  try {
    return purify.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS,
      FORBID_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      RETURN_DOM_FRAGMENT: true,
    });
  } finally {
    allowRemote = false;
  }
}

/** How many elements of a sanitized e-mail had a remote image held back. */
export function countBlocked(root: DocumentFragment | ShadowRoot | Element): number {
  return root.querySelectorAll(`[${BLOCKED_ATTR}]`).length;
}

let sheet: CSSStyleSheet | undefined;

/** The few rules an e-mail's shadow root starts with; the e-mail's own styles are inline. */
function emailSheet(): CSSStyleSheet {
  if (sheet) return sheet;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    :host { display: block; overflow-wrap: anywhere; white-space: normal; }
    img, table { max-inline-size: 100%; }
    img { block-size: auto; }
    img[${BLOCKED_ATTR}] {
      display: inline-block;
      min-inline-size: 2rem;
      min-block-size: 1.25rem;
      border: 1px dashed currentColor;
      opacity: 0.7;
    }
    a { color: var(--inbox-timeline-email-link-color, light-dark(#0a5fcc, #58a6ff)); }
    a:not([href]) { color: inherit; text-decoration: none; }
    a:focus-visible { outline: 2px solid var(--inbox-timeline-email-link-color, light-dark(#0a5fcc, #58a6ff)); outline-offset: 2px; }
    [style*='${MAIL_COLOR}'] { color: light-dark(var(${MAIL_COLOR}), currentColor); }
    [style*='${MAIL_BACKGROUND}'] { background-color: light-dark(var(${MAIL_BACKGROUND}), transparent); }
    pre { white-space: pre-wrap; }
    blockquote { margin-inline: 0.5rem 0; padding-inline-start: 0.75rem; border-inline-start: 3px solid currentColor; opacity: 0.85; }
    p:first-child { margin-block-start: 0; }
    p:last-child { margin-block-end: 0; }
  `);
  return sheet;
}

/**
 * Replaces what `root` shows with the sanitized `html` and returns how
 * many remote images were held back.
 */
export function renderEmail(root: ShadowRoot, html: string, options: SanitizeEmailOptions = {}): number {
  const fragment = sanitizeEmail(html, options);
  const blocked = countBlocked(fragment);
  root.adoptedStyleSheets = [emailSheet()];
  root.replaceChildren(fragment);
  return blocked;
}

/** Takes the links of a rendered e-mail out of the tab order (its message is not the focused one) or back. */
export function setLinksTabbable(root: ShadowRoot, tabbable: boolean): void {
  for (const link of root.querySelectorAll('a[href], area[href]')) {
    if (tabbable) link.removeAttribute('tabindex');
    else link.setAttribute('tabindex', '-1');
  }
}
