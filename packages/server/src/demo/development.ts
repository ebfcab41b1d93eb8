// Demo data: development cases at every stage.
import type { DemoContext } from './context';

export async function seedDevelopmentDemo(_ctx: DemoContext): Promise<void> {}
