import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { fetchSignInConfig } from "../auth/config";
import { userManager } from "../auth/oidc";
import { sessionFromToken } from "../auth/session";
import { useSession } from "../auth/SessionContext";
import { Layout } from "../components/Layout";
import { Alert, Heading, Paragraph } from "../components/ui";
import { nl } from "../i18n/nl";

/** Where the identity provider sends the browser back with the authorization code; exchanges it (PKCE) for tokens. */
export function SignInCallbackPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const config = await fetchSignInConfig();
        const user = await userManager(config).signinRedirectCallback();
        const session = sessionFromToken(user.access_token, "oidc");
        if (!session) {
          throw new Error("The access token names no role of the platform");
        }
        if (!cancelled) {
          signIn(session);
          void navigate("/", { replace: true });
        }
      } catch {
        if (!cancelled) {
          setFailed(true);
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [signIn, navigate]);

  return (
    <Layout nav={[]}>
      <Heading level={1}>{nl.signIn.title}</Heading>
      {failed ? (
        <Alert type="error" role="alert">
          {nl.signIn.callbackFailed}
        </Alert>
      ) : (
        <Paragraph>{nl.app.loading}</Paragraph>
      )}
    </Layout>
  );
}
