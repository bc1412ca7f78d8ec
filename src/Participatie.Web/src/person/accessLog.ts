import { nl } from "../i18n/nl";

const texts = nl.myParticipation.accessLog;

/** One line of the access log as the person reads it: who, why and what, in plain Dutch. */
export type AccessLine = { who: string; why: string; what: string };

/**
 * Describes an audit record for the person it is about. The person's own reads say "U zelf"; staff are named by their
 * role (never their id, which means nothing to the person); the purpose and the action are in words; a refused or
 * failed attempt says so, and a change recorded before it was made says it was started.
 */
export function describeAccess(entry: {
  actorRole: string;
  actorId: string;
  action: string;
  purpose: string;
  outcome: string;
  clientId: string;
  onBehalfOf?: string;
}): AccessLine {
  const own = entry.actorRole === "person" && entry.actorId === entry.clientId;
  const role = own ? texts.you : (texts.roles[entry.actorRole] ?? entry.actorRole);
  const who = entry.onBehalfOf ? `${role}, ${onBehalfOf(entry.onBehalfOf, entry.clientId)}` : role;
  const why = texts.purposes[entry.purpose] ?? entry.purpose;
  const rpc = entry.action.includes(".") ? entry.action.slice(entry.action.lastIndexOf(".") + 1) : entry.action;
  const verb = texts.actions[rpc] ?? texts.unknownAction(entry.action);
  const outcome = entry.outcome === "OK" ? "" : entry.outcome === "Started" ? texts.started : entry.outcome === "PermissionDenied" ? texts.refused : texts.failed;
  return { who, why, what: outcome ? `${verb} (${outcome})` : verb };
}

/** For whom someone acted (an admin at the desk, for her or for her coach), without naming staff by id. */
function onBehalfOf(id: string, clientId: string): string {
  if (id === clientId) {
    return texts.onBehalfOfYou;
  }
  return id.startsWith("co-") ? texts.onBehalfOfCoach : id.startsWith("pt-") ? texts.onBehalfOfPartner : texts.onBehalfOfSomeone;
}
