import type { EventMap } from '../events/event-bus.js';
import type { AnyModel, FieldMap, ModelDefinition } from '../model/define-model.js';
import type { AnyModule, AnyPlugin, ModuleDefinition, PluginDefinition } from './definitions.js';
import type { RecordService } from './module-scope.js';

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I,
) => void
  ? I
  : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** `{ customers: CustomerServices, pipeline: PipelineServices }` from a module list. */
export type ServicesOf<Modules extends readonly AnyModule[]> = Simplify<
  UnionToIntersection<
    {
      [I in keyof Modules]: Modules[I] extends ModuleDefinition<
        infer Id,
        infer _M,
        infer _E,
        infer S
      >
        ? unknown extends S
          ? never
          : { readonly [K in Id]: S }
        : never;
    }[number]
  >
>;

/** Every model the modules (and plugins) declare, keyed by name. */
export type ModelsOf<
  Modules extends readonly AnyModule[],
  Plugins extends readonly AnyPlugin[],
> = Simplify<
  UnionToIntersection<
    | {
        [I in keyof Modules]: Modules[I] extends ModuleDefinition<
          string,
          infer M,
          infer _E,
          infer _S
        >
          ? M
          : never;
      }[number]
    | { [I in keyof Plugins]: Plugins[I] extends { models: infer M } ? M : never }[number]
  >
>;

/** The fields plugins add, keyed by model name. */
export type ExtensionsOf<Plugins extends readonly AnyPlugin[]> = UnionToIntersection<
  { [I in keyof Plugins]: Plugins[I] extends PluginDefinition<string, infer X> ? X : never }[number]
>;

/** Models with the plugin fields merged in: what the facade's types show. */
export type ExtendedModels<Models, Extensions> = {
  [K in keyof Models]: Models[K] extends ModelDefinition<infer Name, infer F>
    ? K extends keyof Extensions
      ? Extensions[K] extends FieldMap
        ? ModelDefinition<Name, F & Extensions[K]>
        : Models[K]
      : Models[K]
    : never;
};

/** The event map of every module, merged. */
export type EventsOf<Modules extends readonly AnyModule[]> = Simplify<
  UnionToIntersection<
    {
      [I in keyof Modules]: Modules[I] extends ModuleDefinition<string, infer _M, infer E, infer _S>
        ? E extends EventMap
          ? E
          : never
        : never;
    }[number]
  >
>;

/** Typed record services for every model: `scoped.records.company.find(...)`. */
export type RecordServices<Models> = {
  readonly [K in keyof Models]: Models[K] extends AnyModel ? RecordService<Models[K]> : never;
};
