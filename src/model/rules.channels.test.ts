import { expect } from '@open-wc/testing';
import { checkChannelName, MAX_CHANNEL_NAME } from './channel-names.js';
import { makeState, makeUser } from './fixtures.js';
import { applyAsBackend } from './rules.backend.js';
import { ANA, cmd, eventsOf, NOW, OWNER, refusal, run, SYSTEM } from './rules.testing.js';

const users = [
  makeUser({ id: 'u-owner', role: 'owner' }),
  makeUser({ id: 'u-manager', role: 'manager' }),
  makeUser({ id: 'u-ana' }),
  makeUser({ id: 'u-gone', role: 'manager', active: false }),
];
const rename = (name: string, channelId = 'ch-sms') => cmd('renameChannel', { channelId, name });

describe('R30 channel names (rules.people.ts renameChannel, channels.ts checkChannelName)', () => {
  it('R30: an owner renames a channel; the name is stored trimmed', () => {
    const after = run(makeState({ users }), rename('  Support line (US)  '), OWNER);
    expect(after.channels.get('ch-sms')?.name).to.equal('Support line (US)');
  });

  it('R30: a manager may rename too, and the change is one channel.upserted event', () => {
    const events = eventsOf(makeState({ users }), rename('Sales'), { actorId: 'u-manager', now: NOW });
    expect(events).to.have.length(1);
    expect(events[0]).to.deep.include({ type: 'channel.upserted' });
  });

  it('R30: an agent is refused (forbidden), a deactivated manager too', () => {
    expect(refusal(makeState({ users }), rename('Mine'), ANA).code).to.equal('forbidden');
    expect(refusal(makeState({ users }), rename('Mine'), { actorId: 'u-gone', now: NOW }).code).to.equal('forbidden');
  });

  it('R30: the system does not rename channels (it records who did)', () => {
    const result = applyAsBackend(makeState({ users }), rename('Bot'), SYSTEM);
    expect(result.ok).to.equal(false);
  });

  const bad = ['', '   ', '\n\t', 'x'.repeat(MAX_CHANNEL_NAME + 1)];
  for (const name of bad) {
    it(`R30: "${name.length > 20 ? `${name.length} characters` : JSON.stringify(name)}" is refused with the rule's sentence`, () => {
      const r = refusal(makeState({ users }), rename(name), OWNER);
      expect(r).to.deep.equal({ code: 'invalid', reason: "A channel's name must be 1 to 255 characters (not counting spaces at either end)." });
    });
  }

  it('R30: exactly 255 characters is accepted, and spaces around do not count', () => {
    const name = 'y'.repeat(MAX_CHANNEL_NAME);
    expect(run(makeState({ users }), rename(` ${name} `), OWNER).channels.get('ch-sms')?.name).to.equal(name);
  });

  it('R30: an unknown channel is not-found; the same name changes nothing', () => {
    expect(refusal(makeState({ users }), rename('X', 'ch-nope'), OWNER).code).to.equal('not-found');
    const state = makeState({ users });
    expect(eventsOf(state, rename(` ${state.channels.get('ch-sms')!.name} `), OWNER)).to.deep.equal([]);
  });

  it('R30: checkChannelName says what is wrong, for elements to say it in the user\'s language', () => {
    expect(checkChannelName('  ')).to.deep.equal({ problem: 'empty' });
    expect(checkChannelName('z'.repeat(256))).to.deep.equal({ problem: 'too-long' });
    expect(checkChannelName(' Front desk ')).to.deep.equal({ name: 'Front desk' });
  });
});
