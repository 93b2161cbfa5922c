import { expect } from '@open-wc/testing';
import { datePattern, formatDate, formatTime, parseDate, parseTime } from './dates.js';

describe('dates in the inbox language (not the browser\'s)', () => {
  it('orders day, month and year as each locale does', () => {
    expect(datePattern('fr').order).to.deep.equal(['day', 'month', 'year']);
    expect(datePattern('es').order).to.deep.equal(['day', 'month', 'year']);
    expect(datePattern('en').order).to.deep.equal(['month', 'day', 'year']);
  });

  it('shows a date in the locale\'s order', () => {
    const time = new Date(2026, 11, 3, 15, 30).getTime();
    expect(formatDate(time, 'fr')).to.equal('03/12/2026');
    expect(formatDate(time, 'en')).to.equal('12/03/2026');
  });

  it('reads a date typed in the locale\'s order, back to the same day', () => {
    expect(parseDate('03/12/2026', 'fr')).to.equal(new Date(2026, 11, 3).getTime());
    expect(parseDate('12/03/2026', 'en')).to.equal(new Date(2026, 11, 3).getTime());
    expect(parseDate('3.12.26', 'es')).to.equal(new Date(2026, 11, 3).getTime());
    expect(parseDate(' 3-12-2026 ', 'fr', true)).to.equal(new Date(2026, 11, 3, 23, 59, 59, 999).getTime());
    for (const locale of ['en', 'fr', 'es']) {
      const time = new Date(2027, 1, 28).getTime();
      expect(parseDate(formatDate(time, locale), locale), locale).to.equal(time);
    }
  });

  it('refuses what is not a date', () => {
    for (const text of ['', '31/02/2026', '13/13/2026', '1/2', 'abc', '10/10/20266', '00/10/2026']) expect(parseDate(text, 'fr'), text).to.equal(null);
  });

  it('reads times typed in 24 h or 12 h, and shows them as the locale does', () => {
    expect(parseTime('15:30')).to.equal(15 * 60 + 30);
    expect(parseTime('15h30')).to.equal(15 * 60 + 30);
    expect(parseTime('9')).to.equal(9 * 60);
    expect(parseTime('3:30 pm')).to.equal(15 * 60 + 30);
    expect(parseTime('12 AM')).to.equal(0);
    for (const text of ['24:00', '9:75', '13 pm', 'noon']) expect(parseTime(text), text).to.equal(null);
    expect(formatTime(15 * 60 + 30, 'fr')).to.equal('15:30');
    expect(formatTime(15 * 60 + 30, 'en')).to.match(/^3:30\sPM$/);
  });
});
