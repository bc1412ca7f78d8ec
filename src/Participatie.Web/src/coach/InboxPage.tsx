import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { withPurpose } from "../api/clients";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert } from "../components/QueryState";
import { Heading, Paragraph, StatusBadge } from "../components/ui";
import { InboxItemKind, type InboxItem } from "../gen/participatie/v1/coach_service_pb";
import { nl } from "../i18n/nl";
import { describeError } from "../lib/errors";
import { enumName, formatInstant } from "../lib/format";
import { listPurpose } from "../lib/purposes";
import { watchWithReconnect, type StreamState } from "../lib/reconnect";

/** The coach's live inbox (CoachService.WatchInbox): new items appear without reloading; a lost connection resumes. */
export function InboxPage() {
  const session = useSignedIn();
  const api = useApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(nl.inbox.title);
  const [items, setItems] = useState<InboxItem[]>([]);
  const [state, setState] = useState<StreamState>("connecting");
  const [failure, setFailure] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState("");
  const openedAt = useRef(Date.now());

  useEffect(() => {
    const controller = new AbortController();
    openedAt.current = Date.now();
    void watchWithReconnect<InboxItem>({
      open: (after, signal, opened) =>
        api.coaches.watchInbox({ coachId: session.subject, afterSequence: after }, { signal, onHeader: opened, ...withPurpose(listPurpose) }),
      sequenceOf: (item) => item.sequence,
      onItem: (item) => {
        setItems((previous) => [item, ...previous].slice(0, 500));
        // Announce what arrives while the screen is open, not the backlog shown when it opens.
        if (Date.parse(item.at) >= openedAt.current - 5_000) {
          setAnnouncement(nl.inbox.newItem(item.displayName, item.text));
        }
      },
      onState: (next, why) => {
        setState(next);
        setFailure(next === "closed" && why ? why : null);
      },
      retryable: (why) => describeError(why).retryable,
      signal: controller.signal,
    });
    return () => controller.abort();
  }, [api, session.subject]);

  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {nl.inbox.title}
      </Heading>
      <Paragraph lead>{nl.inbox.intro}</Paragraph>
      <p className="utrecht-paragraph participatie-connection" data-state={state}>
        <StatusBadge status={state === "open" ? "safe" : state === "retrying" ? "warning" : "neutral"}>{nl.inbox[state]}</StatusBadge>
      </p>
      <div className="participatie-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {failure ? <ProblemAlert error={failure} about="action" /> : null}
      {items.length === 0 && state === "open" ? <Paragraph>{nl.inbox.empty}</Paragraph> : null}
      {items.length > 0 ? (
        <ul className="participatie-items" aria-label={nl.inbox.title}>
          {items.map((item) => (
            <li key={String(item.sequence)} className="participatie-item">
              <p className="utrecht-paragraph">
                <StatusBadge status={item.kind === InboxItemKind.OVERDUE_CONTACT ? "danger" : "neutral"}>
                  {nl.inbox.kinds[enumName(InboxItemKind, item.kind, "INBOX_ITEM_KIND")]}
                </StatusBadge>{" "}
                <Link className="utrecht-link utrecht-link--html-a" to={`/personen/${encodeURIComponent(item.clientId)}`}>
                  {item.displayName}
                </Link>
              </p>
              <p className="utrecht-paragraph">{item.text}</p>
              <p className="utrecht-paragraph utrecht-paragraph--small">{formatInstant(item.at)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
