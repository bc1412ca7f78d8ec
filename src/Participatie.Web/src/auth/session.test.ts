import { beforeEach, describe, expect, it } from "vitest";
import { clearSession, isExpired, loadSession, saveSession, sessionFromToken, tokenClaims } from "./session";

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `${encode({ alg: "HS256", typ: "JWT" })}.${encode(claims)}.signature`;
}

const inAnHour = Math.floor(Date.now() / 1000) + 3600;

describe("tokens", () => {
  it("reads the role, subject and expiry of a token", () => {
    const session = sessionFromToken(jwt({ role: "coach", sub: "co-abc", exp: inAnHour }), "development");
    expect(session).toMatchObject({ role: "coach", subject: "co-abc", expiresAt: inAnHour * 1000, method: "development" });
  });
  it("keeps a team member's neighbourhood", () => {
    expect(sessionFromToken(jwt({ role: "team", sub: "t1", nbh: "wk-bloemhof", exp: inAnHour }), "oidc")?.neighbourhood).toBe("wk-bloemhof");
  });
  it("refuses a token without role or expiry", () => {
    expect(sessionFromToken(jwt({ sub: "co-abc", exp: inAnHour }), "oidc")).toBeNull();
    expect(sessionFromToken(jwt({ role: "coach", sub: "co-abc" }), "oidc")).toBeNull();
    expect(sessionFromToken("not a token", "oidc")).toBeNull();
  });
  it("reads claims with characters outside ASCII", () => {
    // A JWT's payload is base64url of UTF-8 bytes.
    const bytes = new TextEncoder().encode(JSON.stringify({ name: "Ümit" }));
    const utf8 = btoa(String.fromCharCode(...bytes)).replace(/=+$/, "");
    expect(tokenClaims(`x.${utf8}.y`)).toEqual({ name: "Ümit" });
  });
  it("treats a token that ends within half a minute as ended", () => {
    const session = sessionFromToken(jwt({ role: "coach", sub: "co-abc", exp: inAnHour }), "oidc")!;
    expect(isExpired(session, session.expiresAt - 60_000)).toBe(false);
    expect(isExpired(session, session.expiresAt - 10_000)).toBe(true);
  });
});

describe("session storage", () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    window.localStorage.clear();
  });

  it("keeps the session in sessionStorage and never in localStorage", () => {
    const session = sessionFromToken(jwt({ role: "coach", sub: "co-abc", exp: inAnHour }), "oidc")!;
    saveSession(session);
    expect(loadSession()).toEqual(session);
    expect(window.localStorage.length).toBe(0);
    clearSession();
    expect(loadSession()).toBeNull();
  });

  it("forgets an expired session", () => {
    const session = sessionFromToken(jwt({ role: "coach", sub: "co-abc", exp: Math.floor(Date.now() / 1000) - 10 }), "oidc")!;
    saveSession(session);
    expect(loadSession()).toBeNull();
  });
});
