import type { ReactNode } from "react";
import { useSession } from "../auth/SessionContext";
import { describeError } from "../lib/errors";
import { nl } from "../i18n/nl";
import { Alert, Button, Paragraph } from "./ui";

/** Loading, failure (with a retry where one may help) and the result of a query, the same on every screen. */
export function QueryState<T>({
  query,
  about = "person",
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown; isFetching?: boolean };
  about?: "person" | "action";
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <p className="utrecht-paragraph participatie-loading" role="status">
        {nl.app.loading}
      </p>
    );
  }
  if (query.isError) {
    return <ProblemAlert error={query.error} about={about} onRetry={() => void query.refetch()} busy={query.isFetching ?? false} />;
  }
  return <>{children(query.data as T)}</>;
}

export function ProblemAlert({ error, about = "person", onRetry, busy }: { error: unknown; about?: "person" | "action"; onRetry?: () => void; busy?: boolean }) {
  const problem = describeError(error, about);
  const { signOut } = useSession();
  return (
    <Alert type={problem.kind === "unavailable" ? "warning" : "error"} role="alert">
      <Paragraph>{problem.message}</Paragraph>
      {problem.kind === "unauthenticated" ? (
        // Signing out sends the person to the sign-in page, whatever the refused token still says about itself.
        <Button appearance="primary" onClick={signOut}>
          {nl.errors.signInAgain}
        </Button>
      ) : null}
      {problem.retryable && onRetry ? (
        <Button appearance="secondary" onClick={onRetry} busy={busy} disabled={busy}>
          {nl.errors.retry}
        </Button>
      ) : null}
    </Alert>
  );
}
