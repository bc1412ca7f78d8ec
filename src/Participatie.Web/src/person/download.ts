/** The name of the person's export file: "mijn-gegevens-2026-12-06.json", by the day it was made (Amsterdam). */
export function exportFileName(generatedAt: string): string {
  const moment = new Date(generatedAt);
  const day = Number.isNaN(moment.getTime())
    ? "export"
    : new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(moment);
  return `mijn-gegevens-${day}.json`;
}
