export * from './connection';
export * from './ids';
export * as schema from './schema';
