// Names the fragments of docs/storage-adapters.md take from their surroundings (type-checked only).

/** Whatever your engine needs to connect. */
export interface MyOptions {
  url?: string;
}
