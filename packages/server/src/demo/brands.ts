// Demo data: brands of the demo branches, review scores, milestones, honors.
import type { DemoContext } from './context';

export async function seedBrandDemo(_ctx: DemoContext): Promise<void> {}
