import { hasRole, type Actor } from '../../policy/actor';

/** Only the 安全审计员 reads the audit log (三员分立); the system administrator cannot. */
export const auditPolicy = {
  read: (a: Actor) => hasRole(a, 'auditor'),
};
