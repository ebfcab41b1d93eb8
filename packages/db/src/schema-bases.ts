// Tables of 一支部一阵地 (issue 4): activity rooms, devices, checklists, bookings, shared study materials.
// Import column helpers from './schema-columns' and the core tables from './schema' (references are
// lazy arrow functions, so the circular import is safe).
export {};
