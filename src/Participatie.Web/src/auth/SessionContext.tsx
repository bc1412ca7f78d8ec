import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { createApi, platformTransport, type Api } from "../api/clients";
import { clearSession, loadSession, saveSession, type Session } from "./session";

type SessionState = {
  session: Session | null;
  signIn: (session: Session) => void;
  signOut: () => void;
  api: Api;
};

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children, transportBaseUrl }: { children: ReactNode; transportBaseUrl?: string }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  // The transport reads the token at each call, so that one client serves every session of this tab.
  const current = useRef<Session | null>(session);
  current.current = session;
  const api = useMemo(() => createApi(platformTransport(() => current.current?.token ?? null, transportBaseUrl)), [transportBaseUrl]);

  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);

  const value = useMemo(() => ({ session, signIn, signOut, api }), [session, signIn, signOut, api]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error("useSession outside SessionProvider");
  }
  return value;
}

/** The API, for screens that are only shown to someone signed in. */
export function useApi(): Api {
  return useSession().api;
}

/** The signed-in session, for screens that are only shown to someone signed in. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) {
    throw new Error("useSignedIn without a session");
  }
  return session;
}
