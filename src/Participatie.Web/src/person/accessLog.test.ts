import { describe, expect, it } from "vitest";
import { describeAccess } from "./accessLog";

const base = { actorRole: "coach", actorId: "co-0000000000000001", action: "ClientService.GetClient", purpose: "case_work", outcome: "OK", clientId: "cl-0000000000000001" };

describe("describeAccess", () => {
  it("names staff by role and says why and what in words", () => {
    expect(describeAccess(base)).toEqual({ who: "Uw klantmanager", why: "Voor uw begeleiding", what: "bekeek uw gegevens" });
  });

  it("calls the person's own reads 'U zelf'", () => {
    const own = describeAccess({ ...base, actorRole: "person", actorId: base.clientId, purpose: "own_record", action: "ClientService.GetBenefitStatement" });
    expect(own).toEqual({ who: "U zelf", why: "U bekeek uw eigen gegevens", what: "bekeek uw uitkeringsspecificatie" });
  });

  it("says when an attempt was refused or a change was started", () => {
    expect(describeAccess({ ...base, outcome: "PermissionDenied" }).what).toBe("bekeek uw gegevens (geweigerd)");
    expect(describeAccess({ ...base, action: "RecordService.AddJournalEntry", outcome: "Started" }).what).toBe("schreef een notitie in uw dossier (gestart)");
    expect(describeAccess({ ...base, outcome: "Unavailable" }).what).toBe("bekeek uw gegevens (niet gelukt)");
  });

  it("keeps an unknown action and purpose readable instead of hiding them", () => {
    const line = describeAccess({ ...base, action: "NewService.DoSomething", purpose: "something_new" });
    expect(line.what).toBe("deed iets met uw gegevens (NewService.DoSomething)");
    expect(line.why).toBe("something_new");
  });

  it("says for whom an admin acted, without naming staff by id", () => {
    const admin = { ...base, actorRole: "admin", actorId: "ssc-desk", purpose: "payment", action: "ClientService.ReportEarnings" };
    expect(describeAccess({ ...admin, onBehalfOf: base.clientId }).who).toBe("Een beheerder van de gemeente, namens u");
    expect(describeAccess({ ...admin, onBehalfOf: "co-0000000000000002" }).who).toBe("Een beheerder van de gemeente, namens een klantmanager");
    expect(describeAccess({ ...admin, onBehalfOf: "pt-buurthuis" }).who).toBe("Een beheerder van de gemeente, namens een organisatie van een activiteit");
    expect(describeAccess({ ...admin, onBehalfOf: "" }).who).toBe("Een beheerder van de gemeente");
  });

  it("says so when no purpose was given", () => {
    expect(describeAccess({ ...base, purpose: "" }).why).toBe("Geen reden opgegeven");
  });
});
