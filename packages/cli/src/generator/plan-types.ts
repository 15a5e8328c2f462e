/** The shapes of a planned company: what happens to it, in time order. */

/** A contact of a planned company. */
export interface PlannedContact {
  readonly key: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string;
  readonly birthday: string | null;
  readonly workAnniversary: string | null;
  readonly preferredChannel: 'email' | 'phone' | 'meeting';
}

/** One product line: SKU, quantity and the unit price actually offered (the tenant's currency). */
export interface PlannedLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: string;
}

/** An opportunity's life: where it went and when. */
export interface PlannedOpportunity {
  readonly key: string;
  readonly title: string;
  readonly source: string;
  readonly contactKey: string | null;
  readonly lines: readonly PlannedLine[];
  readonly budgetConfirmed: boolean;
  readonly competitors: readonly string[];
  readonly expectedCloseDate: string;
}

/** Something that happens to a company at a moment, in the order it happened. */
export type CompanyEvent =
  | { readonly type: 'contact'; readonly at: number; readonly contact: PlannedContact }
  | {
      readonly type: 'interaction';
      readonly at: number;
      readonly kind: 'call' | 'email' | 'meeting' | 'visit' | 'note';
      readonly direction: 'inbound' | 'outbound';
      readonly subject: string;
      readonly durationMinutes: number | null;
      readonly contactKey: string | null;
    }
  | { readonly type: 'open'; readonly at: number; readonly opportunity: PlannedOpportunity }
  | {
      readonly type: 'move';
      readonly at: number;
      readonly opportunityKey: string;
      readonly stage: 'qualification' | 'proposal' | 'negotiation';
      readonly expectedCloseDate?: string;
    }
  | { readonly type: 'won'; readonly at: number; readonly opportunityKey: string }
  | {
      readonly type: 'lost';
      readonly at: number;
      readonly opportunityKey: string;
      readonly reason: string;
    }
  | {
      readonly type: 'completeTasks';
      readonly at: number;
      readonly opportunityKey: string;
    }
  | {
      readonly type: 'task';
      readonly at: number;
      readonly opportunityKey: string;
      readonly title: string;
      readonly dueAt: number;
      readonly done: boolean;
    };

export type InteractionKind = Extract<CompanyEvent, { type: 'interaction' }>['kind'];

/** A company and everything that happened to it during the demo year, in time order. */
export interface PlannedCompany {
  readonly index: number;
  readonly name: string;
  readonly legalName: string;
  readonly industry: string;
  readonly employees: number;
  /** Exact, in {@link PlannedCompany.currency}. */
  readonly annualRevenue: string;
  /** The currency of the revenue and of every price (`USD`, `CNY`). */
  readonly currency: string;
  readonly country: string;
  readonly city: string;
  readonly website: string;
  readonly phone: string;
  readonly foundedYear: number;
  readonly areaCode: string;
  readonly ownerKey: string;
  readonly tags: readonly string[];
  readonly lifecycleStage: 'lead' | 'prospect' | 'customer' | 'churned';
  readonly createdAt: number;
  readonly events: readonly CompanyEvent[];
}

/** The tags of the demo tenant. */
export const DEMO_TAGS = [
  'key account',
  'partner',
  'reference customer',
  'newsletter',
  'trade show',
] as const;
