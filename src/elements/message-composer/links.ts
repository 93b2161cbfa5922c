/**
 * The link-shortener hook (DESIGN section 5, e.g. Bitly): finds the http(s)
 * links of a reply and rewrites each through the host's function. Never
 * loses text: a link the shortener fails on, answers badly or takes too
 * long for stays as it was typed.
 */

export type LinkShortener = (url: string) => Promise<string>;

/** An http(s) URL up to the next space, quote or angle bracket. */
const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/giu;
/** Sentence punctuation typed right after a link is not part of it. */
const TRAILING = /[.,;:!?»”’]+$/u;

/** A link in a text: where it starts and what it is. */
export interface FoundLink {
  readonly index: number;
  readonly url: string;
}

/** Drops a closing bracket the link does not open (a link written in parentheses). */
function trimUnbalanced(url: string): string {
  let trimmed = url.replace(TRAILING, '');
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    while (trimmed.endsWith(close) && trimmed.split(open).length < trimmed.split(close).length) {
      trimmed = trimmed.slice(0, -1).replace(TRAILING, '');
    }
  }
  return trimmed;
}

/** The http(s) links of `text`, in order. */
export function findLinks(text: string): readonly FoundLink[] {
  const links: FoundLink[] = [];
  for (const match of text.matchAll(URL_RE)) {
    const url = trimUnbalanced(match[0]);
    if (/^https?:\/\/[^/?#\s]+/iu.test(url)) links.push({ index: match.index, url });
  }
  return links;
}

/** Replaces each link of `text` found in `replacements` (by its exact text). */
export function replaceLinks(text: string, replacements: ReadonlyMap<string, string>): string {
  let out = '';
  let from = 0;
  for (const { index, url } of findLinks(text)) {
    const next = replacements.get(url);
    if (next === undefined) continue;
    out += text.slice(from, index) + next;
    from = index + url.length;
  }
  return out + text.slice(from);
}

/**
 * Rewrites every http(s) link of `text` through `shorten`, each distinct
 * link once. A link whose shortening throws, rejects, returns something
 * other than a non-blank single-line string, or takes longer than
 * `timeout` ms is kept as typed.
 */
export async function shortenLinks(text: string, shorten: LinkShortener, timeout = 5000): Promise<string> {
  const urls = [...new Set(findLinks(text).map((l) => l.url))];
  if (urls.length === 0) return text;
  const within = <T>(promise: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout')), timeout);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  const results = await Promise.allSettled(urls.map((url) => within(Promise.resolve().then(() => shorten(url)))));
  const replacements = new Map<string, string>();
  results.forEach((result, i) => {
    const value: unknown = result.status === 'fulfilled' ? result.value : undefined;
    if (typeof value === 'string' && value.trim() !== '' && !/\s/.test(value.trim())) {
      replacements.set(urls[i]!, value.trim());
    }
  });
  return replacements.size === 0 ? text : replaceLinks(text, replacements);
}
