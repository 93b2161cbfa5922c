import { expect } from '@open-wc/testing';
import { InboxStore } from '../src/store/inbox-store.js';
import { RealServer, USERS } from './real-server.js';

/**
 * Issue 4, attachments through the transport: HttpTransport.upload against
 * the real reference server, then a reply that carries the attachment.
 */
describe('attachments on the reference server', () => {
  let server: RealServer;
  before(async () => {
    server = await RealServer.start({ args: ['--seed-conversations', '200'] });
  });
  after(() => server.stop());

  it('uploads a file, replies with it, and another agent sees it on the timeline', async function () {
    this.timeout(20_000);
    const ana = new InboxStore({ transport: server.transport(USERS.owner), userId: USERS.owner });
    const lea = new InboxStore({ transport: server.transport(USERS.agentAll), userId: USERS.agentAll });
    await Promise.all([ana.ready, lea.ready]);
    expect(ana.canUpload).to.equal(true);
    const attachment = await ana.upload(new File(['Invoice 42: 19,90 €'], 'facture n°42.txt', { type: 'text/plain' }));
    expect(attachment).to.include({ name: 'facture n°42.txt', mime: 'text/plain', size: 21 });
    expect(attachment.url.startsWith(server.baseUrl)).to.equal(true);
    expect(await (await fetch(attachment.url)).text()).to.equal('Invoice 42: 19,90 €');

    const conversation = ana.selectors.list(ana.state).find((c) => c.status === 'open')!;
    await lea.loadTimeline(conversation.id);
    const sent = ana.dispatch('reply', { conversationId: conversation.id, itemId: 'reply-with-file', body: 'Here it is', attachments: [attachment] });
    expect(sent.ok).to.equal(true);
    const arrived = () => lea.state.model.timelines.get(conversation.id)?.find((i) => i.id === 'reply-with-file');
    for (let i = 0; i < 200 && !arrived(); i++) await new Promise((r) => setTimeout(r, 20));
    const item = arrived();
    expect(item?.type === 'message' ? item.attachments : null).to.deep.equal([attachment]);
    ana.destroy();
    lea.destroy();
  });
});
