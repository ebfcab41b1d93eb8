// Demo data of 关心关爱.
import type { DemoContext } from './context';

export async function seedCareDemo(_ctx: DemoContext): Promise<void> {}
