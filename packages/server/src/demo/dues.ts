// Demo data: a year of 党费 for the demo branches (bases, monthly amounts, payments, one member in arrears).
import type { DemoContext } from './context';

export async function seedDuesDemo(_ctx: DemoContext): Promise<void> {}
