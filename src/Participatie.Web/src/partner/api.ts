import { useMemo, useRef } from "react";
import { createClient, type Client } from "@connectrpc/connect";
import { platformTransport } from "../api/clients";
import { useSession } from "../auth/SessionContext";
import { PartnerService, type Participant, type DayHours } from "../gen/participatie/v1/partner_service_pb";

/** The partner's API (PartnerService), called with the signed-in partner's token. */
export function usePartnerService(): Client<typeof PartnerService> {
  const { session } = useSession();
  const token = useRef<string | null>(session?.token ?? null);
  token.current = session?.token ?? null;
  return useMemo(() => createClient(PartnerService, platformTransport(() => token.current)), []);
}

/** Pages through a list until its last page; partners' lists are bounded (an activity has at most 10,000 places). */
export async function allPages<T>(page: (token: string) => Promise<{ items: T[]; next: string }>): Promise<T[]> {
  const items: T[] = [];
  let token = "";
  do {
    const result = await page(token);
    items.push(...result.items);
    token = result.next;
  } while (token !== "");
  return items;
}

export function listAllParticipants(partners: Client<typeof PartnerService>, activityId: string, signal?: AbortSignal): Promise<Participant[]> {
  return allPages(async (pageToken) => {
    const page = await partners.listParticipants({ activityId, pageSize: 1000, pageToken }, { signal });
    return { items: page.participants, next: page.nextPageToken };
  });
}

export function listAllHours(partners: Client<typeof PartnerService>, activityId: string, firstDay: string, lastDay: string, signal?: AbortSignal): Promise<DayHours[]> {
  return allPages(async (pageToken) => {
    const page = await partners.listHours({ activityId, firstDay, lastDay, pageSize: 1000, pageToken }, { signal });
    return { items: page.days, next: page.nextPageToken };
  });
}
