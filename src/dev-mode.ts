/**
 * Development-only checks. `__INBOX_DEV__` is defined as `false` by the
 * production builds (vite.config.ts, vite.bundle.config.ts), so the minifier
 * drops every `if (DEV_MODE)` branch and its message strings there. Anywhere
 * it is not defined (tests, Storybook, the Vite dev server, a consumer
 * compiling the sources) the checks run.
 */
declare const __INBOX_DEV__: boolean | undefined;

export const DEV_MODE: boolean = typeof __INBOX_DEV__ === 'boolean' ? __INBOX_DEV__ : true;

const warned = new Set<string>();

/** Warns once per `key`, so a misuse inside a long list does not flood the console. */
export function devWarn(key: string, message: string): void {
  if (!DEV_MODE || warned.has(key)) return;
  warned.add(key);
  console.warn(`[inbox-elements] ${message}`);
}
