import type { Neighbourhood } from "../gen/participatie/v1/neighbourhood_service_pb";
import { team } from "../i18n/nl/team";
import { watchWithReconnect, type StreamState } from "../lib/reconnect";

export type FigureRow = { key: string; label: string; value: string };

const hours = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
const count = new Intl.NumberFormat("nl-NL");

/** The neighbourhood's figures as the rows of the figures table, in the order a team reads them. */
export function figureRows(n: Neighbourhood): FigureRow[] {
  const t = team.figures;
  return [
    { key: "residents", label: t.residents, value: count.format(n.residents) },
    { key: "notAssessed", label: t.notAssessed, value: count.format(n.notAssessed) },
    { key: "withinCut", label: t.withinCut, value: count.format(n.withinCut) },
    { key: "beyondCut", label: t.beyondCut, value: count.format(n.beyondCut) },
    { key: "withCoach", label: t.withCoach, value: count.format(n.withCoach) },
    { key: "activeResidents", label: t.activeResidents, value: count.format(n.activeResidents) },
    { key: "hoursThisMonth", label: t.hoursThisMonth, value: t.hours(hours.format(n.participationHoursThisMonth)) },
    { key: "outflowThisYear", label: t.outflowThisYear, value: count.format(n.outflowToWorkThisYear) },
    { key: "activitiesOnOffer", label: t.activitiesOnOffer, value: count.format(n.activitiesOnOffer) },
  ];
}

/** The keys of the rows whose value differs between two readings (none for the first one). */
export function changedFigures(before: Neighbourhood | undefined, after: Neighbourhood): string[] {
  if (!before) {
    return [];
  }
  const old = new Map(figureRows(before).map((row) => [row.key, row.value]));
  return figureRows(after)
    .filter((row) => old.get(row.key) !== row.value)
    .map((row) => row.key);
}

export type FiguresWatch = {
  open: (signal: AbortSignal, opened: () => void) => AsyncIterable<Neighbourhood>;
  onFigures: (figures: Neighbourhood) => void;
  onState: (state: StreamState, failure?: unknown) => void;
  retryable: (failure: unknown) => boolean;
  signal: AbortSignal;
  delays?: number[];
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
};

/**
 * Watches a neighbourhood's figures (WatchNeighbourhood) and reconnects like the coach's inbox. Every message is the
 * whole neighbourhood as it is, and a new watch starts with the current figures, so a reconnect needs no position:
 * each message simply replaces the last.
 */
export function watchFigures(options: FiguresWatch): Promise<bigint> {
  let received = 0n;
  return watchWithReconnect<Neighbourhood>({
    open: (_after, signal, opened) => options.open(signal, opened),
    // Messages carry no sequence: count them, so each one is newer than the last.
    sequenceOf: () => {
      received += 1n;
      return received;
    },
    onItem: options.onFigures,
    onState: options.onState,
    retryable: options.retryable,
    signal: options.signal,
    ...(options.delays ? { delays: options.delays } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
}
