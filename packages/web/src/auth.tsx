// Who is signed in: GET /api/v1/auth/me, shared by the layout, the menu and every page.
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@zhibu/contracts';
import { roleLabels, type Role } from '@zhibu/domain';
import { api } from './api/client';

export type Permission =
  | 'dashboard:read'
  | 'orgs:read'
  | 'orgs:manage'
  | 'members:read'
  | 'members:manage'
  | 'members:import'
  | 'self:read'
  | 'audit:read'
  | 'users:manage'
  | 'security:manage'
  | 'courts:manage'
  | 'rules:manage'
  | 'activities:read'
  | 'activities:manage'
  | 'reminders:read'
  | 'brands:read'
  | 'brands:manage'
  | 'rooms:read'
  | 'rooms:manage'
  | 'partnerships:read'
  | 'partnerships:manage'
  | 'development:read'
  | 'development:manage'
  | 'dues:read'
  | 'dues:manage'
  | 'evaluations:read'
  | 'evaluations:manage'
  | 'talks:read'
  | 'talks:manage'
  | 'care:read'
  | 'care:manage'
  | 'pioneers:read'
  | 'pioneers:manage';

export const meQueryKey = ['auth', 'me'] as const;

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: () => api.get<Me>('/auth/me'), retry: false, staleTime: 60_000 });
}

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in user (only inside the signed-in layout). */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the signed-in layout');
  return me;
}

export function can(me: Me, permission: Permission | undefined): boolean {
  return !permission || me.permissions.includes(permission);
}

export function useCan(permission: Permission): boolean {
  return can(useMe(), permission);
}

/** 党支部书记（中共…第一支部委员会） — what the header and account page show. */
export function describeGrants(me: Me): string[] {
  return me.grants.map((g) => {
    const label = roleLabels[g.role as Role] ?? g.role;
    return g.scopeName ? `${label}（${g.scopeName}）` : label;
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      /* already signed out */
    }
    client.clear();
  }, [client]);
}
