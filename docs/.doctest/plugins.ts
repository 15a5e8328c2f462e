// Names the fragments of docs/plugins.md take from their surroundings (type-checked only).
import type { ModuleScope } from '@sellkit/core';
import { opportunity as opportunityModel } from '@sellkit/pipeline';

/** The scope a module service, hook or job receives. */
export declare const scope: ModuleScope;
/** The pipeline's opportunity model. */
export const opportunity = opportunityModel;
