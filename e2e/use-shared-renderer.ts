/** Run before each e2e test file: its shells read the renderer built once for the run (e2e/global-setup.ts). */
import { inject } from 'vitest';
import { useSharedRenderer } from './renderer-build.ts';

useSharedRenderer(inject('renderer'));
