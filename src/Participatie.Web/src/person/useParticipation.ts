import { useQuery } from "@tanstack/react-query";
import { useApi } from "../auth/SessionContext";

/** The activities the person agreed to take part in, with their hours per day (GetParticipation). */
export function useParticipation(clientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ["my-participation", clientId],
    queryFn: ({ signal }) => api.clients.getParticipation({ clientId }, { signal }),
  });
}
