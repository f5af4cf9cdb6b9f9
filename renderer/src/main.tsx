import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { openDeskHere } from './app/one-window';
import { initSync } from './sync/sync-session';
import './styles/index.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// One window at a time opens the desk's data (docs/DESIGN.md §16).
openDeskHere();
initSync();
