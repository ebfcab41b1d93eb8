// Tables of 发展党员 (issue 5): development cases and their 25 steps.
// Import column helpers from './schema-columns' and the core tables from './schema' (references are
// lazy arrow functions, so the circular import is safe).
export {};
