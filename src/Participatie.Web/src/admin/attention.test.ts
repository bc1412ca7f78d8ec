import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { GetClusterStatusResponseSchema, GetPlatformStatusResponseSchema, SiloState, SiloStatusSchema } from "../gen/participatie/v1/admin_service_pb";
import { attentionItems, topActivations } from "./attention";

const platform = (overrides: Partial<{ clients: number; clientsWithCoach: number; clientsNotAssessed: number; caseloadCapacity: number; caseloadUsed: number }>) =>
  create(GetPlatformStatusResponseSchema, { clients: 10, clientsWithCoach: 10, clientsNotAssessed: 0, caseloadCapacity: 100, caseloadUsed: 10, ...overrides });

const cluster = (...states: SiloState[]) =>
  create(GetClusterStatusResponseSchema, {
    silos: states.map((state, index) => create(SiloStatusSchema, { name: `silo-${index}`, address: `10.0.0.${index}:11111@1`, state })),
    activeSilos: states.filter((s) => s === SiloState.ACTIVE).length,
  });

describe("attentionItems", () => {
  it("is empty for a healthy platform", () => {
    expect(attentionItems(platform({}), cluster(SiloState.ACTIVE, SiloState.ACTIVE))).toEqual([]);
  });

  it("names every silo that is not active, and a cluster with none", () => {
    expect(attentionItems(undefined, cluster(SiloState.DEAD))).toEqual([
      { kind: "noActiveSilo" },
      { kind: "siloNotActive", name: "silo-0", state: SiloState.DEAD },
    ]);
  });

  it("warns when caseloads are nine tenths full, people without a coach, and people not assessed", () => {
    expect(attentionItems(platform({ caseloadUsed: 90, clientsWithCoach: 7, clientsNotAssessed: 2 }), undefined)).toEqual([
      { kind: "caseloadsFull", used: 90, capacity: 100 },
      { kind: "withoutCoach", count: 3 },
      { kind: "notAssessed", count: 2 },
    ]);
    expect(attentionItems(platform({ caseloadUsed: 89 }), undefined)).toEqual([]);
  });

  it("does not call caseloads full when there are no caseloads", () => {
    expect(attentionItems(platform({ caseloadCapacity: 0, caseloadUsed: 0 }), undefined)).toEqual([]);
  });
});

describe("topActivations", () => {
  it("keeps the largest and sums the rest", () => {
    const result = topActivations(
      [
        { grainType: "A", activations: 1 },
        { grainType: "B", activations: 5 },
        { grainType: "C", activations: 3 },
      ],
      2,
    );
    expect(result).toEqual({ rows: [{ grainType: "B", activations: 5 }, { grainType: "C", activations: 3 }], rest: 1 });
  });
});
