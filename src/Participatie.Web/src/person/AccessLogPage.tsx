import { useInfiniteQuery } from "@tanstack/react-query";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Button, Cell, Heading, Paragraph, Row, Table } from "../components/ui";
import { nl } from "../i18n/nl";
import { formatInstant } from "../lib/format";
import { describeAccess } from "./accessLog";

const texts = nl.myParticipation.accessLog;

/** Wie keek er in mijn gegevens: the access log, newest first, in plain Dutch. */
export function AccessLogPage() {
  const { subject: clientId } = useSignedIn();
  const api = useApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  const log = useInfiniteQuery({
    queryKey: ["my-access-log", clientId],
    queryFn: ({ pageParam, signal }) => api.clients.getAccessLog({ clientId, pageSize: 50, pageToken: pageParam }, { signal }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      <QueryState query={log} about="action">
        {(data) => {
          const entries = data.pages.flatMap((page) => page.entries);
          if (entries.length === 0) {
            return <Paragraph>{texts.empty}</Paragraph>;
          }
          return (
            <>
              <Table caption={texts.caption} head={[{ label: texts.when }, { label: texts.who }, { label: texts.why }, { label: texts.what }]}>
                {entries.map((entry, index) => {
                  const line = describeAccess(entry);
                  return (
                    <Row key={index}>
                      <Cell header>{formatInstant(entry.at)}</Cell>
                      <Cell>{line.who}</Cell>
                      <Cell>{line.why}</Cell>
                      <Cell>{line.what}</Cell>
                    </Row>
                  );
                })}
              </Table>
              {log.hasNextPage ? (
                <Button onClick={() => void log.fetchNextPage()} busy={log.isFetchingNextPage} disabled={log.isFetchingNextPage}>
                  {texts.more}
                </Button>
              ) : null}
              {log.isFetchNextPageError ? <ProblemAlert error={log.error} about="action" onRetry={() => void log.fetchNextPage()} /> : null}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
