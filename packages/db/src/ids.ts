import { v7 } from 'uuid';

/** IDs are UUIDv7 made in the app (DESIGN.md § Data): time-ordered, and PostgreSQL 15 lacks uuidv7(). */
export function newId(): string {
  return v7();
}
