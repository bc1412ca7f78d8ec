import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { QueryState } from "../components/QueryState";
import { Button, ButtonGroup, Cell, Heading, Paragraph, Row, StatusBadge, Table } from "../components/ui";
import { nl } from "../i18n/nl";
import { formatDate, formatInstant } from "../lib/format";
import { currentToken, firstPage, nextPage, previousPage, type Pages } from "../lib/paging";
import { useExperimentService } from "./api";

const t = nl.researcher;
const pageSize = 25;

/** Every experiment on the platform, with its period, sign-ups and whether the lottery was drawn. */
export function ExperimentsPage() {
  const experiments = useExperimentService();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(t.experiments.title);
  const [pages, setPages] = useState<Pages>(firstPage);
  const list = useQuery({
    queryKey: ["researcher", "experiments", currentToken(pages)],
    queryFn: ({ signal }) => experiments.listExperiments({ pageSize, pageToken: currentToken(pages) }, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {t.experiments.title}
      </Heading>
      <Paragraph lead>{t.experiments.intro}</Paragraph>
      <QueryState query={list} about="action">
        {(data) =>
          data.experiments.length === 0 && pages.index === 0 ? (
            <Paragraph>{t.experiments.empty}</Paragraph>
          ) : (
            <>
              <Table
                caption={t.experiments.caption}
                head={[{ label: t.experiments.name }, { label: t.experiments.period }, { label: t.experiments.signedUp, numeric: true }, { label: t.experiments.drawn }]}
              >
                {data.experiments.map((experiment) => {
                  const design = experiment.design;
                  return (
                    <Row key={design?.experimentId}>
                      <Cell header>
                        <Link className="utrecht-link utrecht-link--html-a" to={`/experimenten/${encodeURIComponent(design?.experimentId ?? "")}`}>
                          {design?.title}
                        </Link>
                      </Cell>
                      <Cell>{t.experiments.periodValue(formatDate(design?.start ?? ""), formatDate(design?.end ?? ""))}</Cell>
                      <Cell numeric>{experiment.signedUp}</Cell>
                      <Cell>
                        {experiment.draw ? (
                          <StatusBadge status="safe">{t.experiments.drawnOn(formatInstant(experiment.draw.drawnAt))}</StatusBadge>
                        ) : (
                          <StatusBadge status="neutral">{t.experiments.notDrawn}</StatusBadge>
                        )}
                      </Cell>
                    </Row>
                  );
                })}
              </Table>
              <ButtonGroup>
                {pages.index > 0 ? <Button onClick={() => setPages(previousPage(pages))}>{t.experiments.previous}</Button> : null}
                {data.nextPageToken ? <Button onClick={() => setPages(nextPage(pages, data.nextPageToken))}>{t.experiments.more}</Button> : null}
              </ButtonGroup>
            </>
          )
        }
      </QueryState>
    </>
  );
}
