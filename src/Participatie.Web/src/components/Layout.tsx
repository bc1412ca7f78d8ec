import { useEffect, useRef, type ReactNode } from "react";
import { NavLink, useLocation } from "react-router";
import { useSession } from "../auth/SessionContext";
import { nl } from "../i18n/nl";
import { Button } from "./ui";

export type NavItem = { to: string; label: string };

/** The frame of every screen: skip link, header with who is signed in, the role's menu, and the main content. */
export function Layout({ nav, children }: { nav: NavItem[]; children: ReactNode }) {
  const { session, signOut } = useSession();
  return (
    <div className="utrecht-page participatie-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        {nl.app.skipToContent}
      </a>
      <header className="utrecht-page-header participatie-header">
        <div className="participatie-header__bar">
          <span className="participatie-logo">{nl.app.name}</span>
          {session ? (
            <div className="participatie-header__user">
              <span>{nl.app.signedInAs(nl.roles[session.role] ?? session.role, session.subject)}</span>{" "}
              <Button appearance="subtle" onClick={signOut}>
                {nl.app.signOut}
              </Button>
            </div>
          ) : null}
        </div>
        {nav.length > 0 ? (
          <nav aria-label={nl.app.mainNavigation} className="utrecht-nav-bar participatie-nav">
            <ul className="utrecht-nav-list">
              {nav.map((item) => (
                <li key={item.to} className="utrecht-nav-list__item">
                  <NavLink to={item.to} end className="utrecht-nav-list__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="inhoud" className="utrecht-page-content participatie-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** Moves focus to a screen's heading when the route changes, so that a screen reader announces the new screen. */
export function useFocusOnNavigate<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const location = useLocation();
  useEffect(() => {
    ref.current?.focus();
  }, [location.pathname]);
  return ref;
}

/** The page's title names the screen first (WCAG 2.4.2), so that tabs and history say where one is. */
export function usePageTitle(screen: string) {
  useEffect(() => {
    document.title = screen ? `${screen} – ${nl.app.name}` : nl.app.name;
  }, [screen]);
}
