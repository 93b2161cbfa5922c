/**
 * Entry of the single-file script-tag bundle (vite.bundle.config.ts): the
 * whole public API, with every tag registered, in one ES module:
 * `<script type="module" src=".../inbox-elements.bundle.js">`.
 * Re-exporting index.ts wholesale is the point here, unlike in index.ts.
 */
import './define.js';

export * from './index.js';
