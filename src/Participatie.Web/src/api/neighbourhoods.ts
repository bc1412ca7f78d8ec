import { useQuery } from "@tanstack/react-query";
import { useApi } from "../auth/SessionContext";

/** The neighbourhoods by id (their names for lists and filters); an empty map until they are read or when they cannot be. */
export function useNeighbourhoods(): Map<string, string> {
  const api = useApi();
  const query = useQuery({
    queryKey: ["neighbourhoods"],
    queryFn: ({ signal }) => api.neighbourhoods.listNeighbourhoods({ pageSize: 1000 }, { signal }),
    staleTime: 10 * 60_000,
  });
  return new Map((query.data?.neighbourhoods ?? []).map((n) => [n.neighbourhoodId, n.name]));
}

/** A neighbourhood's name, or its id while the names are not known. */
export function neighbourhoodName(names: Map<string, string>, id: string): string {
  return names.get(id) ?? id;
}
