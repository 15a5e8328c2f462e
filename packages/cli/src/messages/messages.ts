/**
 * The words the CLI prints for people, one catalogue per language (`en.ts`, `zh-CN.ts`). Every
 * catalogue is typed as {@link Messages}, so a key missing from one is a compile error.
 * Machines (`--json`, `--csv`) always get the English catalogue: their titles never change
 * with the locale.
 */
export interface Messages {
  /** A group without a value (`(none)`), and an empty table. */
  readonly none: string;
  /** A deal without an expected close date. */
  readonly noDate: string;
  readonly yes: string;
  readonly no: string;
  /** Ends a table's title in plain text (`Pipeline by stage:`, `各阶段销售管道：`). */
  readonly titleEnd: string;
  /** Score bands of the pipeline's priority rules. */
  readonly bands: { readonly hot: string; readonly warm: string; readonly cold: string };
  /**
   * Words for codes stored as data, by code: lifecycle stages, industries, size classes, stage
   * kinds. A code not listed (a host's own industry) is shown as stored.
   */
  readonly codes: Readonly<Record<CodeList, Readonly<Record<string, string>>>>;
  /** The default pipeline's name (`Sales`); other pipelines keep their own. */
  readonly defaultPipelineName: string;
  /** Names of the default pipeline's stages by key (other pipelines keep their own names). */
  readonly stageNames: Readonly<Record<DefaultStageKey, string>>;
  readonly pipelineReport: {
    readonly title: string;
    readonly sections: Readonly<Record<PipelineSection, string>>;
    readonly columns: Readonly<Record<PipelineColumn, string>>;
    readonly facts: Readonly<Record<PipelineFact, string>>;
  };
  readonly customersReport: {
    readonly title: string;
    readonly sections: Readonly<Record<CustomersSection, string>>;
    readonly columns: Readonly<Record<CustomersColumn, string>>;
    readonly facts: Readonly<Record<CustomersFact, string>>;
  };
  readonly ordersReport: {
    readonly title: string;
    readonly sections: Readonly<Record<OrdersSection, string>>;
    readonly columns: Readonly<Record<OrdersColumn, string>>;
    readonly facts: Readonly<Record<OrdersFact, string>>;
    /** Order states by code (`partially-shipped`...). */
    readonly states: Readonly<Record<string, string>>;
  };
  readonly demo: {
    readonly title: (tenantId: string) => string;
    readonly sections: Readonly<Record<Exclude<DemoSection, 'overdueTasks' | 'birthdays'>, string>>;
    readonly overdueTasks: (total: number) => string;
    readonly birthdays: (days: number) => string;
    readonly columns: Readonly<Record<DemoColumn, string>>;
    readonly facts: Readonly<Record<DemoFact, string>>;
    /** After the won revenue: ` (12 deals)`. */
    readonly wonDeals: (deals: string) => string;
    /** After a close month that has passed: ` (past due)`. */
    readonly pastDue: string;
    /** The line after a fresh build; counts come formatted. */
    readonly built: (facts: {
      readonly where: string;
      readonly companies: string;
      readonly contacts: string;
      readonly interactions: string;
      readonly opportunities: string;
      readonly rows: string;
      readonly seconds: string;
    }) => string;
    /** An elapsed time, its number already formatted: `9.6 s`. */
    readonly seconds: (value: string) => string;
    /** The line after showing an existing tenant. */
    readonly shown: (where: string, seconds: string) => string;
  };
}

/** The lists of codes {@link Messages.codes} words. */
export type CodeList = 'lifecycle' | 'industry' | 'sizeClass' | 'stageKind';

/** Stage keys of the default pipeline. */
export type DefaultStageKey =
  | 'prospecting'
  | 'qualification'
  | 'proposal'
  | 'negotiation'
  | 'won'
  | 'lost';

type PipelineSection =
  | 'stages'
  | 'wonByTerritory'
  | 'wonByProduct'
  | 'wonByMonth'
  | 'winRateByOwner';
type PipelineColumn =
  | 'pipeline'
  | 'stage'
  | 'deals'
  | 'amount'
  | 'weighted'
  | 'currency'
  | 'probability'
  | 'kind'
  | 'withoutAmount'
  | 'territory'
  | 'product'
  | 'lines'
  | 'month'
  | 'revenue'
  | 'owner'
  | 'won'
  | 'lost'
  | 'winRate';
type PipelineFact = 'tenant' | 'weightedPipeline' | 'wonDeals' | 'wonRevenue';

type CustomersSection =
  | 'lifecycle'
  | 'industries'
  | 'sizes'
  | 'countries'
  | 'territories'
  | 'owners'
  | 'interactionsByMonth';
type CustomersColumn =
  | 'stage'
  | 'companies'
  | 'industry'
  | 'employees'
  | 'sizeClass'
  | 'country'
  | 'territory'
  | 'owner'
  | 'month'
  | 'call'
  | 'email'
  | 'meeting'
  | 'visit'
  | 'note'
  | 'total';
type CustomersFact = 'tenant' | 'companies' | 'contacts' | 'interactions';

type OrdersSection = 'byState' | 'byMonth' | 'byProduct';
type OrdersColumn =
  | 'status'
  | 'month'
  | 'product'
  | 'orders'
  | 'lines'
  | 'quantity'
  | 'net'
  | 'tax'
  | 'gross'
  | 'currency';
type OrdersFact = 'tenant' | 'orders' | 'quotes';

type DemoSection = 'pipeline' | 'forecast' | 'topReps' | 'overdueTasks' | 'birthdays' | 'topDeals';
type DemoColumn =
  | 'stage'
  | 'deals'
  | 'amount'
  | 'weighted'
  | 'month'
  | 'rep'
  | 'won'
  | 'lost'
  | 'winRate'
  | 'revenue'
  | 'overdue'
  | 'oldestTask'
  | 'daysLate'
  | 'date'
  | 'contact'
  | 'company'
  | 'turns'
  | 'deal'
  | 'owner'
  | 'score'
  | 'band'
  | 'why';
type DemoFact = 'weightedForecast' | 'wonRevenue' | 'overdueTasks';
