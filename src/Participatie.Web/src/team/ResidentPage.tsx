import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { withPurpose } from "../api/clients";
import { neighbourhoodName, useNeighbourhoods } from "../api/neighbourhoods";
import { useApi } from "../auth/SessionContext";
import { JournalSection } from "../coach/JournalSection";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert } from "../components/QueryState";
import { DataList, Heading, Paragraph } from "../components/ui";
import { Segment } from "../gen/participatie/v1/common_pb";
import { nl } from "../i18n/nl";
import { enumName } from "../lib/format";
import { isTeamPurpose, teamPurposes, type TeamPurpose } from "./purposes";
import { PurposeChoice, PurposeNote } from "../components/PurposeChoice";

/**
 * A resident who agreed to the team's involvement: who they are and their journal, where the team records its
 * contacts. The team member first says why they open the resident (x-purpose); every call then carries it.
 */
export function ResidentPage() {
  const { clientId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const purpose = params.get("doel");
  if (!isTeamPurpose(purpose)) {
    return (
      <PurposeChoice
        purposes={teamPurposes}
        isPurpose={isTeamPurpose}
        title={nl.team.resident.purposeTitle}
        intro={nl.team.resident.purposeIntro}
        submitLabel={nl.team.resident.open}
        back={<BackLink />}
        onChoose={(chosen) => setParams({ doel: chosen })}
      />
    );
  }
  return <Resident clientId={clientId} purpose={purpose} onChangePurpose={() => setParams({})} />;
}

function BackLink() {
  return (
    <Paragraph>
      <Link className="utrecht-link utrecht-link--html-a" to="/">
        {nl.team.resident.back}
      </Link>
    </Paragraph>
  );
}

function Resident({ clientId, purpose, onChangePurpose }: { clientId: string; purpose: TeamPurpose; onChangePurpose: () => void }) {
  const api = useApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  const neighbourhoods = useNeighbourhoods();
  const t = nl.team.resident;
  const client = useQuery({
    queryKey: ["client", clientId, purpose],
    queryFn: ({ signal }) => api.clients.getClient({ clientId }, { signal, ...withPurpose(purpose) }),
  });
  const person = client.data?.client;
  const title = person ? (person.anonymised ? clientId : `${person.givenName} ${person.familyName}`) : clientId;
  usePageTitle(title);

  return (
    <>
      <BackLink />
      <Heading level={1} ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      <PurposeNote purpose={purpose} onChange={onChangePurpose} />
      {client.isError ? (
        <ProblemAlert error={client.error} onRetry={() => void client.refetch()} busy={client.isFetching} />
      ) : client.isPending || !person ? (
        <p className="utrecht-paragraph" role="status">
          {nl.app.loading}
        </p>
      ) : (
        <>
          <section aria-labelledby="gegevens" className="participatie-card">
            <Heading level={2} id="gegevens">
              {t.profile}
            </Heading>
            <DataList
              items={[
                { key: t.neighbourhood, value: neighbourhoodName(neighbourhoods, person.neighbourhoodId) },
                { key: t.coach, value: person.coachId || t.noCoach },
                { key: t.segment, value: nl.segments[enumName(Segment, person.currentEstimate?.segment ?? Segment.UNSPECIFIED, "SEGMENT")] },
              ]}
            />
          </section>
          <JournalSection clientId={clientId} purpose={purpose} />
        </>
      )}
    </>
  );
}
