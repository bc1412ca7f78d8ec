import { describe, expect, it } from "vitest";
import { exportFileName } from "./download";

describe("exportFileName", () => {
  it("names the file by the day in Amsterdam it was made", () => {
    expect(exportFileName("2026-12-06T10:00:00Z")).toBe("mijn-gegevens-2026-12-06.json");
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(exportFileName("2026-12-31T23:30:00Z")).toBe("mijn-gegevens-2027-01-01.json");
  });

  it("still gives a usable name when the moment is not readable", () => {
    expect(exportFileName("")).toBe("mijn-gegevens-export.json");
  });
});
