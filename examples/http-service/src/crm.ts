import { catalog } from '@sellkit/catalog';
import { createSellkit, type StorageAdapter } from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { PIPELINE_COMPANY_REFERENCES, pipeline } from '@sellkit/pipeline';

/** The Sellkit composition the service exposes: customers, a EUR catalog and the pipeline. */
export function createCrm(storage: StorageAdapter) {
  return createSellkit({
    storage,
    modules: [
      customers({ mergeReferences: PIPELINE_COMPANY_REFERENCES }),
      catalog({ currency: 'EUR' }),
      pipeline(),
    ],
  });
}

/** The composed Sellkit. */
export type Crm = Awaited<ReturnType<typeof createCrm>>;

/** Sellkit as one tenant's actor: what a request works with after authentication. */
export type CrmSession = ReturnType<Crm['as']>;
