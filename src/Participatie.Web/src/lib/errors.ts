import { Code, ConnectError } from "@connectrpc/connect";
import { BadRequestSchema, LocalizedMessageSchema } from "../gen/google/rpc/error_details_pb";
import { nl } from "../i18n/nl";

/** What went wrong, in terms a person can act on. */
export type Problem = {
  kind: "permission" | "unavailable" | "invalid" | "notFound" | "unauthenticated" | "precondition" | "other";
  /** The sentence to show. */
  message: string;
  /** Field violations of a google.rpc.BadRequest, by field name as the request message names it (snake_case). */
  fields: Record<string, string>;
  /** Whether trying the same again may work. */
  retryable: boolean;
};

/**
 * Turns a failed call into a Problem: field violations (google.rpc.BadRequest, sent in grpc-status-details-bin) go
 * next to their fields; PERMISSION_DENIED, UNAVAILABLE and the rest get a sentence of their own.
 * `about` says whether the call was about seeing a person (then PERMISSION_DENIED reads "u mag deze persoon niet
 * inzien") or about doing something.
 */
export function describeError(error: unknown, about: "person" | "action" = "person"): Problem {
  const failure = ConnectError.from(error);
  const fields: Record<string, string> = {};
  for (const detail of failure.findDetails(BadRequestSchema)) {
    for (const violation of detail.fieldViolations) {
      const field = violation.field.length > 0 ? violation.field : "";
      const text = inOurLanguage(violation.localizedMessage) ?? violation.description;
      fields[field] = fields[field] ? `${fields[field]} ${text}` : text;
    }
  }
  switch (failure.code) {
    case Code.PermissionDenied:
      return { kind: "permission", message: about === "person" ? nl.errors.permissionDenied : nl.errors.permissionDeniedAction, fields, retryable: false };
    case Code.Unavailable:
    case Code.DeadlineExceeded:
    case Code.ResourceExhausted:
    case Code.Aborted:
      return { kind: "unavailable", message: nl.errors.unavailable, fields, retryable: true };
    case Code.InvalidArgument:
      return { kind: "invalid", message: nl.errors.invalid, fields, retryable: false };
    case Code.NotFound:
      return { kind: "notFound", message: nl.errors.notFound, fields, retryable: false };
    case Code.Unauthenticated:
      return { kind: "unauthenticated", message: nl.errors.unauthenticated, fields, retryable: false };
    case Code.FailedPrecondition:
      return { kind: "precondition", message: preconditionMessage(failure), fields, retryable: false };
    default:
      return { kind: "other", message: nl.errors.unknown, fields, retryable: true };
  }
}

/**
 * Why something cannot be done now: the gateway's Dutch sentence for the reason (a google.rpc.LocalizedMessage beside
 * the ErrorInfo) when there is one; otherwise "Dit kan nu niet." with the developer's text.
 */
function preconditionMessage(failure: ConnectError): string {
  const dutch = failure.findDetails(LocalizedMessageSchema).map(inOurLanguage).find((m) => m !== undefined);
  if (dutch) {
    return dutch;
  }
  return failure.rawMessage ? `${nl.errors.failedPrecondition} ${failure.rawMessage}` : nl.errors.failedPrecondition;
}

/** The server's own sentence for people (google.rpc.LocalizedMessage) when it is in Dutch; else the developer's text is shown. */
function inOurLanguage(message: { locale: string; message: string } | undefined): string | undefined {
  return message && message.message.length > 0 && message.locale.toLowerCase().startsWith("nl") ? message.message : undefined;
}

/** The violation of one field, matching "note" also when the server names it "request.note" or "Note". */
export function fieldError(problem: Problem | null | undefined, field: string): string | undefined {
  if (!problem) {
    return undefined;
  }
  const wanted = field.toLowerCase();
  for (const [name, description] of Object.entries(problem.fields)) {
    const normalised = name.toLowerCase().replace(/[^a-z0-9_.]/g, "");
    if (normalised === wanted || normalised.endsWith(`.${wanted}`) || normalised.replace(/_/g, "") === wanted.replace(/_/g, "")) {
      return description;
    }
  }
  return undefined;
}

/** Violations that belong to none of the given fields (shown above the form). */
export function otherFieldErrors(problem: Problem | null | undefined, fields: string[]): string[] {
  if (!problem) {
    return [];
  }
  return Object.entries(problem.fields)
    .filter(([name]) => !fields.some((field) => fieldError({ ...problem, fields: { [name]: "x" } }, field) !== undefined))
    .map(([name, description]) => (name ? `${name}: ${description}` : description));
}
