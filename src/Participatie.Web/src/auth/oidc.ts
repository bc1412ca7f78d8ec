import { UserManager, WebStorageStateStore } from "oidc-client-ts";
import type { SignInConfig } from "./config";

// OpenID Connect, authorization code with PKCE (oidc-client-ts does PKCE for the code flow), against Auth:Authority.
// Its state and the user live in sessionStorage, never localStorage.

export const callbackPath = "/aanmelden/terug";

export function userManager(config: Pick<SignInConfig, "authority" | "clientId" | "scope">): UserManager {
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}${callbackPath}`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: "code",
    scope: config.scope,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
  });
}
