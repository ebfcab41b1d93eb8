// Column helpers shared by every schema file: calendar dates are `date` (strings 'YYYY-MM-DD'),
// instants are timestamptz, and every table carries created/updated instants (DESIGN.md § Data).
import { date, timestamp } from 'drizzle-orm/pg-core';

export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const day = (name: string) => date(name, { mode: 'string' });
export const timestamps = {
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
};
