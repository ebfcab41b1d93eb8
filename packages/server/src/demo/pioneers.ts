// Demo data of 示范岗与先锋队.
import type { DemoContext } from './context';

export async function seedPioneerDemo(_ctx: DemoContext): Promise<void> {}
