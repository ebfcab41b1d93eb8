// Tables of 关怀 (issue 5): visits and help for members in difficulty or long illness, visible only to those allowed.
// Import column helpers from './schema-columns' and the core tables from './schema' (references are
// lazy arrow functions, so the circular import is safe).
export {};
