import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import { ApiRequestError, api, apiClient, unwrap, type Api } from "../api";
import type { SessionResponse, User } from "./api-types";

interface Session {
  /** "loading" until `/api/auth/session` has answered once. */
  status: "loading" | "ready";
  user: User | null;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Takes over a session the server has just opened (invite acceptance). */
  adopt: (session: SessionResponse) => void;
  /**
   * The API client of this session: its writes carry the CSRF token, and a write answered 401
   * (the session ended on the server: expired, revoked) shows the app as signed out.
   */
  api: Api;
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
    // The first answer only: a sign-in that came back before it is the newer news.
    api.auth.session
      .$get()
      .then(unwrap)
      .then(
        (session) => live && setCurrent((known) => known ?? session),
        () => live && setCurrent((known) => known ?? PUBLIC),
      );
    return () => {
      live = false;
    };
  }, [initial]);

  const csrfToken = current?.csrf_token ?? null;

  const client = useMemo(
    () => apiClient({ csrfToken, onSessionEnded: () => setCurrent(PUBLIC) }),
    [csrfToken],
  );

  // Signing in while already signed in is a write with a session too, so it carries the token;
  // a refused sign-in (401, wrong password) leaves the session as it is.
  const login = useCallback(
    async (email: string, password: string) => {
      const answer = await apiClient({ csrfToken }).auth.login.$post({ json: { email, password } });
      setCurrent(await unwrap(answer));
    },
    [csrfToken],
  );

  const logout = useCallback(async () => {
    try {
      await apiClient({ csrfToken }).auth.logout.$post().then(unwrap);
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
      login,
      logout,
      adopt: setCurrent,
      api: client,
    }),
    [current, login, logout, client],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The session's API client, for writes (reads may use `api` from `web/api.ts` as well). */
export function useApi(): Api {
  return useSession().api;
}
