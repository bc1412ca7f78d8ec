import { useEffect, useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Link, Navigate, Route, Routes } from "react-router";
import { callbackPath } from "./auth/oidc";
import { SessionProvider, useSession } from "./auth/SessionContext";
import { AdminWorkspace } from "./admin/AdminWorkspace";
import { CaseloadPage } from "./coach/Caseload";
import { FollowUpsPage } from "./coach/FollowUps";
import { InboxPage } from "./coach/InboxPage";
import { PersonPage } from "./coach/PersonPage";
import { PersonWorkspace } from "./person/PersonWorkspace";
import { Layout, useFocusOnNavigate, usePageTitle } from "./components/Layout";
import { Alert, Heading, Paragraph } from "./components/ui";
import { nl } from "./i18n/nl";
import { SignInPage } from "./pages/SignIn";
import { SignInCallbackPage } from "./pages/SignInCallback";
import { ActivitiesPage } from "./partner/ActivitiesPage";
import { ChangeActivityPage, NewActivityPage } from "./partner/ActivityForm";
import { ActivityPage } from "./partner/ActivityPage";
import { HoursWeekPage } from "./partner/HoursWeekPage";
import { ExperimentPage } from "./researcher/ExperimentPage";
import { ExperimentsPage } from "./researcher/ExperimentsPage";
import { NeighbourhoodPage } from "./team/NeighbourhoodPage";
import { ResidentPage } from "./team/ResidentPage";

export function App() {
  const [queries] = useState(
    () =>
      new QueryClient({
        // A failed call is shown with its own message and a retry button where one may help, never retried unseen.
        defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 } },
      }),
  );
  return (
    <QueryClientProvider client={queries}>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/aanmelden" element={<SignInPage />} />
            <Route path={callbackPath} element={<SignInCallbackPage />} />
            <Route path="*" element={<Workspace />} />
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  );
}

/** The workspace of the signed-in role. */
function Workspace() {
  const { session, signOut } = useSession();
  // When the token ends, the person is signed out and told so, rather than meet refusals screen by screen.
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    if (!session) {
      return undefined;
    }
    const timer = setTimeout(() => {
      setExpired(true);
      signOut();
    }, Math.max(0, session.expiresAt - 30_000 - Date.now()));
    return () => clearTimeout(timer);
  }, [session, signOut]);
  if (!session) {
    return <Navigate to="/aanmelden" replace state={expired ? { expired: true } : undefined} />;
  }
  if (session.role === "coach") {
    return (
      <Layout
        nav={[
          { to: "/", label: nl.nav.caseload },
          { to: "/agenda", label: nl.nav.followUps },
          { to: "/berichten", label: nl.nav.inbox },
        ]}
      >
        <Routes>
          <Route index element={<CaseloadPage />} />
          <Route path="agenda" element={<FollowUpsPage />} />
          <Route path="berichten" element={<InboxPage />} />
          <Route path="personen/:clientId" element={<PersonPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
    );
  }
  if (session.role === "team") {
    return (
      <Layout nav={[{ to: "/", label: nl.team.nav.neighbourhood }]}>
        <Routes>
          <Route index element={<NeighbourhoodPage />} />
          <Route path="inwoners/:clientId" element={<ResidentPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
    );
  }
  if (session.role === "partner") {
    return (
      <Layout
        nav={[
          { to: "/", label: nl.partner.nav.activities },
          { to: "/activiteiten/nieuw", label: nl.partner.nav.newActivity },
        ]}
      >
        <Routes>
          <Route index element={<ActivitiesPage />} />
          <Route path="activiteiten/nieuw" element={<NewActivityPage />} />
          <Route path="activiteiten/:activityId" element={<ActivityPage />} />
          <Route path="activiteiten/:activityId/wijzigen" element={<ChangeActivityPage />} />
          <Route path="activiteiten/:activityId/uren" element={<HoursWeekPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
    );
  }
  if (session.role === "researcher") {
    return (
      <Layout nav={[{ to: "/", label: nl.researcher.nav.experiments }]}>
        <Routes>
          <Route index element={<ExperimentsPage />} />
          <Route path="experimenten/:experimentId" element={<ExperimentPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
    );
  }
  if (session.role === "admin") {
    return <AdminWorkspace notFound={<NotFound />} />;
  }
  if (session.role === "person") {
    return <PersonWorkspace notFound={<NotFound />} />;
  }
  return (
    <Layout nav={[]}>
      <Heading level={1}>{nl.app.name}</Heading>
      <Alert type="info">{nl.signIn.noWorkspace(nl.roles[session.role] ?? session.role)}</Alert>
    </Layout>
  );
}

function NotFound() {
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(nl.app.notFoundTitle);
  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {nl.app.notFoundTitle}
      </Heading>
      <Paragraph>{nl.app.notFoundText}</Paragraph>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to="/">
          {nl.app.backToStart}
        </Link>
      </Paragraph>
    </>
  );
}
