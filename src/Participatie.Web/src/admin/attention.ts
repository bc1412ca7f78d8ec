// What on the platform and cluster status needs an admin's attention, worked out from the two status replies.
import type { GetClusterStatusResponse, GetPlatformStatusResponse } from "../gen/participatie/v1/admin_service_pb";
import { SiloState } from "../gen/participatie/v1/admin_service_pb";

export type Attention =
  | { kind: "noActiveSilo" }
  | { kind: "siloNotActive"; name: string; state: SiloState }
  | { kind: "caseloadsFull"; used: number; capacity: number }
  | { kind: "withoutCoach"; count: number }
  | { kind: "notAssessed"; count: number };

/** Caseloads this full (in percent of every place) are worth a look before people wait for a coach. */
export const caseloadWarningPercent = 90;

export function attentionItems(
  platform: Pick<GetPlatformStatusResponse, "clients" | "clientsWithCoach" | "clientsNotAssessed" | "caseloadCapacity" | "caseloadUsed"> | undefined,
  cluster: Pick<GetClusterStatusResponse, "silos" | "activeSilos"> | undefined,
): Attention[] {
  const items: Attention[] = [];
  if (cluster) {
    if (cluster.activeSilos === 0) {
      items.push({ kind: "noActiveSilo" });
    }
    for (const silo of cluster.silos) {
      // A silo that left in an orderly way (departed, shown on request) is history; one joining, stopping or dead is not.
      if (silo.state !== SiloState.ACTIVE) {
        items.push({ kind: "siloNotActive", name: silo.name || silo.address, state: silo.state });
      }
    }
  }
  if (platform) {
    if (platform.caseloadCapacity > 0 && platform.caseloadUsed * 100 >= platform.caseloadCapacity * caseloadWarningPercent) {
      items.push({ kind: "caseloadsFull", used: platform.caseloadUsed, capacity: platform.caseloadCapacity });
    }
    const withoutCoach = platform.clients - platform.clientsWithCoach;
    if (withoutCoach > 0) {
      items.push({ kind: "withoutCoach", count: withoutCoach });
    }
    if (platform.clientsNotAssessed > 0) {
      items.push({ kind: "notAssessed", count: platform.clientsNotAssessed });
    }
  }
  return items;
}

/** Activations per grain type, the largest first, at most `limit`; the rest summed as one. */
export function topActivations(activations: readonly { grainType: string; activations: number }[], limit = 10): { rows: { grainType: string; activations: number }[]; rest: number } {
  const sorted = [...activations].sort((a, b) => b.activations - a.activations || a.grainType.localeCompare(b.grainType));
  return { rows: sorted.slice(0, limit), rest: sorted.slice(limit).reduce((sum, a) => sum + a.activations, 0) };
}
