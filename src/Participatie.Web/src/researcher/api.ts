import { useMemo, useRef } from "react";
import { createClient, type Client } from "@connectrpc/connect";
import { platformTransport } from "../api/clients";
import { useSession } from "../auth/SessionContext";
import { ExperimentService } from "../gen/participatie/v1/experiment_service_pb";

/** The researcher's API (ExperimentService), called with the signed-in researcher's token. */
export function useExperimentService(): Client<typeof ExperimentService> {
  const { session } = useSession();
  const token = useRef<string | null>(session?.token ?? null);
  token.current = session?.token ?? null;
  return useMemo(() => createClient(ExperimentService, platformTransport(() => token.current)), []);
}
