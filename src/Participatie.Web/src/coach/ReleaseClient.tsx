import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { withPurpose } from "../api/clients";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { ProblemAlert } from "../components/QueryState";
import { Alert, Button, ButtonGroup, Paragraph } from "../components/ui";
import { nl } from "../i18n/nl";

/** Ends the coach's guidance of a person, after a confirmation; the coach cannot see them afterwards. */
export function ReleaseClient({ clientId, name, purpose }: { clientId: string; name: string; purpose: string }) {
  const api = useApi();
  const session = useSignedIn();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const release = useMutation({
    mutationFn: () => api.coaches.releaseClient({ coachId: session.subject, clientId }, withPurpose(purpose)),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ["caseload"] });
      await queries.invalidateQueries({ queryKey: ["coach"] });
      void navigate("/", { state: { message: nl.release.done(name) } });
    },
  });
  if (!asking) {
    return (
      <Button appearance="secondary" onClick={() => setAsking(true)}>
        {nl.release.start}
      </Button>
    );
  }
  return (
    <Alert type="warning">
      <Paragraph>{nl.release.question(name)}</Paragraph>
      {release.isError ? <ProblemAlert error={release.error} about="action" onRetry={() => release.mutate()} /> : null}
      <ButtonGroup>
        <Button appearance="primary" autoFocus onClick={() => release.mutate()} busy={release.isPending} disabled={release.isPending}>
          {nl.release.confirm}
        </Button>
        <Button appearance="subtle" onClick={() => setAsking(false)}>
          {nl.release.cancel}
        </Button>
      </ButtonGroup>
    </Alert>
  );
}
