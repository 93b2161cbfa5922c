import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

/** Every tag inbox-elements registers: `inbox-app`, `inbox-list`, `conversation-view`, ... */
const INBOX_TAGS = /^(inbox|conversation|message|contact|incoming|call|bulk|undo|snooze|label|priority|assignee|availability|shortcut|command|status)-/;

export default defineConfig({
  plugins: [
    vue({
      // Vue would otherwise try to resolve <inbox-app> as a Vue component (and warn).
      template: { compilerOptions: { isCustomElement: (tag) => INBOX_TAGS.test(tag) } },
    }),
  ],
});
