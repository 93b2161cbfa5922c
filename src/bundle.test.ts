import { expect } from '@open-wc/testing';
import * as bundle from './bundle.js';
import * as conversation from './conversation.js';
import * as contact from './contact.js';
import * as overlays from './overlays.js';
import * as pickers from './pickers.js';
import * as calls from './calls.js';
import * as stats from './stats.js';
import * as index from './index.js';

/**
 * Left out of the script-tag bundle's exports: they load on demand (loadMemoryTransport(), loadHttpTransport()).
 * parseCommand and the system's rules (decideAsBackend) too: only backends check commands and decide inbound
 * traffic, and their schemas and rules would weigh on every page (issue 3's size budget).
 */
const ON_DEMAND = {
  memory: ['MemoryTransport', 'MemoryBackend', 'generateDemoData', 'parseCommand', 'decideAsBackend', 'applyAsBackend'],
  http: ['HttpTransport', 'HttpError'],
  protocol: ['parseServerMessage', 'parseCommandAck', 'parseTimelinePage'],
};

describe('the script-tag bundle entry (src/bundle.ts)', () => {
  it('exports what index.ts exports, but for the transports and the elements it loads on demand', () => {
    const later = [...ON_DEMAND.memory, ...ON_DEMAND.http, ...ON_DEMAND.protocol, ...Object.keys(conversation), ...Object.keys(contact), ...Object.keys(overlays), ...Object.keys(pickers), ...Object.keys(calls), ...Object.keys(stats)];
    const expected = Object.keys(index).filter((name) => !later.includes(name));
    expect(Object.keys(bundle).sort()).to.deep.equal(expected.sort());
  });

  it('loads the conversation elements and their API with loadConversationElements()', async () => {
    const loaded = await bundle.loadConversationElements();
    expect(Object.keys(conversation).length).to.be.greaterThan(10);
    for (const name of Object.keys(conversation)) expect(loaded).to.have.property(name, index[name as keyof typeof index]);
    for (const tag of ['conversation-view', 'conversation-timeline', 'message-composer']) expect(customElements.get(tag)).to.exist;
  });

  it('loads the calls (with their helpers ringingCalls, currentCall, callFilters) and the pickers with loadCallElements() and loadPickerElements()', async () => {
    const loaded = { ...(await bundle.loadCallElements()), ...(await bundle.loadPickerElements()) };
    expect(Object.keys(calls).length + Object.keys(pickers).length).to.equal(13);
    for (const name of [...Object.keys(calls), ...Object.keys(pickers)]) expect(loaded).to.have.property(name, index[name as keyof typeof index]);
    for (const tag of ['incoming-calls', 'call-card', 'snooze-picker', 'label-picker', 'priority-picker', 'assignee-picker']) {
      expect(customElements.get(tag)).to.exist;
    }
  });

  it('loads the contact panel and the dialogs with loadContactElements() and loadOverlayElements()', async () => {
    const loaded = { ...(await bundle.loadContactElements()), ...(await bundle.loadOverlayElements()) };
    for (const name of [...Object.keys(contact), ...Object.keys(overlays)]) expect(loaded).to.have.property(name, index[name as keyof typeof index]);
    for (const tag of ['contact-panel', 'shortcut-help', 'command-palette', 'bulk-bar', 'filter-panel']) expect(customElements.get(tag)).to.exist;
  });

  it('loads the team stats with loadStatsElements()', async () => {
    const loaded = await bundle.loadStatsElements();
    for (const name of Object.keys(stats)) expect(loaded).to.have.property(name, index[name as keyof typeof index]);
    expect(customElements.get('inbox-stats')).to.exist;
  });

  it('loads the transports with loadMemoryTransport() and loadHttpTransport()', async () => {
    const memory = await bundle.loadMemoryTransport();
    const http = await bundle.loadHttpTransport();
    for (const name of ON_DEMAND.memory) expect(memory).to.have.property(name, index[name as keyof typeof index]);
    for (const name of ON_DEMAND.http) expect(http).to.have.property(name, index[name as keyof typeof index]);
    expect(bundle.loadMemoryTransport.loaded).to.equal(memory);
  });

  it('loads the protocol\'s checks with loadProtocol(), as a store does before it connects', async () => {
    const protocol = await bundle.loadProtocol();
    for (const name of ON_DEMAND.protocol) expect(protocol).to.have.property(name, index[name as keyof typeof index]);
    expect(protocol.parseServerMessage({ kind: 'nonsense' }).ok).to.equal(false);
  });

  it('registers every tag', () => {
    for (const tag of ['inbox-provider', 'inbox-app', 'inbox-list', 'status-badge']) expect(customElements.get(tag)).to.exist;
  });
});
