/**
 * The references deals keep to companies, for `customers({ mergeReferences })`: merging two
 * companies then re-points their deals to the survivor in the merge's transaction (without it,
 * a merge of a company that has deals is refused with `CONFLICT`).
 *
 * @example
 * ```ts
 * import { catalog } from '@sellkit/catalog';
 * import { createSellkit, memory } from '@sellkit/core';
 * import { customers } from '@sellkit/customers';
 * const crm = await createSellkit({
 *   storage: memory(),
 *   modules: [customers({ mergeReferences: PIPELINE_COMPANY_REFERENCES }), catalog(), pipeline()],
 * });
 * ```
 */
export const PIPELINE_COMPANY_REFERENCES: readonly {
  readonly model: string;
  readonly field: string;
}[] = Object.freeze([{ model: 'opportunity', field: 'companyId' }]);
