import { expect } from '@open-wc/testing';
import { TypingPresence, type PresenceSink } from './typing-presence.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(): PresenceSink & { calls: [string | null, boolean][] } {
  const calls: [string | null, boolean][] = [];
  return { calls, setPresence: (id, typing) => calls.push([id, typing]) };
}

describe('TypingPresence', () => {
  it('R17 says typing on the first keystroke, then at most once per interval', () => {
    let now = 0;
    const typing = new TypingPresence(2000, 3000, () => now);
    const sink = recorder();
    typing.typed(sink, 'c-1');
    now = 500;
    typing.typed(sink, 'c-1');
    now = 1999;
    typing.typed(sink, 'c-1');
    expect(sink.calls).to.deep.equal([['c-1', true]]);
    now = 2000;
    typing.typed(sink, 'c-1');
    expect(sink.calls).to.deep.equal([['c-1', true], ['c-1', true]]);
    typing.stop();
  });

  it('R17 says the typing ended after the idle time without a keystroke', async () => {
    const typing = new TypingPresence(2000, 30);
    const sink = recorder();
    typing.typed(sink, 'c-1');
    await wait(15);
    typing.typed(sink, 'c-1');
    await wait(20);
    expect(sink.calls, 'each keystroke restarts the idle time').to.deep.equal([['c-1', true]]);
    await wait(30);
    expect(sink.calls).to.deep.equal([['c-1', true], ['c-1', false]]);
    expect(typing.typing).to.be.false;
  });

  it('R17 stop() ends it once; switching conversation ends the first', () => {
    const typing = new TypingPresence();
    const sink = recorder();
    typing.stop();
    expect(sink.calls, 'nothing to end').to.deep.equal([]);
    typing.typed(sink, 'c-1');
    typing.typed(sink, 'c-2');
    typing.stop();
    typing.stop();
    expect(sink.calls).to.deep.equal([['c-1', true], ['c-1', false], ['c-2', true], ['c-2', false]]);
  });

  it('R17 presence is best effort: a sink that throws changes nothing for the person typing', () => {
    const typing = new TypingPresence();
    const failing: PresenceSink = {
      setPresence: () => {
        throw new Error('not active');
      },
    };
    expect(() => typing.typed(failing, 'c-1')).not.to.throw();
    expect(() => typing.stop()).not.to.throw();
    expect(typing.typing).to.be.false;
  });
});
