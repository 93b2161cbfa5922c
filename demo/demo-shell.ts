import { LitElement, css, html } from 'lit';
import { setLocale } from '../src/i18n/localization.js';
import type { InboxStore } from '../src/store/inbox-store.js';
import { DEMO_USERS, demoSettings, demoStore, demoUrl, type DemoSettings, type DemoTransport } from './demo-store.js';

/**
 * The demo page around <inbox-app>: which backend (the reference server
 * over HTTP, or the in-page MemoryTransport), which user, which language.
 * Each switch reloads with new URL parameters, so two windows can be two
 * agents; the inbox keeps its own state in the same query string.
 */
export class DemoShell extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-rows: auto minmax(0, 1fr);
      height: 100vh;
      font-family: system-ui, sans-serif;
      font-size: 14px;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      padding: 6px 12px;
      background: #0a5fcc;
      color: white;
    }
    h1 {
      font-size: 15px;
      margin: 0 auto 0 0;
    }
    select {
      font: inherit;
    }
  `;

  readonly #settings: DemoSettings = demoSettings();
  readonly #store: InboxStore = demoStore(this.#settings);

  override connectedCallback(): void {
    super.connectedCallback();
    void setLocale(this.#settings.lang);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#store.destroy();
  }

  #go(change: Partial<DemoSettings>): void {
    location.search = demoUrl(change);
  }

  override render() {
    const s = this.#settings;
    const value = (e: Event) => (e.target as HTMLSelectElement).value;
    return html`
      <header>
        <h1>inbox-elements demo</h1>
        <label
          >Backend
          <select @change=${(e: Event) => this.#go({ transport: value(e) as DemoTransport })}>
            <option value="http" ?selected=${s.transport === 'http'}>Reference server (HTTP)</option>
            <option value="memory" ?selected=${s.transport === 'memory'}>In-page (memory, simulated traffic)</option>
          </select></label
        >
        <label
          >User
          <select @change=${(e: Event) => this.#go({ userId: value(e) })}>
            ${DEMO_USERS.map((u) => html`<option value=${u.id} ?selected=${u.id === s.userId}>${u.label}</option>`)}
          </select></label
        >
        <label
          >Language
          <select @change=${(e: Event) => this.#go({ lang: value(e) as DemoSettings['lang'] })}>
            <option value="en" ?selected=${s.lang === 'en'}>English</option>
            <option value="fr" ?selected=${s.lang === 'fr'}>Français</option>
            <option value="es" ?selected=${s.lang === 'es'}>Español</option>
          </select></label
        >
      </header>
      <inbox-app .store=${this.#store} sync-url></inbox-app>
    `;
  }
}

customElements.define('demo-shell', DemoShell);
