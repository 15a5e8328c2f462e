export type {
  KernelFacade,
  ScopedSellkit,
  Sellkit,
  SellkitOptions,
} from './create-sellkit.js';
export { createSellkit } from './create-sellkit.js';
export type {
  AnyModule,
  AnyPlugin,
  ModuleDefinition,
  PluginDefinition,
  PluginEventHandlers,
  ScheduledJob,
  ScoringContribution,
  SellkitEventRegistry,
} from './definitions.js';
export { defineModule, definePlugin } from './definitions.js';
export type {
  EventsOf,
  ExtendedModels,
  ExtensionsOf,
  ModelsOf,
  RecordServices,
  ServicesOf,
} from './facade-types.js';
export type { InternalRecords, InternalWriteOptions } from './internal-records.js';
export type { ModelHooks, ModuleHandle, ModuleScope, RecordService } from './module-scope.js';
export { moduleHandle } from './module-scope.js';
export type {
  SellkitScheduler,
  TickAllOptions,
  TickAllReport,
  TickReport,
} from './scheduler.js';
export type { KernelRuntime } from './scope.js';
