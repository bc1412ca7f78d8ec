// Who is signed in: a bearer token with its role and subject. Kept in sessionStorage (gone when the tab closes),
// never in localStorage.

export type Session = {
  token: string;
  role: string;
  subject: string;
  neighbourhood?: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** How the person signed in: the development key of the Local profile, or the municipality's identity provider. */
  method: "development" | "oidc";
};

const key = "participatie.session";

/** The claims of a JWT (without checking its signature: the server does that). Null when it is no JWT. */
export function tokenClaims(token: string): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) {
    return null;
  }
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
    const json = decodeURIComponent(
      Array.from(atob(padded), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join(""),
    );
    const claims: unknown = JSON.parse(json);
    return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A session from a token the platform accepts: it names one role and a subject, and when it expires. */
export function sessionFromToken(token: string, method: Session["method"]): Session | null {
  const claims = tokenClaims(token);
  if (!claims) {
    return null;
  }
  const role = claims["role"];
  const subject = claims["sub"];
  const exp = claims["exp"];
  const nbh = claims["nbh"];
  if (typeof role !== "string" || typeof subject !== "string" || typeof exp !== "number") {
    return null;
  }
  return { token, role, subject, expiresAt: exp * 1000, method, ...(typeof nbh === "string" ? { neighbourhood: nbh } : {}) };
}

export function isExpired(session: Session, now: number = Date.now()): boolean {
  // A token that ends within half a minute is treated as ended: a call made with it could be refused on the way.
  return session.expiresAt - 30_000 <= now;
}

export function loadSession(storage: Storage = window.sessionStorage): Session | null {
  const raw = storage.getItem(key);
  if (!raw) {
    return null;
  }
  try {
    const parsed = JSON.parse(raw) as Session;
    return typeof parsed.token === "string" && !isExpired(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session, storage: Storage = window.sessionStorage): void {
  storage.setItem(key, JSON.stringify(session));
}

export function clearSession(storage: Storage = window.sessionStorage): void {
  storage.removeItem(key);
}
