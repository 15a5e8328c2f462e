import { definePipeline } from '../pipelines/define-pipeline.js';

/** The pipeline Maven CRM's deals are imported into: Prospecting → Engaging → Won / Lost. */
export const MAVEN_PIPELINE = definePipeline({
  key: 'maven',
  name: 'Maven CRM',
  stages: [
    { key: 'prospecting', name: 'Prospecting', probability: 10 },
    { key: 'engaging', name: 'Engaging', probability: 40 },
    { key: 'won', name: 'Won', kind: 'won', probability: 100 },
    { key: 'lost', name: 'Lost', kind: 'lost', probability: 0 },
  ],
});

/** `deal_stage` values of `sales_pipeline.csv` → stage keys of {@link MAVEN_PIPELINE}. */
export const MAVEN_STAGES: Readonly<Record<string, string>> = Object.freeze({
  Prospecting: 'prospecting',
  Engaging: 'engaging',
  Won: 'won',
  Lost: 'lost',
});

/** Other spellings of products in `sales_pipeline.csv`, added as catalog aliases. */
export const MAVEN_PRODUCT_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  GTXPro: 'GTX Pro',
});
