const hoursFormat = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** Hours as the person reads them: "2", "1,25", "0,5". */
export function formatHours(hours: number): string {
  return hoursFormat.format(hours);
}
