/**
 * `npm start`: <inbox-app> on the reference server (HttpTransport, through
 * Vite's /api proxy), or on the in-page MemoryTransport with simulated
 * traffic: see demo-shell.ts for the switches.
 */
import '../src/define.js';
import './demo-shell.js';
