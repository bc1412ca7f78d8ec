import { beforeEach, describe, expect, it } from "vitest";
import { callbackPath, userManager } from "./oidc";

describe("OpenID Connect sign-in", () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    window.localStorage.clear();
  });

  const manager = () => userManager({ authority: "https://login.gemeente.example", clientId: "participatie-web", scope: "openid profile" });

  it("uses the authorization code flow (PKCE) and comes back to the callback route", () => {
    const settings = manager().settings;
    expect(settings.response_type).toBe("code");
    expect(settings.authority).toBe("https://login.gemeente.example");
    expect(settings.client_id).toBe("participatie-web");
    expect(settings.redirect_uri).toBe(`${window.location.origin}${callbackPath}`);
    expect(settings.disablePKCE).toBe(false);
  });

  it("keeps the user and the sign-in state in sessionStorage, never in localStorage", async () => {
    const { userStore, stateStore } = manager().settings;
    await userStore.set("user:test", "{}");
    await stateStore.set("state:test", "{}");
    expect(window.sessionStorage.getItem("oidc.user:test")).toBe("{}");
    expect(window.sessionStorage.getItem("oidc.state:test")).toBe("{}");
    expect(window.localStorage.length).toBe(0);
  });
});
