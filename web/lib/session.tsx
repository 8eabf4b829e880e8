import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import { ApiRequestError } from "../api";
import type { SessionResponse, User } from "./account-types";
import { getJson, sendJson, type WriteMethod } from "./http";

interface Session {
  /** "loading" until `/api/auth/session` has answered once. */
  status: "loading" | "ready";
  user: User | null;
  csrfToken: string | null;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Takes over a session the server has just opened (invite acceptance). */
  adopt: (session: SessionResponse) => void;
  /** `sendJson` with this session's CSRF token. */
  send: <T>(method: WriteMethod, path: string, body?: unknown) => Promise<T>;
}

const SessionContext = createContext<Session | null>(null);

const PUBLIC: SessionResponse = { user: null, csrf_token: null };

interface Props {
  children: ReactNode;
  /** A known session, which skips the request (tests, and pages rendered in isolation). */
  initial?: SessionResponse;
}

/** The signed-in user and the CSRF token, held in memory only: never in storage. */
export function SessionProvider({ children, initial }: Props) {
  const [current, setCurrent] = useState<SessionResponse | null>(initial ?? null);

  useEffect(() => {
    if (initial) return;
    let live = true;
    getJson<SessionResponse>("/api/auth/session").then(
      (session) => live && setCurrent(session),
      () => live && setCurrent(PUBLIC),
    );
    return () => {
      live = false;
    };
  }, [initial]);

  const csrfToken = current?.csrf_token ?? null;

  const send = useCallback(
    async <T,>(method: WriteMethod, path: string, body?: unknown): Promise<T> => {
      try {
        return await sendJson<T>(method, path, body, csrfToken);
      } catch (error) {
        // The session ended on the server (expired, revoked): show the app as signed out.
        if (error instanceof ApiRequestError && error.status === 401) setCurrent(PUBLIC);
        throw error;
      }
    },
    [csrfToken],
  );

  // Signing in while already signed in is a write with a session too, so it carries the token.
  const login = useCallback(
    async (email: string, password: string) => {
      const body = { email, password };
      setCurrent(await sendJson<SessionResponse>("POST", "/api/auth/login", body, csrfToken));
    },
    [csrfToken],
  );

  const logout = useCallback(async () => {
    try {
      await sendJson<void>("POST", "/api/auth/logout", undefined, csrfToken);
    } catch (error) {
      // A session the server has already ended is as good as logged out.
      if (!(error instanceof ApiRequestError && error.status === 401)) throw error;
    }
    setCurrent(PUBLIC);
  }, [csrfToken]);

  const value = useMemo<Session>(
    () => ({
      status: current ? "ready" : "loading",
      user: current?.user ?? null,
      csrfToken,
      login,
      logout,
      adopt: setCurrent,
      send,
    }),
    [current, csrfToken, login, logout, send],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
