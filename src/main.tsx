// Browser entry: mounts the app. Nothing else.
import { createRoot } from 'react-dom/client';
import { App } from './views/App';
import './views/app.css';

createRoot(document.getElementById('root')!).render(<App />);
