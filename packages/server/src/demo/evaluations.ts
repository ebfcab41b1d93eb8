// Demo data of 民主评议党员.
import type { DemoContext } from './context';

export async function seedEvaluationDemo(_ctx: DemoContext): Promise<void> {}
