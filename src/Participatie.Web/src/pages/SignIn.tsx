import { useEffect, useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocation, useNavigate } from "react-router";
import { developmentSignIn, fetchSignInConfig } from "../auth/config";
import { userManager } from "../auth/oidc";
import { sessionFromToken } from "../auth/session";
import { useSession } from "../auth/SessionContext";
import { Layout, usePageTitle } from "../components/Layout";
import { ProblemAlert } from "../components/QueryState";
import { Alert, Button, FormField, Heading, Paragraph, Select, Textbox } from "../components/ui";
import { nl } from "../i18n/nl";
import { workspaceRoles } from "../workspaces";

export function SignInPage() {
  const config = useQuery({ queryKey: ["auth-config"], queryFn: fetchSignInConfig, staleTime: Infinity });
  usePageTitle(nl.signIn.title);
  const { session } = useSession();
  const navigate = useNavigate();
  const expired = (useLocation().state as { expired?: boolean } | null)?.expired === true;
  useEffect(() => {
    if (session) {
      void navigate("/", { replace: true });
    }
  }, [session, navigate]);

  return (
    <Layout nav={[]}>
      <Heading level={1}>{nl.signIn.title}</Heading>
      <Paragraph lead>{nl.signIn.intro}</Paragraph>
      {expired ? (
        <Alert type="warning" role="status">
          {nl.signIn.expired}
        </Alert>
      ) : null}
      {config.isPending ? <p role="status" className="utrecht-paragraph">{nl.app.loading}</p> : null}
      {config.isError ? <ProblemAlert error={config.error} about="action" onRetry={() => void config.refetch()} /> : null}
      {config.data?.developmentSignIn ? <DevelopmentSignIn /> : null}
      {config.data && !config.data.developmentSignIn ? (
        config.data.authority ? (
          <ProviderSignIn authority={config.data.authority} clientId={config.data.clientId} scope={config.data.scope} />
        ) : (
          <Alert type="error">{nl.signIn.notConfigured}</Alert>
        )
      ) : null}
    </Layout>
  );
}

function DevelopmentSignIn() {
  const { signIn } = useSession();
  const [role, setRole] = useState<string>(workspaceRoles[0] ?? "coach");
  const [subject, setSubject] = useState("");
  const [neighbourhood, setNeighbourhood] = useState("");
  const [neighbourhoodError, setNeighbourhoodError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [failed, setFailed] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setNeighbourhoodError(undefined);
    setFailed(null);
    const team = role === "team";
    if (!subject.trim() || (team && !neighbourhood.trim())) {
      if (!subject.trim()) setError(nl.signIn.invalidSubject);
      if (team && !neighbourhood.trim()) setNeighbourhoodError(nl.team.signIn.neighbourhoodRequired);
      return;
    }
    setBusy(true);
    try {
      const result = await developmentSignIn(role, subject.trim(), team ? neighbourhood.trim() : undefined);
      const next = result.ok ? sessionFromToken(result.token, "development") : null;
      if (next) {
        signIn(next);
      } else if (team) {
        // A team member's token is refused for a neighbourhood id that is not one (the id itself may be anything).
        setNeighbourhoodError(nl.team.signIn.neighbourhoodInvalid);
      } else {
        setError(nl.signIn.invalidSubject);
      }
    } catch (failure) {
      setFailed(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="development-sign-in">
      <Heading level={2} id="development-sign-in">
        {nl.signIn.developmentTitle}
      </Heading>
      <Paragraph>{nl.signIn.developmentIntro}</Paragraph>
      {failed ? <Alert type="error" role="alert">{nl.signIn.failed}</Alert> : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="participatie-form">
        <FormField label={nl.signIn.role}>
          {({ id, describedBy }) => (
            <Select id={id} aria-describedby={describedBy} value={role} onChange={(event) => setRole(event.target.value)}>
              {workspaceRoles.map((name) => (
                <option key={name} value={name}>
                  {nl.roles[name]}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label={nl.signIn.subject} description={nl.signIn.subjectHint} error={error}>
          {({ id, describedBy, invalid }) => (
            <Textbox
              id={id}
              name="subject"
              autoComplete="username"
              aria-describedby={describedBy}
              invalid={invalid}
              value={subject}
              onChange={(event) => setSubject(event.target.value)}
            />
          )}
        </FormField>
        {role === "team" ? (
          <FormField label={nl.team.signIn.neighbourhood} description={nl.team.signIn.neighbourhoodHint} error={neighbourhoodError}>
            {({ id, describedBy, invalid }) => (
              <Textbox
                id={id}
                name="neighbourhood"
                aria-describedby={describedBy}
                invalid={invalid}
                value={neighbourhood}
                onChange={(event) => setNeighbourhood(event.target.value)}
              />
            )}
          </FormField>
        ) : null}
        <Button type="submit" appearance="primary" busy={busy} disabled={busy}>
          {nl.signIn.submit}
        </Button>
      </form>
    </section>
  );
}

function ProviderSignIn(config: { authority: string; clientId: string; scope: string }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function start() {
    setBusy(true);
    setFailed(false);
    try {
      await userManager(config).signinRedirect();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }
  return (
    <>
      {failed ? <Alert type="error" role="alert">{nl.signIn.failed}</Alert> : null}
      {busy ? <p role="status" className="utrecht-paragraph">{nl.signIn.redirecting}</p> : null}
      <Button appearance="primary" onClick={() => void start()} busy={busy} disabled={busy}>
        {nl.signIn.withProvider}
      </Button>
    </>
  );
}
