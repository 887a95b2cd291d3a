import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { fetchSession, type Session } from './api.ts';

type SessionState = { session: Session | undefined; refresh: () => Promise<Session> };

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Holds who is signed in; pages refresh it after signing in or out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>();
  const refresh = useCallback(async () => {
    const next = await fetchSession();
    setSession(next);
    return next;
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <SessionContext.Provider value={{ session, refresh }}>{children}</SessionContext.Provider>;
}

/** The signed-in user (role `public` when nobody is), `undefined` while asking. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Whether the signed-in user's role has a right (`write-records`, `manage-advocacy`, …) at some level. */
export function hasRight(session: Session | undefined, right: string): boolean {
  return session?.rights.includes(right) ?? false;
}
