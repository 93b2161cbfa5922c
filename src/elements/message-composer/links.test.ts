import { expect } from '@open-wc/testing';
import { findLinks, replaceLinks, shortenLinks } from './links.js';

const urls = (text: string) => findLinks(text).map((l) => l.url);

describe('composer links', () => {
  it('finds http and https links, without the punctuation after them', () => {
    expect(urls('See https://acme.example/a?b=1#c. And http://x.io, then www.no.example')).to.deep.equal([
      'https://acme.example/a?b=1#c',
      'http://x.io',
    ]);
    expect(urls('(see https://acme.example/docs) and https://en.wikipedia.org/wiki/Foo_(bar)')).to.deep.equal([
      'https://acme.example/docs',
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
    expect(urls('«https://acme.example/é»')).to.deep.equal(['https://acme.example/é']);
  });

  it('ignores what only looks like a link: other schemes, a bare scheme', () => {
    expect(urls('javascript:alert(1) ftp://files.example https:// mailto:ana@example.com')).to.deep.equal([]);
  });

  it('replaces each link found in the map and leaves the rest of the text alone', () => {
    const text = 'a https://x.io/1 b https://x.io/2 c https://x.io/1';
    expect(replaceLinks(text, new Map([['https://x.io/1', 'https://s.io/A']]))).to.equal(
      'a https://s.io/A b https://x.io/2 c https://s.io/A',
    );
  });

  it('shortens every distinct link once', async () => {
    const asked: string[] = [];
    const shorten = (url: string) => {
      asked.push(url);
      return Promise.resolve(`https://sho.rt/${asked.length}`);
    };
    const out = await shortenLinks('Docs: https://acme.example/docs, again https://acme.example/docs and http://b.example', shorten);
    expect(out).to.equal('Docs: https://sho.rt/1, again https://sho.rt/1 and https://sho.rt/2');
    expect(asked).to.deep.equal(['https://acme.example/docs', 'http://b.example']);
  });

  it('keeps a link as typed when the shortener throws, rejects, answers nonsense or is too slow', async () => {
    const text = 'a https://one.example b https://two.example c https://three.example d https://four.example e https://five.example';
    const out = await shortenLinks(
      text,
      (url) => {
        if (url.includes('one')) throw new Error('sync failure');
        if (url.includes('two')) return Promise.reject(new Error('quota'));
        if (url.includes('three')) return Promise.resolve('not a url with spaces');
        if (url.includes('four')) return new Promise<string>(() => undefined);
        return Promise.resolve('https://sho.rt/5');
      },
      50,
    );
    expect(out).to.equal('a https://one.example b https://two.example c https://three.example d https://four.example e https://sho.rt/5');
  });

  it('does not call the shortener for a text without links', async () => {
    let called = false;
    const out = await shortenLinks('no links here', () => {
      called = true;
      return Promise.resolve('x');
    });
    expect(out).to.equal('no links here');
    expect(called).to.be.false;
  });
});
