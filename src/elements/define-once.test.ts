import { expect } from '@open-wc/testing';
import { defineOnce } from './define-once.js';

// A constructor can be registered under one tag only: one pair per test.
class A1 extends HTMLElement {}
class B1 extends HTMLElement {}
class B2 extends HTMLElement {}

describe('defineOnce', () => {
  const originalWarn = console.warn;
  let warnings: unknown[][];
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('defines a new tag, then ignores the same class again', () => {
    defineOnce('define-once-a', A1);
    defineOnce('define-once-a', A1);
    expect(customElements.get('define-once-a')).to.equal(A1);
    expect(warnings).to.have.length(0);
  });

  it('keeps the first class and warns when another class claims the tag', () => {
    defineOnce('define-once-b', B1);
    defineOnce('define-once-b', B2);
    expect(customElements.get('define-once-b')).to.equal(B1);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]?.[0])).to.contain('<define-once-b>');
  });
});
