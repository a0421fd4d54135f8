/**
 * Who is signed in to the console, and the impersonation in progress. The session itself is the
 * client's cookie session: on load the console asks for a new access token from the cookie
 * (`resume`), so a reload keeps you signed in without any token in storage.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onSessionEnded, type ResponseBody, resumeSession, session, unwrap } from './api.js';

export type User = ResponseBody<'/v1/auth/me'>;
export type ImpersonationGrant = ResponseBody<'/v1/auth/impersonate', 'post', 201>;

export interface Impersonation {
  grant: ImpersonationGrant;
  /** Epoch ms. */
  expiresAt: number;
}

const ADMIN_ROLES = ['admin', 'super_admin'];
const PRODUCTS_KEY = 'groundwork-admin-products';

export interface AuthState {
  status: 'checking' | 'signedOut' | 'signedIn';
  user: User | undefined;
  /** Why the console is signed out (session expired, not an admin), if it says so. */
  notice: string | undefined;
  /** Products this browser tab has signed in to (ids only, for the product switcher). */
  products: string[];
  signIn(input: { email: string; password: string; productId?: string | undefined }): Promise<void>;
  signOut(): Promise<void>;
  impersonation: Impersonation | undefined;
  startImpersonation(userId: string, reason: string): Promise<void>;
  stopImpersonation(): Promise<void>;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

function rememberedProducts(): string[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(PRODUCTS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthState['status']>('checking');
  const [user, setUser] = useState<User | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [products, setProducts] = useState<string[]>(rememberedProducts);
  const [impersonation, setImpersonation] = useState<Impersonation | undefined>();

  const becomeSignedIn = useCallback(async (me: User) => {
    if (!ADMIN_ROLES.includes(me.role)) {
      await session.signOut().catch(() => undefined);
      setUser(undefined);
      setStatus('signedOut');
      setNotice('This account is not an admin of the product: the console is for admins only.');
      return;
    }
    setUser(me);
    setNotice(undefined);
    setStatus('signedIn');
    setProducts((list) => {
      const next = list.includes(me.productId) ? list : [...list, me.productId];
      sessionStorage.setItem(PRODUCTS_KEY, JSON.stringify(next));
      return next;
    });
  }, []);

  useEffect(() => {
    let live = true;
    resumeSession()
      .then(async (resumed) => {
        if (!live) return;
        if (!resumed) return setStatus('signedOut');
        await becomeSignedIn(await unwrap(api.GET('/v1/auth/me')));
      })
      .catch(() => live && setStatus('signedOut'));
    return () => {
      live = false;
    };
  }, [becomeSignedIn]);

  useEffect(
    () =>
      onSessionEnded(() => {
        setUser(undefined);
        setImpersonation(undefined);
        setStatus('signedOut');
        setNotice('Your session has ended. Sign in again to continue.');
      }),
    [],
  );

  // An impersonation token cannot be renewed: forget it when it expires.
  useEffect(() => {
    if (!impersonation) return;
    const timer = setTimeout(
      () => setImpersonation(undefined),
      Math.max(0, impersonation.expiresAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [impersonation]);

  const value = useMemo<AuthState>(
    () => ({
      status,
      user,
      notice,
      products,
      impersonation,
      async signIn(input) {
        // Switching product: sign in to the new one first, so a wrong password changes nothing,
        // then end the previous session with its own access token.
        const previous = session.current()?.accessToken;
        const signedIn = await session.signIn(input);
        setImpersonation(undefined);
        if (previous) {
          void api
            .POST('/v1/auth/logout', { headers: { authorization: `Bearer ${previous}` } })
            .catch(() => undefined);
        }
        await becomeSignedIn(signedIn as User);
      },
      async signOut() {
        setImpersonation(undefined);
        try {
          await session.signOut();
        } finally {
          setUser(undefined);
          setStatus('signedOut');
          setNotice('You are signed out.');
        }
      },
      async startImpersonation(userId, reason) {
        const grant = await unwrap(
          api.POST('/v1/auth/impersonate', { body: { targetUserId: userId, reason } }),
        );
        setImpersonation({ grant, expiresAt: Date.now() + grant.expiresIn * 1000 });
      },
      async stopImpersonation() {
        const current = impersonation;
        setImpersonation(undefined);
        if (!current) return;
        const result = await api.POST('/v1/auth/impersonate/stop', {
          headers: { authorization: `Bearer ${current.grant.accessToken}` },
        });
        // Already over (expired) is fine; anything else is worth telling.
        if (!result.response.ok && result.response.status !== 401) {
          throw ApiError.from(result.error, result.response);
        }
      },
    }),
    [status, user, notice, products, impersonation, becomeSignedIn],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
