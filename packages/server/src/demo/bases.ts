// Demo data: activity rooms, devices and bookings.
import type { DemoContext } from './context';

export async function seedBaseDemo(_ctx: DemoContext): Promise<void> {}
