// Registers every tag of the library (once, skipping tags already defined) before Vue mounts:
// Vue then sets `demo` and `user` as properties, since the elements have them.
import 'inbox-elements/define';
import { createApp } from 'vue';
import App from './App.vue';
// The tags' template types for vue-tsc (GlobalComponents), generated from the package's Custom
// Elements Manifest.
import type {} from 'inbox-elements/vue';

createApp(App).mount('#app');
