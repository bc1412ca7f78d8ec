// A pass's payment export, assembled in the browser from the messages ExportPayments streams: one file of payment
// instructions for the bank, one of amounts owed back (terugvorderingen) to book as claims — never mixed, so that a
// claim can never be imported as a transfer — and a check of what arrived against the summary the last message carries.
import type { ExportPaymentsResponse, PaymentExportSummary, PaymentInstruction, PaymentRecovery } from "../gen/participatie/v1/admin_service_pb";
import { PaymentDetailsState } from "../gen/participatie/v1/admin_service_pb";
import { PaymentKind } from "../gen/participatie/v1/common_pb";

export type AssembledExport = {
  instructions: PaymentInstruction[];
  recoveries: PaymentRecovery[];
  /** The summary of the last message; null when the stream ended without one (the file is then incomplete). */
  summary: PaymentExportSummary | null;
  instructionCents: bigint;
  recoveryCents: bigint;
  /** What arrived is what the summary says was sent. */
  complete: boolean;
  /** The export holds what the pass counted (it differs when someone the pass paid has since left every neighbourhood). */
  matchesPass: boolean;
  paymentsCsv: string;
  recoveriesCsv: string;
};

/** Collects every message of the stream into the two files and their checks. */
export function assembleExport(messages: readonly ExportPaymentsResponse[]): AssembledExport {
  const instructions = messages.flatMap((m) => m.instructions);
  const recoveries = messages.flatMap((m) => m.recoveries);
  const summary = [...messages].reverse().find((m) => m.summary !== undefined)?.summary ?? null;
  const instructionCents = instructions.reduce((sum, i) => sum + i.totalCents, 0n);
  const recoveryCents = recoveries.reduce((sum, r) => sum + r.amountCents, 0n);
  const complete =
    summary !== null &&
    summary.instructions === instructions.length &&
    summary.totalCents === instructionCents &&
    summary.recoveries === recoveries.length &&
    summary.recoveryCents === recoveryCents;
  const matchesPass =
    summary !== null &&
    summary.instructions === summary.runPaid &&
    summary.totalCents === summary.runTotalCents &&
    summary.recoveries === summary.runRecoveries &&
    summary.recoveryCents === summary.runRecoveryCents;
  return {
    instructions,
    recoveries,
    summary,
    instructionCents,
    recoveryCents,
    complete,
    matchesPass,
    paymentsCsv: paymentsCsv(instructions),
    recoveriesCsv: recoveriesCsv(recoveries),
  };
}

const kinds: Record<number, string> = {
  [PaymentKind.PAYMENT]: "betaling",
  [PaymentKind.SUPPLEMENTARY]: "nabetaling",
  [PaymentKind.RECOVERY]: "terugvordering",
};

const details: Record<number, string> = {
  [PaymentDetailsState.PRESENT]: "aanwezig",
  [PaymentDetailsState.MISSING]: "ontbreekt",
  [PaymentDetailsState.UNREADABLE]: "onleesbaar",
};

function paymentsCsv(instructions: readonly PaymentInstruction[]): string {
  const header = ["soort", "persoon", "bsn", "betaalgegevens", "bedrag_centen", "bedrag", "wijk", "betaalrun", "ronde", "versie", "versie_totaal_centen", "reden"];
  const rows = instructions.map((i) => [
    kinds[i.kind] ?? "onbekend",
    i.clientId,
    i.bsn,
    details[i.paymentDetails] ?? "onbekend",
    i.totalCents.toString(),
    euros(i.totalCents),
    i.neighbourhoodId,
    i.runId,
    String(i.pass),
    String(i.statementVersion),
    i.statementTotalCents.toString(),
    i.reason,
  ]);
  return toCsv([header, ...rows]);
}

function recoveriesCsv(recoveries: readonly PaymentRecovery[]): string {
  const header = ["persoon", "wijk", "betaalrun", "ronde", "versie", "versie_totaal_centen", "terug_te_vorderen_centen", "terug_te_vorderen", "reden", "besloten_op"];
  const rows = recoveries.map((r) => [
    r.clientId,
    r.neighbourhoodId,
    r.runId,
    String(r.pass),
    String(r.statementVersion),
    r.statementTotalCents.toString(),
    r.amountCents.toString(),
    euros(r.amountCents),
    r.reason,
    r.decidedAt,
  ]);
  return toCsv([header, ...rows]);
}

/** Euro cents as a Dutch decimal without a currency sign ("1369,06", "-3,50"), exact for any amount. */
export function euros(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${abs / 100n},${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

/**
 * Semicolon-separated (as Dutch spreadsheet programs expect), CRLF line ends, fields quoted where they need it. Text
 * that a spreadsheet would run as a formula gets a leading apostrophe; amounts are numbers and pass as they are.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(";")).join("\r\n") + "\r\n";
}

function csvField(value: string): string {
  const safe = /^[=+@\t\r]/.test(value) || (/^-/.test(value) && !/^-?\d+(,\d+)?$/.test(value)) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The file's name: betalingen-2026-01-ronde-2.csv, terugvorderingen-2026-01-ronde-2.csv. */
export function exportFileName(kind: "betalingen" | "terugvorderingen", month: string, pass: number): string {
  return `${kind}-${month}-ronde-${pass}.csv`;
}
