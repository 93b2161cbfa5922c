import { expect } from '@open-wc/testing';
import { fromQueryString, mergeQueryString, toQueryString, type UrlState } from './url-state.js';

describe('URL state', () => {
  it('§4 round-trips view, tab, search, sort, filters, open conversation and message', () => {
    const state: UrlState = {
      view: 'team:t-support',
      tab: 'unread',
      search: 'Zoé Lefèvre',
      sort: 'waiting-longest',
      filters: {
        statuses: ['open'],
        channelKinds: ['email', 'sms'],
        assignees: ['unassigned', 'user:u-lea'],
        teamIds: ['t-support'],
        labels: ['vip', 'billing & refunds'],
        priorities: ['urgent'],
        companies: ['Acme'],
        from: Date.UTC(2026, 9, 1),
        to: Date.UTC(2026, 10, 1),
        hideSpam: false,
        hideTrash: false,
        custom: { plan: 'Pro', customerSince: '2021', seats: 5, trial: false, note: 'a:=b' },
      },
      openId: 'c-00042',
      focusedMessageId: 'm-7',
    };
    expect(fromQueryString(toQueryString(state))).to.deep.equal(state);
  });

  it('§4 the default state writes an empty query string and reads back as the defaults', () => {
    expect(toQueryString({ view: 'all', tab: 'open', sort: 'newest', search: '', filters: {} })).to.equal('');
    expect(fromQueryString('')).to.deep.equal({
      view: 'all',
      tab: 'open',
      sort: 'newest',
      search: '',
      filters: {},
      openId: null,
      focusedMessageId: null,
    });
  });

  it('§4 drops what it does not recognise instead of trusting the URL', () => {
    const state = fromQueryString('v=../../etc&t=everything&s=random&channel=fax&channel=email&priority=max&from=yesterday');
    expect(state.view).to.equal('all');
    expect(state.tab).to.equal('open');
    expect(state.sort).to.equal('newest');
    expect(state.filters).to.deep.equal({ channelKinds: ['email'] });
  });

  it('§4 custom fields keep their type: text, number or boolean', () => {
    expect(fromQueryString('field=plan:Pro&field=since:2021&field=seats:=5&field=trial:=true').filters?.custom).to.deep.equal({
      plan: 'Pro',
      since: '2021',
      seats: 5,
      trial: true,
    });
    expect(fromQueryString('field=seats:=many&field=nokey&field=:x').filters).to.deep.equal({});
  });

  it('§4 caps the length of free text', () => {
    expect(fromQueryString(`q=${'x'.repeat(5000)}`).search).to.have.length(200);
  });

  it('§4 keeps channel, saved and standard view ids', () => {
    for (const view of ['mine', 'channel:whatsapp', 'saved:view-1', 'done', 'new'] as const) {
      expect(fromQueryString(toQueryString({ view })).view).to.equal(view);
    }
  });
});

describe('URL state in a host page', () => {
  it('§4 replaces only the inbox parameters and keeps the host’s own', () => {
    const merged = mergeQueryString('transport=http&user=u-tom&v=done&channel=sms', { view: 'mine', search: 'zoé' });
    const params = new URLSearchParams(merged);
    expect(params.get('transport')).to.equal('http');
    expect(params.get('user')).to.equal('u-tom');
    expect(params.get('v')).to.equal('mine');
    expect(params.get('q')).to.equal('zoé');
    expect(params.getAll('channel')).to.deep.equal([]);
  });
});
