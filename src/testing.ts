/**
 * `inbox-elements/testing`: the acceptance suite every transport passes,
 * for a host that writes its own transport (issue 10). It needs no DOM and no
 * test library: under `node:test`,
 *
 * ```ts
 * import { describe, it, beforeEach, afterEach } from 'node:test';
 * import { runTransportTests } from 'inbox-elements/testing';
 * runTransportTests('MyTransport', setup, { describe, it, beforeEach, afterEach });
 * ```
 *
 * vitest alike, and mocha's globals by default. Failures throw
 * `AssertionError`s that say what was expected and what came.
 */
export { runTransportTests, type TransportHarness, type TestFunctions } from './transport/conformance.js';
export { AssertionError } from './transport/conformance-assert.js';
