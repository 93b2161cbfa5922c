import { DEV_MODE, devWarn } from '../dev-mode.js';

/**
 * Registers `tag` unless it is already defined, so that `define.ts` can be
 * imported twice (two bundles on one page, a host that pre-registers a
 * subclass) without `customElements.define` throwing.
 */
export function defineOnce(
  tag: string,
  ctor: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): void {
  const existing = registry.get(tag);
  if (existing === undefined) {
    registry.define(tag, ctor);
  } else if (DEV_MODE && existing !== ctor) {
    devWarn(
      `define:${tag}`,
      `<${tag}> is already defined by another class; keeping that one. ` +
        'Is a second copy of inbox-elements loaded on this page?',
    );
  }
}
