#!/usr/bin/env node
// The `safety-card` command: runs the TypeScript entry through tsx's loader (no separate build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/safety-card.ts');
