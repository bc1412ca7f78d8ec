import { useQuery } from "@tanstack/react-query";
import { useApi } from "../auth/SessionContext";
import { withPurpose } from "./clients";

/**
 * The activities a person agreed to take part in, with their hours per day (GetParticipation). The person reads her own
 * without a purpose; staff say why (x-purpose), and the gateway audits the read with it.
 */
export function useParticipation(clientId: string, purpose?: string) {
  const api = useApi();
  return useQuery({
    queryKey: ["participation", clientId, purpose ?? null],
    queryFn: ({ signal }) => api.clients.getParticipation({ clientId }, { signal, ...(purpose ? withPurpose(purpose) : {}) }),
  });
}
