import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { withPurpose } from "../api/clients";
import { neighbourhoodName, useNeighbourhoods } from "../api/neighbourhoods";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Alert, DataList, Heading, Paragraph } from "../components/ui";
import { HouseholdType } from "../gen/participatie/v1/common_pb";
import { nl } from "../i18n/nl";
import { enumName, formatDate, formatInstant } from "../lib/format";
import { coachPurposes, isCoachPurpose, type CoachPurpose } from "../lib/purposes";
import { PurposeChoice, PurposeNote } from "../components/PurposeChoice";
import { ContractSection } from "./ContractSection";
import { EstimateSection } from "./EstimateSection";
import { JournalSection } from "./JournalSection";
import { ParticipationSection } from "./ParticipationSection";
import { RecordSection } from "./RecordSection";
import { ReleaseClient } from "./ReleaseClient";
import { RegimeSection } from "./RegimeSection";
import { StatementSection } from "../components/StatementSection";

/** A person's page. Staff first say why they open it (x-purpose); every call of the page then carries that purpose. */
export function PersonPage() {
  const { clientId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const purpose = params.get("doel");
  if (!isCoachPurpose(purpose)) {
    return (
      <PurposeChoice
        purposes={coachPurposes}
        isPurpose={isCoachPurpose}
        title={nl.purposes.title}
        intro={nl.purposes.intro}
        submitLabel={nl.purposes.open}
        back={
          <Paragraph>
            <Link className="utrecht-link utrecht-link--html-a" to="/">
              {nl.person.back}
            </Link>
          </Paragraph>
        }
        onChoose={(chosen) => setParams({ doel: chosen })}
      />
    );
  }
  return <Person clientId={clientId} purpose={purpose} onChangePurpose={() => setParams({})} />;
}

function Person({ clientId, purpose, onChangePurpose }: { clientId: string; purpose: CoachPurpose; onChangePurpose: () => void }) {
  const api = useApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  const neighbourhoods = useNeighbourhoods();
  const session = useSignedIn();
  const client = useQuery({
    queryKey: ["client", clientId, purpose],
    queryFn: ({ signal }) => api.clients.getClient({ clientId }, { signal, ...withPurpose(purpose) }),
  });
  const person = client.data?.client;
  const title = person ? (person.anonymised ? clientId : `${person.givenName} ${person.familyName}`) : clientId;
  usePageTitle(title);

  return (
    <>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to="/">
          {nl.person.back}
        </Link>
      </Paragraph>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      <PurposeNote purpose={purpose} onChange={onChangePurpose} />
      {client.isError ? (
        <ProblemAlert error={client.error} onRetry={() => void client.refetch()} busy={client.isFetching} />
      ) : client.isPending ? (
        // The other parts are asked for once the person could be read: a refused person is refused once, not five times.
        <p className="utrecht-paragraph" role="status">
          {nl.app.loading}
        </p>
      ) : (
        <>
          <nav aria-label={nl.person.sections} className="participatie-sections">
            <ul className="participatie-sections__list">
              {[
                ["profiel", nl.person.profile],
                ["inschatting", nl.estimate.title],
                ["regeling", nl.regime.title],
                ["contract", nl.contract.title],
                ["meedoen", nl.participation.title],
                ["dossier", nl.record.title],
                ["journaal", nl.journal.title],
                ["specificatie", nl.statement.title],
              ].map(([anchor, label]) => (
                <li key={anchor}>
                  <a className="utrecht-link utrecht-link--html-a" href={`#${anchor}`}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <section aria-labelledby="profiel" className="participatie-card">
            <Heading level={2} id="profiel">
              {nl.person.profile}
            </Heading>
            <QueryState query={client}>
              {(data) => {
                const c = data.client;
                if (!c) {
                  return <Alert type="error">{nl.errors.notFound}</Alert>;
                }
                return (
                  <>
                    {c.anonymised ? <Alert type="info">{nl.person.anonymised}</Alert> : null}
                    {c.caseEndedOn ? <Alert type="info">{nl.person.caseEnded(formatDate(c.caseEndedOn))}</Alert> : null}
                    <DataList
                      items={[
                        { key: nl.person.dateOfBirth, value: c.dateOfBirth ? formatDate(c.dateOfBirth) : "—" },
                        { key: nl.person.household, value: nl.households[enumName(HouseholdType, c.householdType, "HOUSEHOLD_TYPE")] },
                        { key: nl.person.postcode, value: c.postcode || "—" },
                        { key: nl.person.neighbourhood, value: neighbourhoodName(neighbourhoods, c.neighbourhoodId) },
                        { key: nl.person.coach, value: c.coachId || nl.person.noCoach },
                        { key: nl.person.registeredAt, value: c.registeredAt ? formatInstant(c.registeredAt) : "—" },
                        { key: nl.person.lastContact, value: c.lastContactOn ? formatDate(c.lastContactOn) : nl.followUps.noContactYet },
                        {
                          key: nl.person.participation,
                          value: c.participation
                            ? c.participation.active
                              ? nl.person.participationActive(c.participation.windowDays)
                              : nl.person.participationInactive(c.participation.windowDays)
                            : "—",
                        },
                        { key: nl.person.teamInvolvement, value: c.teamInvolvement ? nl.person.yes : nl.person.no },
                      ]}
                    />
                    {c.withheld.length > 0 ? <Paragraph small>{nl.person.withheld(c.withheld.join(", "))}</Paragraph> : null}
                    {c.coachId === session.subject && !c.caseEndedOn ? <ReleaseClient clientId={clientId} name={title} purpose={purpose} /> : null}
                  </>
                );
              }}
            </QueryState>
          </section>
          <EstimateSection estimate={person?.currentEstimate} loading={client.isPending} clientId={clientId} purpose={purpose} />
          <RegimeSection clientId={clientId} purpose={purpose} />
          <ContractSection clientId={clientId} purpose={purpose} />
          <ParticipationSection clientId={clientId} purpose={purpose} />
          <RecordSection clientId={clientId} purpose={purpose} />
          <JournalSection clientId={clientId} purpose={purpose} />
          <StatementSection clientId={clientId} purpose={purpose} />
        </>
      )}
    </>
  );
}
