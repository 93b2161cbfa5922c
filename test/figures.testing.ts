/**
 * Measures for test/figures.test.ts (issue 11's figures): what a person sees
 * of `<inbox-app>`, read from the rendered page across shadow roots.
 */

/** Every element under `root`, through shadow roots and slotted content. */
export function* deepElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/** The first element matching `selector` under `root`, through shadow roots. */
export function deepQuery(root: ParentNode, selector: string): HTMLElement | null {
  for (const el of deepElements(root)) if (el.matches(selector) && el instanceof HTMLElement) return el;
  return null;
}

/** The parent across a shadow boundary. */
export function parentOf(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Whether an element is drawn: connected, with a box, not hidden by visibility or an ancestor's display. */
export function isShown(el: Element): boolean {
  const rects = el.getClientRects();
  if (rects.length === 0) return false;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.visibility === 'collapse' || Number(style.opacity) === 0) return false;
  const box = el.getBoundingClientRect();
  return box.width > 1 && box.height > 1;
}

const parseColor = (value: string): [number, number, number, number] | null => {
  const m = /rgba?\(([^)]+)\)/.exec(value);
  if (!m) return null;
  const parts = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
};

const channel = (v: number) => {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

export const luminance = ([r, g, b]: readonly number[]): number => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);

export function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The colour drawn behind `el`: its own background or its nearest ancestor's that is not transparent, blended over the page. */
export function backgroundOf(el: Element, page: readonly number[] = [255, 255, 255]): number[] {
  const layers: [number, number, number, number][] = [];
  for (let at: Element | null = el; at; at = parentOf(at)) {
    const color = parseColor(getComputedStyle(at).backgroundColor);
    if (color && color[3] > 0) {
      layers.push(color);
      if (color[3] >= 1) break;
    }
  }
  let base = [...page];
  for (const [r, g, b, a] of layers.reverse()) base = [r * a + base[0]! * (1 - a), g * a + base[1]! * (1 - a), b * a + base[2]! * (1 - a)];
  return base;
}

export interface TextSample {
  readonly text: string;
  readonly ratio: number;
  readonly where: string;
}

/**
 * The contrast of every piece of visible text under `root` with what is
 * behind it (WCAG 2), skipping disabled controls, placeholders and text
 * hidden for screen readers only.
 */
export function textContrasts(root: ParentNode, page: readonly number[]): TextSample[] {
  const samples: TextSample[] = [];
  for (const el of deepElements(root)) {
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (own.length === 0 || !isShown(el)) continue;
    if (el.closest('[disabled], [aria-disabled="true"], .visually-hidden, option, select')) continue;
    const style = getComputedStyle(el);
    const color = parseColor(style.color);
    if (!color || color[3] === 0) continue;
    const behind = backgroundOf(el, page);
    const fg = [0, 1, 2].map((i) => color[i]! * color[3] + behind[i]! * (1 - color[3]));
    samples.push({ text: own.map((n) => (n.textContent ?? '').trim()).join(' ').slice(0, 40), ratio: contrast(fg, behind), where: `${el.localName}.${[...el.classList].join('.')}` });
  }
  return samples;
}

/** Large boxes drawn lighter than `limit` (relative luminance): a light slab on a dark page. */
export function lightSlabs(root: ParentNode, limit = 0.5, minArea = 48 * 48): string[] {
  const found: string[] = [];
  for (const el of deepElements(root)) {
    if (el.localName === 'img' || el.localName === 'video' || !isShown(el)) continue;
    const color = parseColor(getComputedStyle(el).backgroundColor);
    if (!color || color[3] < 0.5) continue;
    const box = el.getBoundingClientRect();
    if (box.width * box.height < minArea) continue;
    if (luminance(color) > limit) found.push(`${el.localName}.${[...el.classList].join('.')} ${Math.round(box.width)}×${Math.round(box.height)}`);
  }
  return found;
}

/** The focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether an element's text shows whole on one line: not cut by an ellipsis or clipping, not wrapped. */
export function fitsOnOneLine(el: HTMLElement): boolean {
  const style = getComputedStyle(el);
  const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4;
  // The text a person sees: not what is there for screen readers only.
  const rects: DOMRect[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.trim() === '' || node.parentElement?.closest('.visually-hidden')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    rects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
  }
  const span = rects.length === 0 ? 0 : Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top));
  return el.scrollWidth <= el.clientWidth + 1 && span <= lineHeight * 1.5;
}
