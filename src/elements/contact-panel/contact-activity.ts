import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { getLocale } from '../../i18n/localization.js';
import { displayState } from '../../model/display.js';
import type { CallItem, CommentItem, Conversation, EventItem, Id, InboxState } from '../../model/types.js';
import { avatar } from '../shared/avatar.js';
import { callBadge } from '../shared/call-summary.js';
import { fullTime, relativeTime } from '../shared/relative-time.js';
import { eventLabel, formatNumber, pluralOther } from './contact-labels.js';

// The Activity tab of <contact-panel>: what it derives from the state, and how it shows it.

/** When a conversation last moved: its last message, else its creation. */
export const lastActivity = (c: Conversation): number => c.lastMessage?.at ?? c.createdAt;

/** A contact's conversations the state holds (under R14, those the user may see), newest first. */
export function conversationsOf(state: InboxState, contactId: Id): Conversation[] {
  const found: Conversation[] = [];
  for (const c of state.conversations.values()) if (c.contactId === contactId) found.push(c);
  return found.sort((a, b) => lastActivity(b) - lastActivity(a) || (a.id < b.id ? -1 : 1));
}

export interface Entry<T> {
  readonly item: T;
  readonly conversation: Conversation;
}

export interface ContactActivity {
  readonly calls: readonly Entry<CallItem>[];
  /** Internal comments and history events. */
  readonly activities: readonly Entry<CommentItem | EventItem>[];
  /** How many of the conversations have a loaded timeline: the lists cover only those. */
  readonly loaded: number;
}

/**
 * Calls, comments and events from the loaded timelines of `conversations`,
 * newest first. Only what is loaded: the panel says how much that is
 * rather than guess at the rest.
 */
export function activityOf(state: InboxState, conversations: readonly Conversation[]): ContactActivity {
  const calls: Entry<CallItem>[] = [];
  const activities: Entry<CommentItem | EventItem>[] = [];
  let loaded = 0;
  for (const conversation of conversations) {
    const timeline = state.timelines.get(conversation.id);
    if (!timeline) continue;
    loaded++;
    for (const item of timeline) {
      if (item.type === 'call') calls.push({ item, conversation });
      else if (item.type === 'comment' || item.type === 'event') activities.push({ item, conversation });
    }
  }
  const newest = (a: Entry<{ at: number }>, b: Entry<{ at: number }>) => b.item.at - a.item.at;
  return { calls: calls.sort(newest), activities: activities.sort(newest), loaded };
}

/** Calls and activities shown at most (newest first). */
const ACTIVITY_LIMIT = 50;

export interface ActivityView {
  readonly model: InboxState;
  readonly userId: Id;
  /** Prefix for ids unique to the panel. */
  readonly uid: string;
  /** Every conversation of the contact, newest first. */
  readonly conversations: readonly Conversation[];
  /** The conversation the panel follows: not among the "other" ones. */
  readonly followedId: Id | null;
  readonly activity: ContactActivity;
  readonly loading: boolean;
  readonly conversationLimit: number;
  readonly showAll: (count: number) => void;
  readonly loadMoreHistory: () => void;
  readonly open: (conversationId: Id) => void;
}

export function renderActivity(view: ActivityView): TemplateResult {
  const { activity, uid } = view;
  const others = view.conversations.filter((c) => c.id !== view.followedId);
  const now = Date.now();
  const loaded = activity.loaded;
  const total = view.conversations.length;
  return html`
    <section aria-labelledby=${`${uid}-conversations`}>
      <h3 id=${`${uid}-conversations`}>${msg('Other conversations', { id: 'contactPanel.conversations' })}</h3>
      ${others.length === 0
        ? html`<p class="muted">${msg('No other conversation.', { id: 'contactPanel.noConversations' })}</p>`
        : html`<ul class="plain" part="conversations">
              ${repeat(
                others.slice(0, view.conversationLimit),
                (c) => c.id,
                (c) => html`<li>${conversationButton(view, c, now)}</li>`,
              )}
            </ul>
            ${others.length > view.conversationLimit
              ? html`<button type="button" class="link" @click=${() => view.showAll(others.length)}>
                  ${msg(str`Show all ${formatNumber(others.length)}`, { id: 'contactPanel.showAll' })}
                </button>`
              : nothing}`}
    </section>
    <p class="muted" aria-live="polite">
      ${view.loading
        ? msg('Loading history…', { id: 'contactPanel.historyLoading' })
        : coverage(loaded, total)}
      ${!view.loading && loaded < total
        ? html`<button type="button" class="link" @click=${view.loadMoreHistory}>
            ${msg('Load more history', { id: 'contactPanel.loadHistory' })}
          </button>`
        : nothing}
    </p>
    <section aria-labelledby=${`${uid}-calls`}>
      <h3 id=${`${uid}-calls`}>${msg('Calls', { id: 'contactPanel.calls' })}</h3>
      ${activity.calls.length === 0
        ? html`<p class="muted">${msg('No call in the loaded history.', { id: 'contactPanel.noCalls' })}</p>`
        : html`<ul class="plain" part="calls">
            ${activity.calls.slice(0, ACTIVITY_LIMIT).map(
              ({ item, conversation }) => html`<li class="call" part="call">
                ${callBadge(item)}
                <span class="meta"
                  >${item.agentId === null ? '' : `${person(view.model, item.agentId)} · `}${subjectOf(conversation)} ·
                  ${timeTag(item.at, now)}</span
                >
              </li>`,
            )}
          </ul>`}
    </section>
    <section aria-labelledby=${`${uid}-activities`}>
      <h3 id=${`${uid}-activities`}>${msg('Activities', { id: 'contactPanel.activities' })}</h3>
      ${activity.activities.length === 0
        ? html`<p class="muted">${msg('No comment or event in the loaded history.', { id: 'contactPanel.noActivities' })}</p>`
        : html`<ul class="plain" part="activities">
            ${activity.activities.slice(0, ACTIVITY_LIMIT).map(({ item, conversation }) => {
              const id = item.type === 'comment' ? item.authorId : item.actorId;
              const who = person(view.model, id);
              return html`<li class="activity" part="activity">
                ${id === null ? nothing : avatar({ id, name: who, avatar: view.model.users.get(id)?.avatar })}
                ${item.type === 'comment'
                  ? html`<span class="meta">${msg(str`Comment by ${who}`, { id: 'contactPanel.commentBy' })}</span>
                      <span class="body">${item.body}</span>`
                  : html`${who} ${eventLabel(item.kind)}`}
                <span class="meta">${subjectOf(conversation)} · ${timeTag(item.at, now)}</span>
              </li>`;
            })}
          </ul>`}
    </section>
  `;
}

function conversationButton(view: ActivityView, c: Conversation, now: number): TemplateResult {
  const channel = view.model.channels.get(c.channelId)?.name ?? '';
  return html`<button type="button" class="conversation" part="conversation" data-id=${c.id} @click=${() => view.open(c.id)}>
    <span class="subject">${subjectOf(c)}</span>
    <status-badge state=${displayState(view.model, c, view.userId)}></status-badge>
    <span class="meta">${channel}</span>
    <span class="meta">${timeTag(lastActivity(c), now)}</span>
  </button>`;
}

/** "Calls and activities from the history of 3 of 12 conversations", the numbers in the locale's digits. */
function coverage(loaded: number, total: number): string {
  const of = formatNumber(loaded);
  const all = formatNumber(total);
  return pluralOther(total)
    ? msg(str`Calls and activities from the history of ${of} of ${all} conversations.`, { id: 'contactPanel.historyCoverage' })
    : msg(str`Calls and activities from the history of ${of} of ${all} conversation.`, { id: 'contactPanel.historyCoverage.one' });
}

/** A user's or bot's name; null is the system. */
function person(model: InboxState, id: Id | null): string {
  if (id === null) return msg('The inbox', { id: 'contactPanel.system' });
  return model.users.get(id)?.name ?? model.bots.get(id)?.name ?? id;
}

function subjectOf(c: Conversation): string {
  return c.subject || c.lastMessage?.preview || msg('(no subject)', { id: 'contactPanel.noSubject' });
}

function timeTag(at: number, now: number): TemplateResult {
  const locale = getLocale();
  return html`<time datetime=${new Date(at).toISOString()} title=${fullTime(at, locale)}>${relativeTime(at, now, locale)}</time>`;
}
