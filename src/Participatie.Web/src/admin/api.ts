import { useMemo, useRef } from "react";
import { createClient, type Client } from "@connectrpc/connect";
import { platformTransport } from "../api/clients";
import { useSession } from "../auth/SessionContext";
import { AdminService } from "../gen/participatie/v1/admin_service_pb";

/** The admin's client of AdminService, on the same transport settings as the app's other clients (the token read at each call). */
export function useAdminApi(): Client<typeof AdminService> {
  const { session } = useSession();
  const token = useRef<string | null>(session?.token ?? null);
  token.current = session?.token ?? null;
  return useMemo(() => createClient(AdminService, platformTransport(() => token.current)), []);
}
