// Tables of 党员示范岗 / 党员先锋队 and 优秀党员 selection (issue 5): designations with period and review; selected members go to the honors registry.
// Import column helpers from './schema-columns' and the core tables from './schema' (references are
// lazy arrow functions, so the circular import is safe).
export {};
