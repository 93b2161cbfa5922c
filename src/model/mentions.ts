import { normalize } from './search.js';
import type { Id, User } from './types.js';

/**
 * @mentions in internal comments (R20), as pure text functions: where a
 * mention being typed starts, which users it may name, how picking one
 * rewrites the text, and which users a finished body mentions. A mention is
 * `@` followed by a user's display name ("@Léa Rousseau"); the `@` starts
 * the text or follows a space or an opening bracket or quote, so e-mail
 * addresses ("ana@example.com") mention nobody.
 */

/** The longest stretch between `@` and the caret still read as a name being typed. */
const MAX_QUERY = 40;
/** Characters that may stand right before a mention's `@`. */
const BEFORE_AT = /[\s([{"'“«¿¡]/u;
/** A letter, digit or underscore: a mention must not end in the middle of a word. */
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** True when an `@` at `index` of `text` may start a mention. */
function startsMention(text: string, index: number): boolean {
  if (text[index] !== '@') return false;
  return index === 0 || BEFORE_AT.test(text[index - 1]!);
}

/** The mention being typed: where its `@` is, and what follows it up to the caret. */
export interface MentionQuery {
  /** Index of the `@`. */
  readonly start: number;
  /** The text typed after the `@`, up to the caret. */
  readonly query: string;
}

/**
 * The mention being typed at `caret`, or null: an `@` before the caret on
 * the same line, at most 40 characters back, with no other `@` in between,
 * not followed at once by a space, and with at most two spaces after it
 * (a first name and a family name of two words).
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const end = Math.min(Math.max(caret, 0), text.length);
  const floor = Math.max(0, end - MAX_QUERY - 1);
  for (let i = end - 1; i >= floor; i--) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') return null;
    if (ch !== '@') continue;
    if (!startsMention(text, i)) return null;
    const query = text.slice(i + 1, end);
    if (/^\s/.test(query) || (query.match(/\s/g)?.length ?? 0) > 2) return null;
    return { start: i, query };
  }
  return null;
}

/**
 * The users a typed `query` may mention: active users (R20 refuses the
 * others) except `exclude` (the author), whose name or one of whose words
 * starts with the query, accent- and case-insensitively ("lea" finds
 * "Léa Rousseau", "rou" too). Whole-name matches first, then by name.
 */
export function mentionCandidates(
  users: Iterable<User>,
  query: string,
  options: { readonly exclude?: Id | undefined; readonly limit?: number | undefined } = {},
): readonly User[] {
  const wanted = normalize(query.trim());
  const ranked: { user: User; rank: number }[] = [];
  for (const user of users) {
    if (!user.active || user.id === options.exclude) continue;
    const name = normalize(user.name);
    const rank = name.startsWith(wanted) ? 0 : name.split(/\s+/).some((word) => word.startsWith(wanted)) ? 1 : -1;
    if (rank >= 0) ranked.push({ user, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.user.name.localeCompare(b.user.name));
  return ranked.slice(0, options.limit ?? 8).map((r) => r.user);
}

/**
 * Replaces the mention being typed (from its `@` at `start` to `caret`)
 * with `@name` and one space, and returns the new text and where the caret
 * goes (after that space).
 */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { readonly text: string; readonly caret: number } {
  const mention = `@${name} `;
  const rest = text.slice(caret);
  const next = `${text.slice(0, start)}${mention}${rest.startsWith(' ') ? rest.slice(1) : rest}`;
  return { text: next, caret: start + mention.length };
}

/**
 * The active users `body` mentions, each once, in the order they first
 * appear (R20). At each `@` the longest matching name wins, so "@Ana
 * Martín" is Ana Martín even when an "Ana" exists too; names compare
 * case-insensitively and must end at a word boundary.
 */
export function mentionsIn(body: string, users: Iterable<User>): readonly Id[] {
  const names = [...users]
    .filter((u) => u.active && u.name.trim() !== '')
    .map((u) => ({ id: u.id, length: u.name.length, lower: u.name.toLocaleLowerCase() }))
    .sort((a, b) => b.length - a.length);
  const found: Id[] = [];
  if (names.length === 0) return found;
  for (let i = body.indexOf('@'); i !== -1; i = body.indexOf('@', i + 1)) {
    if (!startsMention(body, i)) continue;
    const match = names.find(({ length, lower }) => {
      if (body.slice(i + 1, i + 1 + length).toLocaleLowerCase() !== lower) return false;
      const after = body[i + 1 + length];
      return after === undefined || !WORD_CHAR.test(after);
    });
    if (match && !found.includes(match.id)) found.push(match.id);
  }
  return found;
}
