// Registers every tag of the library (once, skipping tags already defined),
// before React renders: React 19 then sets `demo`, `user`... as properties.
import 'inbox-elements/define';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
