#!/usr/bin/env node
// The `zhibu` command. The project runs its TypeScript sources through tsx (no build step for
// the server side), so this launcher registers tsx's loader and hands over to src/main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main(process.argv.slice(2));
