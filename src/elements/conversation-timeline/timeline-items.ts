import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { Locale } from '../../i18n/localization.js';
import { callOutcome } from '../../model/call-outcome.js';
import { canChangeNote } from '../../model/notes.js';
import type {
  Attachment,
  CallItem,
  Channel,
  CommentItem,
  EventItem,
  Id,
  MessageItem,
  NoteItem,
  TimelineItem,
} from '../../model/types.js';
import { Check, CheckCheck, CircleAlert, Link, MessageSquarePlus } from 'lucide';
import { avatar } from '../shared/avatar.js';
import { callBadge } from '../shared/call-summary.js';
import { channelIcon, channelLabel } from '../shared/channel-icons.js';
import { icon } from '../shared/icons.js';
import { renderEmailBody } from './email-body.js';
import { domId } from './timeline-arrange.js';
import {
  callAgent,
  eventSentence,
  formatClock,
  formatSize,
  formatTime,
  mentionParts,
  personName,
  type People,
} from './timeline-format.js';

/**
 * What every item of one render shares. Buttons and text fields carry
 * `data-action` and `data-id`; the element handles their events once, on
 * the feed, so that items hold no closures of their own.
 */
export interface ItemContext {
  readonly userId: Id;
  readonly people: People;
  /** The name of the contact who sent an inbound message. */
  readonly contactName: (id: Id) => string;
  /** The day headings: the item that opens each day, with the day's name. */
  readonly days: ReadonlyMap<Id, string>;
  readonly channel: Channel | undefined;
  readonly locale: Locale;
  readonly notes: ReadonlyMap<Id, readonly NoteItem[]>;
  /** aria-setsize: the number of items, or -1 while older ones remain. */
  readonly setSize: number;
  /** The item in the tab order (one tab stop into the feed). */
  readonly activeId: Id | null;
  /** The deep-linked message, highlighted. */
  readonly focusedId: Id | null;
  readonly canCopyLink: boolean;
  readonly copiedId: Id | null;
  readonly showsImages: (messageId: Id) => boolean;
  readonly blockedImages: (messageId: Id) => number;
  readonly emailRendered: (messageId: Id, blocked: number) => void;
  /** Open "Add note" forms: message id to the text typed. */
  readonly adding: ReadonlyMap<Id, string>;
  /** Notes being edited: note id to the text typed. */
  readonly editing: ReadonlyMap<Id, string>;
  /** What went wrong, by message id (adding) or note id (editing, deleting). */
  readonly errors: ReadonlyMap<Id, string>;
}

/** The time of day, the full date in its tooltip (the day's heading is above). */
const time = (at: number, ctx: ItemContext) =>
  html`<time part="time" datetime=${new Date(at).toISOString()} title=${formatTime(at, ctx.locale)}>${formatClock(at, ctx.locale)}</time>`;

/** A person's avatar beside their name (decorative: the name is the text). */
function face(ctx: ItemContext, id: Id, name: string) {
  const person = ctx.people.users.get(id) ?? ctx.people.bots.get(id) ?? { id, name };
  return avatar(person, { bot: !ctx.people.users.has(id) && ctx.people.bots.has(id) });
}

const internalBadge = (label: string) => html`<span class="badge badge--internal" part="internal">${label}</span>`;

/**
 * R29: how an outbound message is faring on its channel's edge, under its
 * bubble; a failed one says why and offers to send it again.
 */
function delivery(item: MessageItem, tab: number): TemplateResult {
  const status = item.delivery!.status;
  if (status !== 'failed') {
    const label =
      status === 'queued'
        ? msg('Sending…', { id: 'timeline.delivery.queued' })
        : status === 'sent'
          ? msg('Sent', { id: 'timeline.delivery.sent' })
          : msg('Delivered', { id: 'timeline.delivery.delivered' });
    return html`<p class="delivery" part="delivery" data-status=${status}>${status === 'delivered' ? icon(CheckCheck, { size: 14 }) : nothing}${label}</p>`;
  }
  const reason = item.delivery!.reason ?? '';
  return html`<p class="delivery delivery--failed" part="delivery delivery-failed" data-status="failed">
    <span>${icon(CircleAlert, { size: 14 })}${msg('Not delivered', { id: 'timeline.delivery.failed' })}${reason ? html`: <span class="reason">${reason}</span>` : nothing}</span>
    <button type="button" class="text-button" part="retry-delivery" tabindex=${tab} data-action="retry-delivery" data-id=${item.id}>
      ${msg('Send again', { id: 'timeline.delivery.retry' })}
    </button>
  </p>`;
}

/** One feed item as an `<article>`. */
export function renderItem(item: TimelineItem, position: number, ctx: ItemContext): TemplateResult {
  const id = domId(item.id);
  const day = ctx.days.get(item.id);
  const active = item.id === ctx.activeId;
  const focused = item.id === ctx.focusedId;
  const classes = [item.type, 'direction' in item ? item.direction : '', focused ? 'focused' : '', isInternal(item) ? 'internal' : ''];
  if (item.type === 'message' && item.html !== undefined) classes.push('email-message');
  if (item.type === 'call') classes.push(item.state);
  return html`<article
    id=${id}
    class=${classes.filter(Boolean).join(' ')}
    part=${focused ? `item ${item.type} focused` : `item ${item.type}`}
    tabindex=${active ? 0 : -1}
    aria-posinset=${position}
    aria-setsize=${ctx.setSize}
    aria-labelledby=${`${id}-h`}
    aria-current=${ifDefined(focused ? 'true' : undefined)}
    data-id=${item.id}
  >
    ${day ? html`<p class="day" part="day">${day}</p>` : nothing}${content(item, id, active, ctx)}
  </article>`;
}

function isInternal(item: TimelineItem): boolean {
  return item.type === 'comment' || item.type === 'note';
}

function content(item: TimelineItem, id: string, active: boolean, ctx: ItemContext): TemplateResult {
  switch (item.type) {
    case 'message':
      return message(item, id, active, ctx);
    case 'call':
      return call(item, id, ctx);
    case 'comment':
      return comment(item, id, ctx);
    case 'event':
      return event(item, id, ctx);
    case 'note':
      // Notes render under their message; one alone (its message not loaded) shows by itself.
      return html`<p class="visually-hidden" id=${`${id}-h`}>${msg('Note', { id: 'timeline.note.heading' })}</p>
        <ul class="notes" part="notes">
          ${note(item, active, ctx)}
        </ul>`;
  }
}

function sender(item: MessageItem, ctx: ItemContext): { name: string; bot: boolean } {
  if (item.direction === 'in') return { name: ctx.contactName(item.senderId), bot: false };
  const bot = !ctx.people.users.has(item.senderId) && ctx.people.bots.has(item.senderId);
  return { name: personName(ctx.people, item.senderId), bot };
}

function message(item: MessageItem, id: string, active: boolean, ctx: ItemContext): TemplateResult {
  const from = sender(item, ctx);
  const kind = item.channelKind;
  // The channel shows once, in the header: a message says so only when it came another way.
  const otherChannel = ctx.channel !== undefined && ctx.channel.kind !== kind && !(ctx.channel.kind === 'call' && kind === 'sms');
  const tab = active ? 0 : -1;
  const showImages = ctx.showsImages(item.id);
  const blocked = ctx.blockedImages(item.id);
  const notes = ctx.notes.get(item.id) ?? [];
  const adding = ctx.adding.get(item.id);
  const copied = ctx.copiedId === item.id;
  const copyLabel = copied ? msg('Link copied', { id: 'timeline.link.copied' }) : msg('Copy link', { id: 'timeline.link.copy' });
  const noteLabel = msg('Add note', { id: 'timeline.note.add' });
  return html`
    <div class="meta" id=${`${id}-h`}>
      <span class="visually-hidden"
        >${item.direction === 'in'
          ? msg('Received message', { id: 'timeline.message.in' })
          : msg('Sent message', { id: 'timeline.message.out' })}</span
      >
      ${face(ctx, item.senderId, from.name)}
      <span class="sender" part="sender">${from.name}</span>
      ${from.bot ? html`<span class="badge" part="bot">${msg('Bot', { id: 'timeline.message.bot' })}</span>` : nothing}
      ${otherChannel
        ? html`<span class="channel" part="channel-kind"
            ><span aria-hidden="true">${channelIcon(kind, 14)}</span> ${msg(str`via ${channelLabel(kind)}`, { id: 'timeline.message.via' })}</span
          >`
        : nothing}
      ${time(item.at, ctx)}
    </div>
    <div class="bubble" part="bubble">
      ${item.html !== undefined
        ? renderEmailBody(
            {
              html: item.html,
              remoteImages: showImages,
              tabbable: active,
              onRender: (count) => ctx.emailRendered(item.id, count),
            },
            item.body,
          )
        : html`<p class="text" part="body">${item.body}</p>`}
      ${blocked > 0 && !showImages
        ? html`<p class="images" part="images-blocked">
            <span>${msg('Remote images are hidden to protect your privacy.', { id: 'timeline.images.hidden' })}</span>
            <button type="button" class="text-button" part="show-images" tabindex=${tab} data-action="show-images" data-id=${item.id}>
              ${msg('Show images', { id: 'timeline.images.show' })}
            </button>
          </p>`
        : nothing}
      ${item.attachments.length > 0 ? attachments(item.attachments, tab, ctx) : nothing}
    </div>
    ${item.delivery ? delivery(item, tab) : nothing}
    <div class="actions" part="actions" role="group" aria-label=${msg('Message actions', { id: 'timeline.actions' })}>
      ${ctx.canCopyLink
        ? html`<button
            type="button"
            class="icon-button"
            part="copy-link"
            tabindex=${tab}
            data-action="copy-link"
            data-id=${item.id}
            aria-label=${copyLabel}
            data-tip=${copyLabel}
          >
            ${icon(copied ? Check : Link)}
          </button>`
        : nothing}
      ${adding === undefined
        ? html`<button
            type="button"
            class="icon-button"
            part="add-note"
            tabindex=${tab}
            data-action="add-note"
            data-id=${item.id}
            aria-label=${noteLabel}
            data-tip=${noteLabel}
          >
            ${icon(MessageSquarePlus)}
          </button>`
        : nothing}
    </div>
    ${notes.length > 0
      ? html`<ul class="notes" part="notes" aria-label=${msg('Notes on this message', { id: 'timeline.notes' })}>
          ${notes.map((n) => note(n, active, ctx))}
        </ul>`
      : nothing}
    ${adding !== undefined ? noteForm('save-note', 'cancel-note', item.id, `${id}-new`, adding, ctx.errors.get(item.id)) : nothing}
  `;
}

/** Only links a person may follow: the web and files uploaded to this page. */
const SAFE_URL = /^(?:https?:\/\/|blob:)/i;

function attachments(list: readonly Attachment[], tab: number, ctx: ItemContext): TemplateResult {
  return html`<ul class="chips attachments" part="attachments" aria-label=${msg('Attachments', { id: 'timeline.attachments' })}>
    ${list.map((file) => {
      const size = formatSize(file.size, ctx.locale);
      const name = html`<span part="attachment-name">${file.name}</span>`;
      return html`<li class="attachment" part="attachment">
        ${SAFE_URL.test(file.url.trim())
          ? html`<a href=${file.url.trim()} target="_blank" rel="noopener noreferrer" tabindex=${tab}>${name}</a>`
          : name}
        <span>${size}</span>
      </li>`;
    })}
  </ul>`;
}

function note(item: NoteItem, active: boolean, ctx: ItemContext): TemplateResult {
  const tab = active ? 0 : -1;
  const editing = ctx.editing.get(item.id);
  const mine = canChangeNote(item, ctx.userId);
  const error = ctx.errors.get(item.id);
  const author = personName(ctx.people, item.authorId);
  return html`<li class="note" part="note" data-note=${item.id}>
    <div class="meta">
      ${internalBadge(msg('Internal note', { id: 'timeline.note.internal' }))}
      ${face(ctx, item.authorId, author)}
      <span class="sender" part="note-author">${author}</span>
      ${time(item.at, ctx)}
      ${item.editedAt !== null ? html`<span part="edited">${msg('(edited)', { id: 'timeline.note.edited' })}</span>` : nothing}
    </div>
    ${editing !== undefined
      ? noteForm('save-edit', 'cancel-edit', item.id, `${domId(item.id)}-edit`, editing, error)
      : html`<p class="text" part="note-body">${item.body}</p>
          ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
          ${mine
            ? html`<div class="note-actions">
                <button
                  type="button"
                  class="text-button"
                  part="edit-note"
                  tabindex=${tab}
                  aria-label=${msg('Edit note', { id: 'timeline.note.editLabel' })}
                  data-action="edit-note"
                  data-id=${item.id}
                >
                  ${msg('Edit', { id: 'timeline.note.edit' })}
                </button>
                <button
                  type="button"
                  class="text-button"
                  part="delete-note"
                  tabindex=${tab}
                  aria-label=${msg('Delete note', { id: 'timeline.note.deleteLabel' })}
                  data-action="delete-note"
                  data-id=${item.id}
                >
                  ${msg('Delete', { id: 'timeline.note.delete' })}
                </button>
              </div>`
            : nothing}`}
  </li>`;
}

function noteForm(
  save: string,
  cancel: string,
  key: Id,
  fieldId: string,
  text: string,
  error: string | undefined,
): TemplateResult {
  const adding = save === 'save-note';
  return html`<div class="note-form" part="note-form">
    <label class="visually-hidden" for=${fieldId}
      >${adding ? msg('New note', { id: 'timeline.note.new' }) : msg('Edit note', { id: 'timeline.note.editLabel' })}</label
    >
    <textarea
      id=${fieldId}
      part="note-field"
      rows="3"
      placeholder=${msg('A note only your team sees', { id: 'timeline.note.placeholder' })}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(error ? `${fieldId}-error` : undefined)}
      data-save=${save}
      data-cancel=${cancel}
      data-id=${key}
      .value=${live(text)}
    ></textarea>
    ${error ? html`<p class="error" id=${`${fieldId}-error`} role="alert">${error}</p>` : nothing}
    <div class="row">
      <button type="button" class="text-button" part="cancel-note" data-action=${cancel} data-id=${key}>
        ${msg('Cancel', { id: 'timeline.note.cancel' })}
      </button>
      <button type="button" class="text-button primary" part="save-note" data-action=${save} data-id=${key}>
        ${msg('Save note', { id: 'timeline.note.save' })}
      </button>
    </div>
  </div>`;
}

function call(item: CallItem, id: string, ctx: ItemContext): TemplateResult {
  const agent = callAgent(item, ctx.people);
  // A voicemail is a recording: the badge says so already.
  const recorded = item.recording && callOutcome(item) !== 'voicemail';
  return html`<div class="call-line" id=${`${id}-h`}>
    <span class="visually-hidden">${msg('Call', { id: 'timeline.call' })}</span>
    ${callBadge(item)}
    ${agent || recorded
      ? html`<span class="details" part="call-details"
          >${[agent ?? '', recorded ? msg('Recorded', { id: 'timeline.call.recorded' }) : ''].filter(Boolean).join(' · ')}</span
        >`
      : nothing}
    ${time(item.at, ctx)}
  </div>`;
}

function comment(item: CommentItem, id: string, ctx: ItemContext): TemplateResult {
  const author = personName(ctx.people, item.authorId);
  const names = item.mentions.map((userId) => ctx.people.users.get(userId)?.name ?? '');
  return html`<div class="meta" id=${`${id}-h`}>
      ${internalBadge(msg('Internal', { id: 'timeline.internal' }))}
      ${face(ctx, item.authorId, author)}
      <span class="sender" part="sender">${author}</span>
      <span class="visually-hidden">${msg('Comment', { id: 'timeline.comment' })}</span>
      ${time(item.at, ctx)}
    </div>
    <div class="bubble" part="bubble">
      <p class="text" part="body">${mentionParts(item.body, names).map((part) =>
        part.mention ? html`<span class="mention" part="mention">${part.text}</span>` : part.text,
      )}</p>
    </div>`;
}

function event(item: EventItem, id: string, ctx: ItemContext): TemplateResult {
  return html`<p class="event-line" part="event" id=${`${id}-h`}>
    ${eventSentence(item, ctx.people, ctx.locale, ctx.userId)} · ${time(item.at, ctx)}
  </p>`;
}
