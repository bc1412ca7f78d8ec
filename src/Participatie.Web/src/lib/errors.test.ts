import { create, toBinary } from "@bufbuild/protobuf";
import { anyPack } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError } from "@connectrpc/connect";
import { findTrailerError } from "@connectrpc/connect/protocol-grpc";
import { StatusSchema } from "../gen/google/rpc/status_pb";
import { describe, expect, it } from "vitest";
import { BadRequestSchema, BadRequest_FieldViolationSchema, LocalizedMessageSchema } from "../gen/google/rpc/error_details_pb";
import { describeError, fieldError, otherFieldErrors } from "./errors";

function badRequest(...violations: [string, string][]): ConnectError {
  const detail = create(BadRequestSchema, {
    fieldViolations: violations.map(([field, description]) => create(BadRequest_FieldViolationSchema, { field, description })),
  });
  return new ConnectError("The request has invalid fields.", Code.InvalidArgument, undefined, [{ desc: BadRequestSchema, value: detail }]);
}

describe("describeError", () => {
  it("puts each field violation by its field", () => {
    const problem = describeError(badRequest(["type", "must be given"], ["contacted_on", "may not be in the future"]), "action");
    expect(problem.kind).toBe("invalid");
    expect(fieldError(problem, "type")).toBe("must be given");
    expect(fieldError(problem, "contacted_on")).toBe("may not be in the future");
    expect(fieldError(problem, "note")).toBeUndefined();
  });

  it("finds a violation named with a path or in another case", () => {
    const problem = describeError(badRequest(["request.Note", "at most 1000 characters"]));
    expect(fieldError(problem, "note")).toBe("at most 1000 characters");
  });

  it("shows the gateway's Dutch sentence for a violation, and the developer's text only where there is none", () => {
    const violation = (field: string, description: string, locale?: string, message?: string) =>
      create(BadRequest_FieldViolationSchema, { field, description, reason: locale ? "TOO_LONG" : "", localizedMessage: locale ? create(LocalizedMessageSchema, { locale, message }) : undefined });
    const detail = create(BadRequestSchema, {
      fieldViolations: [
        violation("words", "must be at most 500 characters", "nl-NL", "Gebruik hoogstens 500 tekens."),
        violation("note", "must be at most 2000 characters", "en-GB", "Use at most 2000 characters."),
        violation("review_on", "must fall in the contract's period"),
      ],
    });
    const problem = describeError(new ConnectError("The request has invalid fields.", Code.InvalidArgument, undefined, [{ desc: BadRequestSchema, value: detail }]), "action");
    expect(fieldError(problem, "words")).toBe("Gebruik hoogstens 500 tekens.");
    expect(fieldError(problem, "note")).toBe("must be at most 2000 characters");
    expect(fieldError(problem, "review_on")).toBe("must fall in the contract's period");
  });

  it("says why something cannot be done in the gateway's Dutch, and in the developer's words only without it", () => {
    const localized = create(LocalizedMessageSchema, { locale: "nl-NL", message: "Alle plaatsen van deze activiteit zijn bezet." });
    const full = new ConnectError("all 12 places of activity ac-1 are taken", Code.FailedPrecondition, undefined, [{ desc: LocalizedMessageSchema, value: localized }]);
    expect(describeError(full, "action").message).toBe("Alle plaatsen van deze activiteit zijn bezet.");
    const bare = new ConnectError("all 12 places of activity ac-1 are taken", Code.FailedPrecondition);
    expect(describeError(bare, "action").message).toBe("Dit kan nu niet. all 12 places of activity ac-1 are taken");
  });

  it("keeps violations of no known field for above the form", () => {
    const problem = describeError(badRequest(["x-purpose", "must be one of case_work, …"], ["note", "too long"]));
    expect(otherFieldErrors(problem, ["note"])).toEqual(["x-purpose: must be one of case_work, …"]);
  });

  it("reads the violations from grpc-status-details-bin as the gateway sends them", () => {
    // The gateway's reply: a google.rpc.Status with a packed BadRequest, base64 in the trailer.
    const detail = create(BadRequestSchema, { fieldViolations: [create(BadRequest_FieldViolationSchema, { field: "note", description: "too long" })] });
    const status = create(StatusSchema, { code: Code.InvalidArgument, message: "The request has invalid fields.", details: [anyPack(BadRequestSchema, detail)] });
    const bytes = toBinary(StatusSchema, status);
    const trailer = new Headers({
      "grpc-status": "3",
      "grpc-message": "The request has invalid fields.",
      "grpc-status-details-bin": btoa(String.fromCharCode(...bytes)).replace(/=+$/, ""),
    });
    const wire = findTrailerError(trailer);
    expect(wire).toBeDefined();
    const problem = describeError(wire);
    expect(problem.kind).toBe("invalid");
    expect(fieldError(problem, "note")).toBe("too long");
  });

  it("says a person may not be seen on PERMISSION_DENIED", () => {
    const problem = describeError(new ConnectError("no", Code.PermissionDenied));
    expect(problem.message).toBe("U mag deze persoon niet inzien.");
    expect(problem.retryable).toBe(false);
  });

  it("says the platform is busy and offers a retry on UNAVAILABLE", () => {
    const problem = describeError(new ConnectError("down", Code.Unavailable));
    expect(problem.message).toBe("Het platform is even druk, probeer het opnieuw.");
    expect(problem.retryable).toBe(true);
  });

  it("asks to sign in again on UNAUTHENTICATED", () => {
    expect(describeError(new ConnectError("expired", Code.Unauthenticated)).kind).toBe("unauthenticated");
  });

  it("turns anything thrown into a problem", () => {
    const problem = describeError(new Error("network down"));
    expect(problem.kind).toBe("other");
    expect(problem.retryable).toBe(true);
  });
});
