import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { QueryState } from "../components/QueryState";
import { Alert, Button, Cell, Heading, Paragraph, Row, Table, Textbox } from "../components/ui";
import { ParticipantStatus } from "../gen/participatie/v1/common_pb";
import { type Activity, type DayHours, type Participant } from "../gen/participatie/v1/partner_service_pb";
import { nl } from "../i18n/nl";
import { describeError, fieldError } from "../lib/errors";
import { formatInstant, todayInAmsterdam } from "../lib/format";
import { listAllHours, listAllParticipants, usePartnerService } from "./api";
import {
  addDays,
  cellKey,
  changesToSave,
  formatDay,
  formatHours,
  isIsoDate,
  lockedReason,
  mondayOf,
  moveInGrid,
  parseHours,
  weekDays,
  weekNumber,
  type CellKey,
  type Change,
} from "./week";
import "./partner.css";

const t = nl.partner;

/** Hours per participant per day of one week: enter, correct, save; corrections are marked and their earlier figures shown. */
export function HoursWeekPage() {
  const { activityId = "" } = useParams();
  const partners = usePartnerService();
  const activity = useQuery({
    queryKey: ["partner", "activity", activityId],
    queryFn: ({ signal }) => partners.getActivity({ activityId }, { signal }),
  });
  const title = activity.data?.activity?.details?.title ?? "";
  usePageTitle(title ? t.hours.title(title) : nl.app.loading);
  return (
    <>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to={`/activiteiten/${encodeURIComponent(activityId)}`}>
          {t.hours.back}
        </Link>
      </Paragraph>
      <QueryState query={activity} about="action">
        {(data) => (data.activity ? <HoursWeek activity={data.activity} /> : null)}
      </QueryState>
    </>
  );
}

type Failure = { key: CellKey; message: string };

function HoursWeek({ activity }: { activity: Activity }) {
  const partners = usePartnerService();
  const queries = useQueryClient();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  const [params, setParams] = useSearchParams();
  const today = todayInAmsterdam();
  const requested = params.get("week") ?? "";
  const monday = isIsoDate(requested) ? mondayOf(requested) : mondayOf(today);
  const days = weekDays(monday);
  const sunday = days[6]!;
  const thisMonday = mondayOf(today);

  const participants = useQuery({
    queryKey: ["partner", "participants", activity.activityId],
    queryFn: ({ signal }) => listAllParticipants(partners, activity.activityId, signal),
  });
  const hours = useQuery({
    queryKey: ["partner", "hours", activity.activityId, monday],
    queryFn: ({ signal }) => listAllHours(partners, activity.activityId, monday, sunday, signal),
  });

  // What the person typed, by cell, until it is saved (kept when moving between weeks).
  const [edits, setEdits] = useState<Map<CellKey, string>>(new Map());
  const [failures, setFailures] = useState<Failure[]>([]);
  const [showInvalid, setShowInvalid] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const save = useMutation({
    mutationFn: async (changes: Change[]) => {
      const failed: Failure[] = [];
      let done = 0;
      setProgress({ done, total: changes.length });
      for (const change of changes) {
        const key = cellKey(change.participantRef, change.date);
        try {
          await partners.recordHours({ activityId: activity.activityId, participantRef: change.participantRef, date: change.date, hours: change.hours });
          setEdits((current) => {
            const next = new Map(current);
            next.delete(key);
            return next;
          });
        } catch (error) {
          const problem = describeError(error, "action");
          failed.push({ key, message: fieldError(problem, "hours") ?? fieldError(problem, "date") ?? problem.message });
        }
        done += 1;
        setProgress({ done, total: changes.length });
      }
      return { saved: changes.length - failed.length, failed };
    },
    onSuccess: async (result) => {
      setFailures(result.failed);
      setSaved(result.saved);
      setProgress(null);
      await queries.invalidateQueries({ queryKey: ["partner"] });
    },
    onError: () => setProgress(null),
  });

  function goTo(week: string) {
    setSaved(null);
    setParams({ week });
  }

  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {t.hours.title(activity.details?.title ?? "")}
      </Heading>
      <Paragraph>{t.hours.intro}</Paragraph>
      <nav aria-label={t.hours.weekNavigation} className="participatie-week-nav">
        <Button onClick={() => goTo(addDays(monday, -7))}>{t.hours.previousWeek}</Button>
        <Button onClick={() => goTo(thisMonday)} disabled={monday === thisMonday}>
          {t.hours.thisWeek}
        </Button>
        <Button onClick={() => goTo(addDays(monday, 7))} disabled={monday >= thisMonday}>
          {t.hours.nextWeek}
        </Button>
      </nav>
      <Heading level={2} id="hours-week">
        {t.hours.week(weekNumber(monday), formatDay(monday), formatDay(sunday))}
      </Heading>
      <QueryState query={participants} about="action">
        {(list) => (
          <QueryState query={hours} about="action">
            {(recordedDays) => (
              <Grid
                activity={activity}
                days={days}
                today={today}
                participants={list}
                recordedDays={recordedDays}
                edits={edits}
                setEdits={(next) => {
                  setEdits(next);
                  setSaved(null);
                }}
                failures={failures}
                showInvalid={showInvalid}
                setShowInvalid={setShowInvalid}
                saving={save.isPending}
                progress={progress}
                saved={saved}
                saveError={save.isError ? save.error : null}
                onSave={(changes) => {
                  setFailures([]);
                  setSaved(null);
                  save.mutate(changes);
                }}
              />
            )}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

function Grid({
  activity,
  days,
  today,
  participants,
  recordedDays,
  edits,
  setEdits,
  failures,
  showInvalid,
  setShowInvalid,
  saving,
  progress,
  saved,
  saveError,
  onSave,
}: {
  activity: Activity;
  days: string[];
  today: string;
  participants: Participant[];
  recordedDays: DayHours[];
  edits: Map<CellKey, string>;
  setEdits: (next: Map<CellKey, string>) => void;
  failures: Failure[];
  showInvalid: boolean;
  setShowInvalid: (value: boolean) => void;
  saving: boolean;
  progress: { done: number; total: number } | null;
  saved: number | null;
  saveError: unknown;
  onSave: (changes: Change[]) => void;
}) {
  const table = useRef<HTMLDivElement>(null);
  const enrolled = participants.filter((p) => p.status === ParticipantStatus.ENROLLED);
  const waiting = participants.filter((p) => p.status === ParticipantStatus.AGREED);
  const byCell = new Map<CellKey, DayHours>(recordedDays.map((day) => [cellKey(day.participantRef, day.date), day]));
  const recorded = new Map<CellKey, number>(recordedDays.map((day) => [cellKey(day.participantRef, day.date), day.current?.hours ?? 0]));
  const nameOf = (ref: string) => enrolled.find((p) => p.participantRef === ref)?.firstName || ref;
  const failureOf = new Map(failures.map((f) => [f.key, f.message]));
  const { changes, invalid } = changesToSave(recorded, edits);
  const unsaved = changes.length + invalid.length;
  const corrected = recordedDays.filter((day) => day.history.length > 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (invalid.length > 0) {
      setShowInvalid(true);
      table.current?.querySelector<HTMLInputElement>("input[aria-invalid=true]")?.focus();
      return;
    }
    setShowInvalid(false);
    if (changes.length > 0) {
      onSave(changes);
    }
  }

  function type(key: CellKey, value: string) {
    const next = new Map(edits);
    const before = recorded.get(key);
    if ((before === undefined && value.trim() === "") || (before !== undefined && value === formatHours(before))) {
      next.delete(key);
    } else {
      next.set(key, value);
    }
    setEdits(next);
  }

  /** Arrow keys move between cells (left and right only at the edge of the text), skipping days that are locked. */
  function move(event: KeyboardEvent<HTMLInputElement>, row: number, column: number) {
    const input = event.currentTarget;
    if (event.key === "ArrowLeft" && (input.selectionStart !== 0 || input.selectionEnd !== 0)) return;
    if (event.key === "ArrowRight" && (input.selectionStart !== input.value.length || input.selectionEnd !== input.value.length)) return;
    let position = { row, column };
    for (let step = 0; step < days.length + enrolled.length; step++) {
      const next = moveInGrid(position.row, position.column, event.key, enrolled.length, days.length);
      if (!next || (next.row === position.row && next.column === position.column)) return;
      position = next;
      const target = table.current?.querySelector<HTMLInputElement>(`input[data-row="${next.row}"][data-column="${next.column}"]`);
      if (target) {
        event.preventDefault();
        target.focus();
        target.select();
        return;
      }
    }
  }

  if (enrolled.length === 0) {
    return <Paragraph>{t.hours.noParticipants}</Paragraph>;
  }

  return (
    <>
    <form onSubmit={submit} noValidate aria-labelledby="hours-week">
      {showInvalid && invalid.length > 0 ? (
        <Alert type="error" role="alert">
          {t.hours.invalidSummary} {t.hours.invalid}
        </Alert>
      ) : null}
      {saveError ? (
        <Alert type="error" role="alert">
          {describeError(saveError, "action").message}
        </Alert>
      ) : null}
      {failures.length > 0 ? (
        <Alert type="error" role="alert">
          <Paragraph>{t.hours.failedCells}</Paragraph>
          <ul>
            {failures.map((failure) => {
              const [ref, date] = failure.key.split("|") as [string, string];
              return <li key={failure.key}>{t.hours.failedCell(nameOf(ref), formatDay(date), failure.message)}</li>;
            })}
          </ul>
        </Alert>
      ) : null}
      {saved !== null && saved > 0 && failures.length === 0 ? (
        <Alert type="ok" role="status">
          {t.hours.saved(saved)}
        </Alert>
      ) : null}
      <div ref={table} className="participatie-hours">
        <Table
          caption={t.hours.caption(formatDay(days[0]!), formatDay(days[6]!))}
          head={[
            { label: t.hours.participant },
            ...days.map((day) => ({
              label: (
                <>
                  <span className="participatie-hours__day">{formatDay(day).split(" ")[0]}</span>
                  <span className="participatie-hours__day">{formatDay(day).split(" ").slice(1).join(" ")}</span>
                </>
              ),
              numeric: true,
            })),
            { label: t.hours.total, numeric: true },
          ]}
        >
          {enrolled.map((participant, row) => {
            const name = participant.firstName || participant.participantRef;
            let total = 0;
            return (
              <Row key={participant.participantRef}>
                <Cell header>
                  {participant.firstName || t.activity.anonymous} <code>{participant.participantRef}</code>
                </Cell>
                {days.map((day, column) => {
                  const key = cellKey(participant.participantRef, day);
                  const locked = lockedReason(day, today, activity.closedOn);
                  const entry = byCell.get(key);
                  const text = edits.get(key) ?? (entry ? formatHours(entry.current?.hours ?? 0) : "");
                  const parsed = parseHours(text);
                  total += parsed.kind === "hours" ? parsed.hours : 0;
                  if (locked) {
                    return (
                      <Cell key={day} numeric>
                        <span className="participatie-hours__locked" aria-hidden="true">
                          –
                        </span>
                        <span className="participatie-visually-hidden">{locked === "future" ? t.hours.future : t.hours.afterClosing}</span>
                      </Cell>
                    );
                  }
                  const isInvalid = parsed.kind === "invalid";
                  const failure = failureOf.get(key);
                  const correctionId = `${key}-correction`;
                  const noteId = `${key}-note`;
                  const isEdited = edits.has(key);
                  const describedBy = [entry && entry.history.length > 0 ? correctionId : null, isInvalid || failure || isEdited ? noteId : null].filter(Boolean).join(" ") || undefined;
                  return (
                    <Cell key={day} numeric>
                      <span
                        className={[
                          "participatie-hours__cell",
                          entry && entry.history.length > 0 ? "participatie-hours__cell--corrected" : "",
                          isEdited ? "participatie-hours__cell--unsaved" : "",
                        ].join(" ")}
                      >
                        <Textbox
                          className="participatie-hours__input"
                          inputMode="decimal"
                          autoComplete="off"
                          aria-label={t.hours.cellLabel(name, formatDay(day))}
                          aria-describedby={describedBy}
                          invalid={isInvalid || Boolean(failure)}
                          data-row={row}
                          data-column={column}
                          value={text}
                          readOnly={saving}
                          onChange={(event) => type(key, event.target.value)}
                          onKeyDown={(event) => move(event, row, column)}
                        />
                        {entry && entry.history.length > 0 ? (
                          <span id={correctionId} className="participatie-hours__note participatie-hours__note--correction">
                            {t.hours.correction}, {t.hours.correctedFrom(entry.history.map((h) => formatHours(h.hours)).join("; "))}
                          </span>
                        ) : null}
                        {isInvalid ? (
                          <span id={noteId} className="participatie-hours__note participatie-hours__note--error">
                            {t.hours.invalidCell}
                          </span>
                        ) : failure ? (
                          <span id={noteId} className="participatie-hours__note participatie-hours__note--error">
                            {t.hours.notSaved(failure)}
                          </span>
                        ) : isEdited ? (
                          <span id={noteId} className="participatie-visually-hidden">
                            {t.hours.unsavedMark}
                          </span>
                        ) : null}
                      </span>
                    </Cell>
                  );
                })}
                <Cell numeric>{formatHours(total)}</Cell>
              </Row>
            );
          })}
        </Table>
      </div>
      {waiting.length > 0 ? <Paragraph small>{t.hours.waitingForPlace(waiting.map((p) => p.firstName || p.participantRef).join(", "))}</Paragraph> : null}
      <p className="utrecht-paragraph" role="status">
        {progress ? t.hours.saving(progress.done, progress.total) : unsaved > 0 ? t.hours.unsaved(unsaved) : ""}
      </p>
      <div className="utrecht-button-group">
        <Button type="submit" appearance="primary" busy={saving} disabled={saving}>
          {t.hours.save}
        </Button>
        {unsaved > 0 && !saving ? (
          <Button
            appearance="subtle"
            onClick={() => {
              setEdits(new Map());
              setShowInvalid(false);
            }}
          >
            {t.hours.undo}
          </Button>
        ) : null}
      </div>
    </form>

      {corrected.length > 0 ? (
        <section aria-labelledby="hours-corrections">
          <Heading level={3} id="hours-corrections">
            {t.hours.correctionsTitle}
          </Heading>
          <Paragraph>{t.hours.correctionsIntro}</Paragraph>
          <Table caption={t.hours.correctionsCaption} head={[{ label: t.hours.participant }, { label: t.hours.day }, { label: t.hours.now }, { label: t.hours.earlier }]}>
            {corrected.map((day) => (
              <Row key={cellKey(day.participantRef, day.date)}>
                <Cell header>{nameOf(day.participantRef)}</Cell>
                <Cell>{formatDay(day.date)}</Cell>
                <Cell>{day.current ? t.hours.recordedAt(formatHours(day.current.hours), formatInstant(day.current.recordedAt)) : ""}</Cell>
                <Cell>
                  <ul className="participatie-items">
                    {day.history.map((earlier, index) => (
                      <li key={index}>{t.hours.recordedAt(formatHours(earlier.hours), formatInstant(earlier.recordedAt))}</li>
                    ))}
                  </ul>
                </Cell>
              </Row>
            ))}
          </Table>
        </section>
      ) : null}
    </>
  );
}
