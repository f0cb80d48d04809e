import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { installA11yFixes } from '../shared/a11y/a11yFixes';
import { getLang, loadLang } from '../shared/i18n';
import { Providers } from './providers';
import { router } from './router';
import './global.css';

// English texts load on demand: the stored language's are here before the first render (no flash of Chinese).
void loadLang(getLang())
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <Providers>
          <RouterProvider router={router} />
        </Providers>
      </StrictMode>,
    ),
  );

// antd markup that axe-core flags on every page (scrolling tables, placeholder-only selects): fixed in one place
installA11yFixes();

// The app shell works offline once loaded (web/public/sw.js); only in a production build, where the files exist.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
