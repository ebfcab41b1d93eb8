// Tables of 民主评议党员 (issue 5): annual rounds per branch, self-assessment, peer evaluation, grades, feedback.
// Import column helpers from './schema-columns' and the core tables from './schema' (references are
// lazy arrow functions, so the circular import is safe).
export {};
