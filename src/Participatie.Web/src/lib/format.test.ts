import { describe, expect, it } from "vitest";
import { currentMonth, factorValue, formatCents, formatDate, formatMonth, signedMonths, todayInAmsterdam, enumName } from "./format";
import { Segment } from "../gen/participatie/v1/common_pb";

// Intl puts a no-break space between € and the amount.
const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("formatCents", () => {
  it("shows euro cents as Dutch money", () => {
    expect(plain(formatCents(140150n))).toBe("€ 1.401,50");
  });
  it("keeps a negative amount's sign", () => {
    expect(plain(formatCents(-26900n))).toBe("-€ 269,00");
  });
  it("loses no cent on large amounts", () => {
    expect(plain(formatCents(123456789012n))).toBe("€ 1.234.567.890,12");
  });
  it("takes plain numbers too", () => {
    expect(plain(formatCents(5))).toBe("€ 0,05");
  });
});

describe("dates", () => {
  it("writes an ISO date in Dutch", () => {
    expect(formatDate("2026-01-31")).toBe("31 januari 2026");
  });
  it("leaves what is not a date as it is", () => {
    expect(formatDate("")).toBe("");
    expect(formatDate("morgen")).toBe("morgen");
  });
  it("writes a month in Dutch", () => {
    expect(formatMonth("2026-03")).toBe("maart 2026");
  });
  it("takes today's date in Amsterdam, not in UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    const lateEvening = new Date(Date.UTC(2026, 11, 31, 23, 30));
    expect(todayInAmsterdam(lateEvening)).toBe("2027-01-01");
    expect(currentMonth(lateEvening)).toBe("2027-01");
  });
});

describe("estimate values", () => {
  it("signs a factor's months", () => {
    expect(signedMonths(6)).toBe("+6");
    expect(signedMonths(-3)).toBe("−3");
    expect(signedMonths(0)).toBe("0");
  });
  it("translates the model's values", () => {
    expect(factorValue("lower_secondary")).toBe("vmbo of mbo 1");
    expect(factorValue("8 years")).toBe("8 jaar");
    expect(factorValue("1 year")).toBe("1 jaar");
    expect(factorValue("something new")).toBe("something new");
  });
  it("names enum values as the proto does", () => {
    expect(enumName(Segment, Segment.WITHIN_CUT, "SEGMENT")).toBe("SEGMENT_WITHIN_CUT");
    expect(enumName(Segment, 99, "SEGMENT")).toBe("SEGMENT_UNSPECIFIED");
  });
});
