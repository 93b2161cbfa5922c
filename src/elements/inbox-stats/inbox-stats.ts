import { html, nothing, svg, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { getLocale } from '../../i18n/localization.js';
import { seesEverything } from '../../model/permissions.js';
import {
  addDays,
  completionRate,
  dayFormatter,
  isDayKey,
  rangeOfDays,
  type Durations,
  type StatsRequest,
  type TeamStats,
  type VolumeBucket,
} from '../../model/stats.js';
import type { Channel, Id, Team, User } from '../../model/types.js';
import type { InboxStore, StoreState } from '../../store/inbox-store.js';
import { buttonStyles, controlStyles, spinnerStyles } from '../../styles/controls.js';
import { InboxElement } from '../shared/inbox-element.js';
import { formatNumber, plural } from '../shared/numbers.js';
import { statsStyles } from './inbox-stats.styles.js';

/** The ranges offered in the menu, in days ending today; `custom` shows two date fields. */
export const STATS_RANGES = ['7', '30', '90', 'custom'] as const;
export type StatsRange = (typeof STATS_RANGES)[number];

/** After a live event, how soon the figures are asked for again (at most once in this time). */
const REFRESH_DELAY_MS = 1000;

type Phase = 'waiting' | 'loading' | 'ready' | 'error' | 'unavailable';

interface Bar {
  readonly label: string;
  readonly count: number;
}

interface Chart {
  readonly id: string;
  readonly title: string;
  readonly keyLabel: string;
  readonly bars: readonly Bar[];
  readonly vertical: boolean;
}

const selectModel = (s: StoreState) => ({ ready: s.ready, users: s.model.users, teams: s.model.teams, channels: s.model.channels, userId: s.userId });
const sameModel = (a: ReturnType<typeof selectModel>, b: ReturnType<typeof selectModel>) =>
  a.ready === b.ready && a.users === b.users && a.teams === b.teams && a.channels === b.channels && a.userId === b.userId;

const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A duration as the locale writes it, in the largest unit that keeps it readable: "45 s", "12 min", "3.5 h", "2 d". */
export function formatDuration(ms: number): string {
  const [unit, value] =
    ms < 60_000 ? ['second', ms / 1000] : ms < 3_600_000 ? ['minute', ms / 60_000] : ms < 172_800_000 ? ['hour', ms / 3_600_000] : ['day', ms / 86_400_000];
  return new Intl.NumberFormat(getLocale(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

const formatPercent = (rate: number) => new Intl.NumberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(rate);

/** "Mon 7 Dec", as the locale writes it, for a day key. */
function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(getLocale(), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/**
 * @summary Team stats (R28): first response time, time to answer unread,
 * completion rate, volume by day, channel and agent, and the open backlog,
 * for a range of days and a team, live.
 *
 * The figures are counted by the backend over what the user may see (R14):
 * an agent with visibility `self` gets the figures of their own
 * conversations. They are asked for again, a moment after the last change,
 * as events arrive. Durations are the median with the 90th percentile
 * beside it. Each chart is drawn in SVG with a text summary; focus one and
 * the arrow keys (Home, End) read its bars one by one; **Show as tables**
 * turns every chart into a data table. A range menu (the last 7, 30 or 90
 * days, or two date fields) and a team menu sit on top. Laid out by its own
 * width. Works inside an `<inbox-provider>` or with `.store`. Loaded on
 * demand in the script-tag bundle (`loadStatsElements()`).
 *
 * @csspart header - The title, the range and team menus and the tables toggle.
 * @csspart range - The range menu.
 * @csspart dates - The two date fields of a custom range.
 * @csspart team - The team menu.
 * @csspart table-toggle - The "Show as tables" button.
 * @csspart tiles - The row of figures.
 * @csspart tile - One figure: its name, its value and what it is made of.
 * @csspart value - A figure's value.
 * @csspart chart - One chart, with its title.
 * @csspart plot - A chart's drawing (focusable; arrow keys read its bars).
 * @csspart bar - One bar of a chart.
 * @csspart readout - The line that says the bar the arrow keys are on.
 * @csspart table - A chart's data table.
 * @csspart state - The loading, empty or error message.
 *
 * @cssprop --inbox-stats-bar-color - Bars (default: the accent).
 * @cssprop --inbox-stats-bar-current-color - The bar the arrow keys are on (default: the text colour).
 * @cssprop --inbox-stats-chart-height - Height of the by-day chart (default 10rem).
 * @cssprop --inbox-stats-tile-background - Background of a figure (default: the raised surface).
 */
export class InboxStats extends InboxElement {
  static override styles = [InboxElement.styles, buttonStyles, controlStyles, spinnerStyles, statsStyles];

  static override properties: PropertyDeclarations = {
    range: { reflect: true },
    from: {},
    to: {},
    team: {},
    timeZone: { attribute: 'time-zone' },
    tables: { type: Boolean, reflect: true },
    stats: { state: true, attribute: false },
    phase: { state: true, attribute: false },
    current: { state: true, attribute: false },
  };

  /** The range: the last `7`, `30` or `90` days (today included), or `custom` (`from` to `to`). */
  range: StatsRange = '7';
  /** First day of a custom range, `YYYY-MM-DD`. */
  from = '';
  /** Last day of a custom range (included), `YYYY-MM-DD`. */
  to = '';
  /** A team's id: only its conversations. Empty: every team. */
  team = '';
  /** The IANA time zone of the days (default: the browser's). */
  timeZone = '';
  /** Show every chart as a data table. */
  tables = false;

  private stats: TeamStats | null = null;
  private phase: Phase = 'waiting';
  /** The bar the arrow keys are on, by chart id. */
  private current = new Map<string, number>();

  readonly #model = this.select(selectModel, sameModel);
  /** Any change to a conversation (an event arrived): the figures are asked for again. */
  readonly #conversations = this.select((s) => s.model.conversations);
  #asked: { store: InboxStore; key: string } | null = null;
  #seenConversations: unknown = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #generation = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#asked = null;
  }

  #zone(): string {
    return this.timeZone || localTimeZone();
  }

  /** The request the attributes describe, now. */
  request(now = Date.now()): StatsRequest {
    const timeZone = this.#zone();
    let first: string;
    let last: string;
    if (this.range === 'custom' && isDayKey(this.from) && isDayKey(this.to) && this.from <= this.to) {
      [first, last] = [this.from, this.to];
    } else {
      last = dayFormatter(timeZone)(now);
      const days = this.range === 'custom' ? 7 : Number(this.range) || 7;
      first = addDays(last, 1 - days);
    }
    return { ...rangeOfDays(first, last, timeZone), timeZone, teamId: this.team || null };
  }

  // Before the render, so that the loading state shows in the same update.
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const store = this.activeStore;
    const model = this.#model.value;
    if (!store || !model?.ready) {
      this.#asked = null;
      return;
    }
    const request = this.request();
    const key = JSON.stringify([request.timeZone, request.teamId, this.range, this.from, this.to]);
    if (this.#asked?.store !== store || this.#asked.key !== key) {
      this.#asked = { store, key };
      this.#seenConversations = this.#conversations.value;
      clearTimeout(this.#timer);
      this.#timer = undefined;
      void this.#load(store, request);
    } else if (this.#conversations.value !== this.#seenConversations) {
      this.#seenConversations = this.#conversations.value;
      // At most one request a delay, and never postponed by the next event: steady traffic cannot starve it.
      this.#timer ??= setTimeout(() => {
        this.#timer = undefined;
        if (this.#asked?.store === store) void this.#load(store, this.request());
      }, REFRESH_DELAY_MS);
    }
  }

  async #load(store: InboxStore, request: StatsRequest): Promise<void> {
    const generation = ++this.#generation;
    if (!this.stats || this.stats.teamId !== request.teamId) this.phase = 'loading';
    try {
      const stats = await store.teamStats(request);
      if (generation !== this.#generation) return;
      this.stats = stats;
      this.phase = 'ready';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.stats = null;
      this.phase = (error as Error | null)?.name === 'NoTeamStatsError' ? 'unavailable' : 'error';
    }
  }

  /** Asks for the figures again now (the Retry button does). */
  refresh(): void {
    this.#asked = null;
    this.requestUpdate();
  }

  // ---- rendering ----

  #teams(user: User | undefined, teams: ReadonlyMap<Id, Team>): Team[] {
    const all = [...teams.values()];
    return !user || seesEverything(user) ? all : all.filter((team) => user.teamIds.includes(team.id));
  }

  /** Custom dates start from the days shown, so that changing one field keeps the other. */
  #setRange(range: StatsRange, first: string, last: string): void {
    if (range === 'custom') {
      if (!isDayKey(this.from)) this.from = first;
      if (!isDayKey(this.to)) this.to = last;
    }
    this.range = range;
  }

  #header(user: User | undefined, teams: readonly Team[]): TemplateResult {
    const request = this.request();
    const dayOf = dayFormatter(request.timeZone);
    const first = this.range === 'custom' && isDayKey(this.from) ? this.from : dayOf(request.from);
    const last = this.range === 'custom' && isDayKey(this.to) ? this.to : dayOf(request.to - 1);
    return html`<header part="header">
      <h2 id="title" class="title">${msg('Team stats', { id: 'stats.title' })}</h2>
      <div class="controls">
        <label class="field">
          <span>${msg('Range', { id: 'stats.range' })}</span>
          <select part="range" class="control" .value=${this.range} @change=${(e: Event) => this.#setRange((e.target as HTMLSelectElement).value as StatsRange, first, last)}>
            <option value="7" ?selected=${this.range === '7'}>${msg('Last 7 days', { id: 'stats.last7' })}</option>
            <option value="30" ?selected=${this.range === '30'}>${msg('Last 30 days', { id: 'stats.last30' })}</option>
            <option value="90" ?selected=${this.range === '90'}>${msg('Last 90 days', { id: 'stats.last90' })}</option>
            <option value="custom" ?selected=${this.range === 'custom'}>${msg('Custom dates', { id: 'stats.custom' })}</option>
          </select>
        </label>
        ${this.range === 'custom'
          ? html`<span part="dates" class="dates">
              <label class="field"
                ><span>${msg('From', { id: 'stats.from' })}</span
                ><input class="control" type="date" .value=${first} max=${last} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)}
              /></label>
              <label class="field"
                ><span>${msg('To', { id: 'stats.to' })}</span
                ><input class="control" type="date" .value=${last} min=${first} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)}
              /></label>
            </span>`
          : nothing}
        ${teams.length > 0
          ? html`<label class="field">
              <span>${msg('Team', { id: 'stats.team' })}</span>
              <select part="team" class="control" .value=${this.team} @change=${(e: Event) => (this.team = (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${this.team === ''}>${msg('All teams', { id: 'stats.allTeams' })}</option>
                ${teams.map((team) => html`<option value=${team.id} ?selected=${this.team === team.id}>${team.name}</option>`)}
              </select>
            </label>`
          : nothing}
        <button part="table-toggle" class="button" type="button" aria-pressed=${this.tables ? 'true' : 'false'} @click=${() => (this.tables = !this.tables)}>
          ${msg('Show as tables', { id: 'stats.tables' })}
        </button>
      </div>
      ${user && !seesEverything(user) && user.visibility === 'self'
        ? html`<p class="scope">${msg('Your own conversations only.', { id: 'stats.scopeSelf' })}</p>`
        : user && !seesEverything(user)
          ? html`<p class="scope">${msg('Your teams’ conversations only.', { id: 'stats.scopeTeam' })}</p>`
          : nothing}
    </header>`;
  }

  #durationTile(name: string, durations: Durations, samples: (count: string) => string): TemplateResult {
    const value = durations.median === null ? '—' : formatDuration(durations.median);
    const p90 = durations.p90 === null ? '' : formatDuration(durations.p90);
    return html`<div part="tile" class="tile" role="listitem">
      <span class="name">${name}</span>
      <span part="value" class="value">${value}</span>
      <span class="detail">
        ${durations.median === null
          ? msg('No replies in this range', { id: 'stats.noSamples' })
          : html`${msg(str`median · 90% within ${p90}`, { id: 'stats.p90' })}<br />${samples(formatNumber(durations.count))}`}
      </span>
    </div>`;
  }

  #countTile(name: string, value: string, detail: string): TemplateResult {
    return html`<div part="tile" class="tile" role="listitem">
      <span class="name">${name}</span>
      <span part="value" class="value">${value}</span>
      <span class="detail">${detail}</span>
    </div>`;
  }

  #tiles(stats: TeamStats): TemplateResult {
    const rate = completionRate(stats.completion);
    const done = formatNumber(stats.completion.done);
    const total = formatNumber(stats.completion.total);
    return html`<div part="tiles" class="tiles" role="list" aria-label=${msg('Figures', { id: 'stats.figures' })}>
      ${this.#durationTile(msg('First response time', { id: 'stats.firstResponse' }), stats.firstResponse, (n) =>
        plural(stats.firstResponse.count, {
          one: () => msg(str`${n} first response`, { id: 'stats.responses.one' }),
          other: () => msg(str`${n} first responses`, { id: 'stats.responses.other' }),
        }),
      )}
      ${this.#durationTile(msg('Time to answer unread', { id: 'stats.unreadAnswer' }), stats.unreadAnswer, (n) =>
        plural(stats.unreadAnswer.count, {
          one: () => msg(str`${n} answer to unread`, { id: 'stats.answered.one' }),
          other: () => msg(str`${n} answers to unread`, { id: 'stats.answered.other' }),
        }),
      )}
      ${this.#countTile(
        msg('Completion rate', { id: 'stats.completion' }),
        rate === null ? '—' : formatPercent(rate),
        msg(str`${done} done of ${total} open`, { id: 'stats.completionDetail' }),
      )}
      ${this.#countTile(
        msg('Conversations', { id: 'stats.volume' }),
        formatNumber(stats.volume.total),
        msg('with a message or call from the contact', { id: 'stats.volumeDetail' }),
      )}
      ${this.#countTile(
        msg('Open backlog', { id: 'stats.backlog' }),
        formatNumber(stats.backlog),
        msg('open at the end of the range', { id: 'stats.backlogDetail' }),
      )}
    </div>`;
  }

  #charts(stats: TeamStats, users: ReadonlyMap<Id, User>, channels: ReadonlyMap<Id, Channel>): Chart[] {
    const named = <K extends string | null>(buckets: readonly VolumeBucket<K>[], name: (key: K) => string) =>
      buckets.map((b) => ({ label: name(b.key), count: b.count }));
    return [
      {
        id: 'day',
        title: msg('Conversations by day', { id: 'stats.byDay' }),
        keyLabel: msg('Day', { id: 'stats.day' }),
        bars: named(stats.volume.byDay, dayLabel),
        vertical: true,
      },
      {
        id: 'channel',
        title: msg('By channel', { id: 'stats.byChannel' }),
        keyLabel: msg('Channel', { id: 'stats.channel' }),
        bars: named(stats.volume.byChannel, (id) => channels.get(id)?.name ?? id),
        vertical: false,
      },
      {
        id: 'agent',
        title: msg('By agent', { id: 'stats.byAgent' }),
        keyLabel: msg('Agent', { id: 'stats.agent' }),
        bars: named(stats.volume.byAgent, (id) => (id === null ? msg('Unassigned', { id: 'stats.unassigned' }) : (users.get(id)?.name ?? id))),
        vertical: false,
      },
    ];
  }

  #onPlotKey(chart: Chart, event: KeyboardEvent): void {
    const last = chart.bars.length - 1;
    if (last < 0) return;
    const at = this.current.get(chart.id);
    const forward = chart.vertical ? 'ArrowRight' : 'ArrowDown';
    const back = chart.vertical ? 'ArrowLeft' : 'ArrowUp';
    let next: number;
    if (event.key === forward || event.key === (chart.vertical ? 'ArrowDown' : 'ArrowRight')) next = at === undefined ? 0 : Math.min(last, at + 1);
    else if (event.key === back || event.key === (chart.vertical ? 'ArrowUp' : 'ArrowLeft')) next = at === undefined ? last : Math.max(0, at - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else return;
    event.preventDefault();
    this.current = new Map(this.current).set(chart.id, next);
  }

  #summary(chart: Chart): string {
    const total = chart.bars.reduce((sum, bar) => sum + bar.count, 0);
    const top = chart.bars.reduce<Bar | null>((best, bar) => (bar.count > (best?.count ?? 0) ? bar : best), null);
    const count = formatNumber(total);
    const bars = formatNumber(chart.bars.length);
    const title = chart.title;
    if (!top) return msg(str`${title}: none.`, { id: 'stats.summaryNone' });
    const most = top.label;
    const topCount = formatNumber(top.count);
    return msg(str`${title}: ${count} in all over ${bars} bars, the most ${topCount} (${most}). Arrow keys read each bar.`, { id: 'stats.summary' });
  }

  #barText(bar: Bar): string {
    return plural(bar.count, {
      one: (n) => msg(str`${n} conversation`, { id: 'stats.conversations.one' }),
      other: (n) => msg(str`${n} conversations`, { id: 'stats.conversations.other' }),
    });
  }

  #plot(chart: Chart): TemplateResult {
    const max = Math.max(1, ...chart.bars.map((b) => b.count));
    const at = this.current.get(chart.id);
    const readout = at === undefined ? '' : `${chart.bars[at]!.label}: ${this.#barText(chart.bars[at]!)}`;
    const visual = chart.vertical
      ? html`<div class="columns">
          <span class="max" aria-hidden="true">${formatNumber(max)}</span>
          <svg class="day-svg" viewBox="0 0 ${chart.bars.length * 10} 100" preserveAspectRatio="none" aria-hidden="true">
            ${chart.bars.map(
              (bar, i) =>
                // svg``, not html``: a <rect> of its own template is an SVG element only when the template says so.
                svg`<rect part="bar" class=${i === at ? 'bar current' : 'bar'} x=${i * 10 + 1.5} width="7" y=${100 - (bar.count / max) * 100} height=${(bar.count / max) * 100}></rect>`,
            )}
          </svg>
          <span class="axis" aria-hidden="true"><span>${chart.bars[0]?.label}</span><span>${chart.bars[chart.bars.length - 1]?.label}</span></span>
        </div>`
      : html`<div class="rows" aria-hidden="true">
          ${chart.bars.map(
            (bar, i) => html`<span class=${i === at ? 'label current' : 'label'}>${bar.label}</span>
              <svg class="row-svg" viewBox="0 0 100 10" preserveAspectRatio="none"
                ><rect part="bar" class=${i === at ? 'bar current' : 'bar'} x="0" y="1" height="8" width=${Math.max(0.5, (bar.count / max) * 100)}></rect
              ></svg>
              <span class="count">${formatNumber(bar.count)}</span>`,
          )}
        </div>`;
    return html`<div
        part="plot"
        class="plot"
        tabindex="0"
        role="img"
        aria-label=${this.#summary(chart)}
        @keydown=${(e: KeyboardEvent) => this.#onPlotKey(chart, e)}
        @blur=${() => {
          if (this.current.has(chart.id)) {
            const current = new Map(this.current);
            current.delete(chart.id);
            this.current = current;
          }
        }}
      >
        ${visual}
      </div>
      <p part="readout" class="readout" role="status">${readout}</p>`;
  }

  #table(chart: Chart): TemplateResult {
    return html`<table part="table">
      <caption class="visually-hidden">${chart.title}</caption>
      <thead>
        <tr>
          <th scope="col">${chart.keyLabel}</th>
          <th scope="col" class="num">${msg('Conversations', { id: 'stats.volume' })}</th>
        </tr>
      </thead>
      <tbody>
        ${chart.bars.map((bar) => html`<tr><th scope="row">${bar.label}</th><td class="num">${formatNumber(bar.count)}</td></tr>`)}
      </tbody>
    </table>`;
  }

  #chart(chart: Chart): TemplateResult {
    return html`<figure part="chart" class="chart chart-${chart.id}">
      <figcaption class="chart-title">${chart.title}</figcaption>
      ${chart.bars.length === 0
        ? html`<p class="none">${msg('None in this range.', { id: 'stats.none' })}</p>`
        : this.tables
          ? this.#table(chart)
          : this.#plot(chart)}
    </figure>`;
  }

  #body(model: ReturnType<typeof selectModel>): TemplateResult {
    const stats = this.stats;
    if (this.phase === 'unavailable') {
      return html`<p part="state" class="state">${msg('This backend does not count team stats.', { id: 'stats.unavailable' })}</p>`;
    }
    if (this.phase === 'error') {
      return html`<div part="state" class="state" role="alert">
        <span>${msg('The stats could not load.', { id: 'stats.error' })}</span>
        <button class="button" type="button" @click=${() => this.refresh()}>${msg('Try again', { id: 'stats.retry' })}</button>
      </div>`;
    }
    if (!stats) {
      return html`<div part="state" class="state" role="status"><span class="spinner" aria-hidden="true"></span>${msg('Loading stats…', { id: 'stats.loading' })}</div>`;
    }
    const empty = stats.volume.total === 0 && stats.completion.total === 0 && stats.backlog === 0;
    return html`${this.#tiles(stats)}
      ${empty
        ? html`<p part="state" class="state">${msg('No conversations in this range.', { id: 'stats.empty' })}</p>`
        : html`<div class="charts">${this.#charts(stats, model.users, model.channels).map((chart) => this.#chart(chart))}</div>`}`;
  }

  protected override render(): TemplateResult {
    const model = this.#model.value;
    const user = model?.users.get(model.userId);
    const teams = model ? this.#teams(user, model.teams) : [];
    const busy = this.phase === 'loading' || this.phase === 'waiting';
    return html`<section class="stats" aria-busy=${busy ? 'true' : 'false'} aria-labelledby="title">
      ${this.#header(user, teams)}
      ${model?.ready ? this.#body(model) : html`<div part="state" class="state" role="status"><span class="spinner" aria-hidden="true"></span>${msg('Loading stats…', { id: 'stats.loading' })}</div>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inbox-stats': InboxStats;
  }
}
