import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { NeighbourhoodSchema, type Neighbourhood } from "../gen/participatie/v1/neighbourhood_service_pb";
import { changedFigures, figureRows, watchFigures } from "./figures";

function wijk(residents: number, hours = 0): Neighbourhood {
  return create(NeighbourhoodSchema, { neighbourhoodId: "wk-tarwewijk", name: "Tarwewijk", residents, notAssessed: residents, participationHoursThisMonth: hours });
}

describe("figureRows", () => {
  it("writes counts and hours the Dutch way", () => {
    const rows = figureRows(create(NeighbourhoodSchema, { residents: 1250, participationHoursThisMonth: 12.25, activitiesOnOffer: 3 }));
    expect(rows.find((r) => r.key === "residents")?.value).toBe("1.250");
    expect(rows.find((r) => r.key === "hoursThisMonth")?.value).toBe("12,3 uur");
    expect(rows.map((r) => r.key)).toHaveLength(9);
  });
});

describe("changedFigures", () => {
  it("names nothing for the first reading and only the figures that moved after it", () => {
    expect(changedFigures(undefined, wijk(3))).toEqual([]);
    expect(changedFigures(wijk(3), wijk(4))).toEqual(["residents", "notAssessed"]);
    expect(changedFigures(wijk(4, 1.5), wijk(4, 1.5))).toEqual([]);
  });
});

describe("watchFigures", () => {
  it("shows every message of every connection, and reopens after a lost connection without a position", async () => {
    const controller = new AbortController();
    const shown: number[] = [];
    let opens = 0;
    await watchFigures({
      open: () => {
        opens += 1;
        const attempt = opens;
        return {
          async *[Symbol.asyncIterator]() {
            if (attempt === 1) {
              yield wijk(3);
              yield wijk(4);
              throw new Error("connection lost");
            }
            // A new watch starts from the figures as they are now, which may equal the last ones seen.
            yield wijk(4);
            yield wijk(5);
            controller.abort();
          },
        };
      },
      onFigures: (n) => shown.push(n.residents),
      onState: () => {},
      retryable: () => true,
      signal: controller.signal,
      sleep: async () => {},
    });
    expect(opens).toBe(2);
    expect(shown).toEqual([3, 4, 4, 5]);
  });
});
