// 三员分立: the system administrator manages accounts, the security officer grants roles, unlocks
// accounts and sets security settings, the auditor reads the audit log. No one holds two of them.
import type { Role } from '@zhibu/domain';
import { hasRole, type Actor } from '../../policy/actor';

export const threeOfficerRoles: Role[] = ['sysAdmin', 'securityOfficer', 'auditor'];

export const usersPolicy = {
  listUsers: (a: Actor) => hasRole(a, 'sysAdmin', 'securityOfficer'),
  manageAccounts: (a: Actor) => hasRole(a, 'sysAdmin'),
  manageGrants: (a: Actor) => hasRole(a, 'securityOfficer'),
  manageSecurity: (a: Actor) => hasRole(a, 'securityOfficer'),
};

/** Why a role cannot be added to a user who already holds `existing`, or null. */
export function checkRoleSeparation(existing: Role[], adding: Role): string | null {
  const isOfficer = (r: Role) => threeOfficerRoles.includes(r);
  if (isOfficer(adding) && existing.some((r) => r !== adding)) return '三员（系统管理员、安全保密员、安全审计员）须由不同人员担任，且不兼任业务角色';
  if (!isOfficer(adding) && existing.some(isOfficer)) return '三员账号不能兼任业务角色';
  return null;
}
