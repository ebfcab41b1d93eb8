// Demo data of 谈心谈话.
import type { DemoContext } from './context';

export async function seedTalkDemo(_ctx: DemoContext): Promise<void> {}
