import { expect } from '@open-wc/testing';
import { PALETTE, paletteColor, paletteIndex } from './palette.js';
import { initials } from './avatar.js';
import { labelProperty } from './labels.js';

/** WCAG 2 relative luminance and contrast ratio. */
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('the palette of avatars and labels', () => {
  it('holds white initials at 4.5:1 on every hue', () => {
    for (const hue of PALETTE) expect(contrast(hue, '#ffffff'), hue).to.be.at.least(4.5);
  });

  it('gives the same person the same colour, and spreads people over the hues', () => {
    expect(paletteColor('u-ana')).to.equal(paletteColor('u-ana'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => paletteIndex(`ct-${i}`)));
    expect(used.size).to.equal(PALETTE.length);
  });

  it('makes initials of up to two words, accented letters kept', () => {
    expect(initials('Léa Rousseau')).to.equal('LR');
    expect(initials('Émile')).to.equal('É');
    expect(initials('  José  María  Pérez ')).to.equal('JM');
  });

  it('names the custom property a host sets for a label', () => {
    expect(labelProperty('VIP customers')).to.equal('--inbox-label-vip-customers');
    expect(labelProperty('Réclamation')).to.equal('--inbox-label-reclamation');
  });
});
