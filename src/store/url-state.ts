/**
 * The whole UI state in a URL query string and back (DESIGN.md section 4),
 * so a host can link straight into a filtered view or one message. Unknown
 * or malformed values are dropped, never trusted: a URL is user input.
 */
import { CHANNEL_KINDS, PRIORITIES, STATUSES, type CustomValue, type Filters, type SortOrder } from '../model/types.js';
import { SORT_ORDERS } from '../model/sort.js';
import { isViewId, STATUS_TABS, type StatusTab, type ViewId } from '../model/views.js';

export interface UrlState {
  readonly view?: ViewId;
  readonly tab?: StatusTab;
  readonly filters?: Filters;
  readonly search?: string;
  readonly sort?: SortOrder;
  readonly openId?: string | null;
  readonly focusedMessageId?: string | null;
}

const LISTS = {
  status: 'statuses',
  channel: 'channelKinds',
  assignee: 'assignees',
  team: 'teamIds',
  label: 'labels',
  priority: 'priorities',
  company: 'companies',
  contact: 'contactIds',
} as const satisfies Record<string, keyof Filters>;

const ALLOWED: Partial<Record<keyof Filters, readonly string[]>> = {
  statuses: STATUSES,
  channelKinds: CHANNEL_KINDS,
  priorities: PRIORITIES,
};

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

const MAX = 200;
const clean = (value: string) => value.slice(0, MAX);

/** Writes the state as `v=mine&t=unread&q=zoe&channel=email&channel=sms&c=c-00042`. */
export function toQueryString(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.view && state.view !== 'all') params.set('v', state.view);
  if (state.tab && state.tab !== 'open') params.set('t', state.tab);
  if (state.search) params.set('q', state.search);
  if (state.sort && state.sort !== 'newest') params.set('s', state.sort);
  const filters = state.filters ?? {};
  for (const [param, key] of Object.entries(LISTS)) {
    for (const value of (filters[key] as readonly string[] | undefined) ?? []) params.append(param, value);
  }
  if (filters.from !== undefined) params.set('from', new Date(filters.from).toISOString());
  if (filters.to !== undefined) params.set('to', new Date(filters.to).toISOString());
  if (filters.hideSpam === false) params.set('spam', 'show');
  if (filters.hideTrash === false) params.set('trash', 'show');
  // `field=plan:Pro` for text, `field=seats:=5` and `field=trial:=false` for numbers and booleans.
  for (const [key, value] of Object.entries(filters.custom ?? {})) {
    params.append('field', typeof value === 'string' ? `${key}:${value}` : `${key}:=${String(value)}`);
  }
  if (state.openId) params.set('c', state.openId);
  if (state.focusedMessageId) params.set('m', state.focusedMessageId);
  return params.toString();
}

/** Reads what `toQueryString` wrote; anything it does not recognise is left out. */
export function fromQueryString(query: string): UrlState {
  const params = new URLSearchParams(query);
  const view = params.get('v');
  const filters: Record<string, unknown> = {};
  for (const [param, key] of Object.entries(LISTS)) {
    const allowed = ALLOWED[key];
    const values = params
      .getAll(param)
      .map(clean)
      .filter((value) => value !== '' && (!allowed || allowed.includes(value)));
    if (values.length) filters[key] = values;
  }
  for (const edge of ['from', 'to'] as const) {
    const time = Date.parse(params.get(edge) ?? '');
    if (Number.isFinite(time)) filters[edge] = time;
  }
  if (params.get('spam') === 'show') filters.hideSpam = false;
  if (params.get('trash') === 'show') filters.hideTrash = false;
  const custom: Record<string, CustomValue> = {};
  for (const field of params.getAll('field').map(clean)) {
    const match = /^([^:]+):(=?)(.*)$/.exec(field);
    if (!match) continue;
    const [, key, typed, text] = match as unknown as [string, string, string, string];
    if (!typed) custom[key] = text;
    else if (text === 'true' || text === 'false') custom[key] = text === 'true';
    else if (text !== '' && Number.isFinite(Number(text))) custom[key] = Number(text);
  }
  if (Object.keys(custom).length) filters.custom = custom;
  return {
    view: view !== null && isViewId(view) ? view : 'all',
    tab: oneOf(STATUS_TABS, params.get('t')) ?? 'open',
    sort: oneOf(SORT_ORDERS, params.get('s')) ?? 'newest',
    search: clean(params.get('q') ?? ''),
    filters,
    openId: params.get('c') ? clean(params.get('c')!) : null,
    focusedMessageId: params.get('m') ? clean(params.get('m')!) : null,
  };
}

/** Every query parameter the inbox writes; a host's other parameters are left alone. */
export const URL_KEYS: readonly string[] = ['v', 't', 'q', 's', 'c', 'm', 'from', 'to', 'spam', 'trash', 'field', ...Object.keys(LISTS)];

/** `existing` with the inbox's own parameters replaced by `state`'s. */
export function mergeQueryString(existing: string, state: UrlState): string {
  const params = new URLSearchParams(existing);
  for (const key of URL_KEYS) params.delete(key);
  for (const [key, value] of new URLSearchParams(toQueryString(state))) params.append(key, value);
  return params.toString();
}
