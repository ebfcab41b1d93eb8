// Tables of 党费 (issue 5): per-member dues bases and monthly amounts, the branch's monthly ledger,
// payments, reductions/exemptions. Money is integer fen.
// Import column helpers from './schema-columns' and the core tables from './schema' (references are
// lazy arrow functions, so the circular import is safe).
export {};
