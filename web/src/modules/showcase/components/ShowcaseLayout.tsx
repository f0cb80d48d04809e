import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { LangSwitch } from '../../../app/layout/LangSwitch';
import { PageLoading } from '../../../app/layout/PageLoading';
import { useTexts } from '../texts';
import '../showcase.css';

/** The public showcase frame: header with navigation and language, the page, and a footer. No login. */
export default function ShowcaseLayout() {
  const tx = useTexts();
  return (
    <div className="sc-page">
      <header className="sc-header">
        <div className="sc-bar">
          <Link to="/showcase" className="sc-brand">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            {tx('siteName')}
          </Link>
          <nav className="sc-nav" aria-label={tx('mainNav')}>
            <NavLink to="/showcase" end>
              {tx('navHome')}
            </NavLink>
            <NavLink to="/showcase/results">{tx('navResults')}</NavLink>
            <NavLink to="/showcase/namings">{tx('navNamings')}</NavLink>
          </nav>
          <LangSwitch dark />
        </div>
      </header>
      <main className="sc-main" id="main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="sc-footer">
        <p>{tx('footer')}</p>
        <Link to="/login">{tx('login')}</Link>
      </footer>
    </div>
  );
}
