// The sign-in settings the silo publishes at /auth/config, and the development sign-in of the Local profile.

export type SignInConfig = {
  developmentSignIn: boolean;
  authority: string;
  clientId: string;
  scope: string;
  /** This host serves the Orleans Dashboard to admins (Dashboard:Enabled). */
  dashboard: boolean;
};

export async function fetchSignInConfig(): Promise<SignInConfig> {
  const response = await fetch("/auth/config", { headers: { accept: "application/json" } });
  if (!response.ok) {
    throw new Error(`auth/config answered ${response.status}`);
  }
  return (await response.json()) as SignInConfig;
}

export type DevelopmentSignInResult = { ok: true; token: string } | { ok: false; field: string | null };

/**
 * Asks the silo for a short-lived token for a role and id (and a team member's neighbourhood); only a host that
 * accepts the development key has this.
 */
export async function developmentSignIn(role: string, subject: string, neighbourhood?: string): Promise<DevelopmentSignInResult> {
  const response = await fetch("/auth/dev-token", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(neighbourhood ? { role, subject, neighbourhood } : { role, subject }),
  });
  if (response.status === 400) {
    const problem = (await response.json()) as { field?: string };
    return { ok: false, field: problem.field ?? null };
  }
  if (!response.ok) {
    throw new Error(`auth/dev-token answered ${response.status}`);
  }
  const body = (await response.json()) as { token: string };
  return { ok: true, token: body.token };
}
