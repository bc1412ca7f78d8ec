import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { fetchSignInConfig } from "../auth/config";
import { useSession } from "../auth/SessionContext";
import { Alert, Button, Heading, Paragraph } from "../components/ui";
import { nl } from "../i18n/nl";

const texts = nl.admin.status;

/**
 * The Orleans Dashboard, where this host serves it. A page the browser opens cannot carry the bearer token, so the
 * admin's token is handed over first (POST /auth/dashboard-session sets an HTTP-only cookie for /dashboard only, that
 * expires with the token); then the dashboard opens in this tab.
 */
export function DashboardPanel() {
  const { session } = useSession();
  const config = useQuery({ queryKey: ["auth", "config"], queryFn: fetchSignInConfig, staleTime: Infinity });
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function open() {
    setOpening(true);
    setProblem(null);
    try {
      const response = await fetch("/auth/dashboard-session", { method: "POST", headers: { authorization: `Bearer ${session?.token ?? ""}` } });
      if (response.ok) {
        window.location.assign("/dashboard/");
        return;
      }
      setProblem(response.status === 401 || response.status === 403 ? texts.dashboardRefused : texts.dashboardFailed);
    } catch {
      setProblem(texts.dashboardFailed);
    }
    setOpening(false);
  }

  return (
    <section aria-labelledby="dashboard" className="participatie-card">
      <Heading level={2} id="dashboard">
        {texts.dashboard}
      </Heading>
      {config.data?.dashboard ? (
        <>
          <Paragraph>{texts.dashboardIntro}</Paragraph>
          <Button appearance="primary" onClick={() => void open()} busy={opening} disabled={opening}>
            {texts.dashboardOpen}
          </Button>
          {problem ? (
            <Alert type="error" role="alert">
              {problem}
            </Alert>
          ) : null}
        </>
      ) : config.data ? (
        <Paragraph>{texts.dashboardOff}</Paragraph>
      ) : config.isError ? (
        <Alert type="warning">{texts.dashboardFailed}</Alert>
      ) : (
        <p className="utrecht-paragraph" role="status">
          {nl.app.loading}
        </p>
      )}
    </section>
  );
}
