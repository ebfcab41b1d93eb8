// Tables of 谈心谈话 (issue 5): talk records, 提醒谈话, yearly coverage of 支委↔支委, 支委↔党员, 党员↔党员.
// Import column helpers from './schema-columns' and the core tables from './schema' (references are
// lazy arrow functions, so the circular import is safe).
export {};
