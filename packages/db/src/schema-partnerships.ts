// Tables of 联建 / 四联 (issue 4): partnerships between branches and counterpart units.
// Import column helpers from './schema-columns' and the core tables from './schema' (references are
// lazy arrow functions, so the circular import is safe).
export {};
