import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  ExportPaymentsResponseSchema,
  PaymentDetailsState,
  PaymentExportSummarySchema,
  PaymentInstructionSchema,
  PaymentRecoverySchema,
} from "../gen/participatie/v1/admin_service_pb";
import { PaymentKind } from "../gen/participatie/v1/common_pb";
import { assembleExport, euros, exportFileName, toCsv } from "./exportFile";

const payment = (clientId: string, cents: bigint, kind = PaymentKind.PAYMENT) =>
  create(PaymentInstructionSchema, {
    clientId,
    bsn: "111222333",
    paymentDetails: PaymentDetailsState.PRESENT,
    totalCents: cents,
    neighbourhoodId: "wk-afrikaanderwijk",
    runId: "pay-2026-01",
    kind,
    pass: 2,
    statementVersion: kind === PaymentKind.PAYMENT ? 1 : 2,
    statementTotalCents: cents,
    reason: kind === PaymentKind.PAYMENT ? "" : "income form; corrected",
  });

const recovery = (clientId: string, cents: bigint) =>
  create(PaymentRecoverySchema, { clientId, neighbourhoodId: "wk-afrikaanderwijk", runId: "pay-2026-01", pass: 2, statementVersion: 2, statementTotalCents: 100000n, amountCents: cents, reason: "income form", decidedAt: "2026-02-01T10:00:00Z" });

const summary = (instructions: number, totalCents: bigint, recoveries: number, recoveryCents: bigint, run?: Partial<{ runPaid: number; runTotalCents: bigint }>) =>
  create(PaymentExportSummarySchema, {
    instructions,
    totalCents,
    recoveries,
    recoveryCents,
    runPaid: run?.runPaid ?? instructions,
    runTotalCents: run?.runTotalCents ?? totalCents,
    runRecoveries: recoveries,
    runRecoveryCents: recoveryCents,
    pass: 2,
  });

describe("assembleExport", () => {
  it("joins the pages in order, keeps claims out of the payment file, and checks the summary", () => {
    const assembled = assembleExport([
      create(ExportPaymentsResponseSchema, { instructions: [payment("cl-a", 136906n)] }),
      create(ExportPaymentsResponseSchema, {
        instructions: [payment("cl-b", 15000n, PaymentKind.SUPPLEMENTARY)],
        recoveries: [recovery("cl-c", 30000n)],
        summary: summary(2, 151906n, 1, 30000n),
      }),
    ]);

    expect(assembled.instructions.map((i) => i.clientId)).toEqual(["cl-a", "cl-b"]);
    expect(assembled.instructionCents).toBe(151906n);
    expect(assembled.recoveryCents).toBe(30000n);
    expect(assembled.complete).toBe(true);
    expect(assembled.matchesPass).toBe(true);
    const lines = assembled.paymentsCsv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe("betaling;cl-a;111222333;aanwezig;136906;1369,06;wk-afrikaanderwijk;pay-2026-01;2;1;136906;");
    expect(lines[2]).toContain('nabetaling;cl-b;');
    expect(lines[2]).toContain('"income form; corrected"');
    expect(assembled.paymentsCsv).not.toContain("cl-c");
    expect(assembled.recoveriesCsv.trimEnd().split("\r\n")[1]).toBe("cl-c;wk-afrikaanderwijk;pay-2026-01;2;2;100000;30000;300,00;income form;2026-02-01T10:00:00Z");
  });

  it("is incomplete when the stream ended without its summary or with less than it announced", () => {
    expect(assembleExport([create(ExportPaymentsResponseSchema, { instructions: [payment("cl-a", 100n)] })]).complete).toBe(false);
    expect(
      assembleExport([create(ExportPaymentsResponseSchema, { instructions: [payment("cl-a", 100n)], summary: summary(2, 200n, 0, 0n) })]).complete,
    ).toBe(false);
  });

  it("says so when the export holds less than the pass counted", () => {
    const assembled = assembleExport([
      create(ExportPaymentsResponseSchema, { instructions: [payment("cl-a", 100n)], summary: summary(1, 100n, 0, 0n, { runPaid: 2, runTotalCents: 200n }) }),
    ]);
    expect(assembled.complete).toBe(true);
    expect(assembled.matchesPass).toBe(false);
  });

  it("gives an empty pass a file with its header only", () => {
    const assembled = assembleExport([create(ExportPaymentsResponseSchema, { summary: summary(0, 0n, 0, 0n) })]);
    expect(assembled.complete).toBe(true);
    expect(assembled.paymentsCsv.split("\r\n").filter(Boolean)).toHaveLength(1);
  });
});

describe("csv", () => {
  it("writes cents as exact Dutch decimals", () => {
    expect(euros(136906n)).toBe("1369,06");
    expect(euros(5n)).toBe("0,05");
    expect(euros(-350n)).toBe("-3,50");
    expect(euros(123456789012345n)).toBe("1234567890123,45");
  });

  it("quotes separators and quotes, and defuses formulas", () => {
    expect(toCsv([["a;b", 'zei "ja"', "=SUM(A1)", "-3,50", "-cmd"]])).toBe('"a;b";"zei ""ja""";\'=SUM(A1);-3,50;\'-cmd\r\n');
  });

  it("names the file by kind, month and pass", () => {
    expect(exportFileName("betalingen", "2026-01", 2)).toBe("betalingen-2026-01-ronde-2.csv");
  });
});
