// Demo data: partnerships and joint activities.
import type { DemoContext } from './context';

export async function seedPartnershipDemo(_ctx: DemoContext): Promise<void> {}
