export { buildApp } from './app';
export { readConfig, type ServerConfig } from './config';
export type { Deps } from './deps';
export { createDeps } from './create-deps';
export { verifyAuditChain } from './lib/audit';
