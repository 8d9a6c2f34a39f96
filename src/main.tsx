// Browser entry: mounts the app and its styles. Nothing else happens here.
// The simulation starts from the App (actions.boot), never at import time.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './views/App';
import './views/app.css';
import './views/layout.css';
import './views/projector.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
