import { createClient, type Client, type Interceptor, type Transport } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { ClientService } from "../gen/participatie/v1/client_service_pb";
import { CoachService } from "../gen/participatie/v1/coach_service_pb";
import { ContractService } from "../gen/participatie/v1/contract_service_pb";
import { NeighbourhoodService } from "../gen/participatie/v1/neighbourhood_service_pb";
import { PartnerService } from "../gen/participatie/v1/partner_service_pb";
import { RecordService } from "../gen/participatie/v1/record_service_pb";

/** The header that says why staff read or change a person's data (the gateway audits it with every call). */
export const purposeHeader = "x-purpose";

/** Adds the bearer token of whoever is signed in to every call. */
export function bearer(token: () => string | null): Interceptor {
  return (next) => async (request) => {
    const value = token();
    if (value) {
      request.header.set("authorization", `Bearer ${value}`);
    }
    return next(request);
  };
}

/** gRPC-Web to the silo that served this page (same origin: no CORS needed). */
export function platformTransport(token: () => string | null, baseUrl: string = window.location.origin): Transport {
  return createGrpcWebTransport({ baseUrl, interceptors: [bearer(token)] });
}

export type Api = {
  clients: Client<typeof ClientService>;
  coaches: Client<typeof CoachService>;
  contracts: Client<typeof ContractService>;
  records: Client<typeof RecordService>;
  neighbourhoods: Client<typeof NeighbourhoodService>;
  partners: Client<typeof PartnerService>;
};

export function createApi(transport: Transport): Api {
  return {
    clients: createClient(ClientService, transport),
    coaches: createClient(CoachService, transport),
    contracts: createClient(ContractService, transport),
    records: createClient(RecordService, transport),
    neighbourhoods: createClient(NeighbourhoodService, transport),
    partners: createClient(PartnerService, transport),
  };
}

/** Call options that declare a purpose. */
export function withPurpose(purpose: string): { headers: Record<string, string> } {
  return { headers: { [purposeHeader]: purpose } };
}
