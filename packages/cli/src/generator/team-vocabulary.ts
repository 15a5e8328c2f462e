/** The words of the demo's team performance data (courses, plan name), per demo locale. */

/** A demo course: its key (also its external id), title, skills, length and prerequisite keys. */
export interface DemoCourse {
  readonly key: string;
  readonly title: string;
  readonly skills: readonly string[];
  readonly durationMinutes: number;
  readonly provider: string;
  readonly after: readonly string[];
}

/** The team words of one demo locale. */
export interface TeamVocabulary {
  readonly planName: string;
  readonly reopenReason: string;
  readonly courses: readonly DemoCourse[];
}

/** Skills are the default skill-gap rules' (`closing`, `negotiation`, ...): every gap has a course. */
const ENGLISH: TeamVocabulary = {
  planName: 'Sales reps (quarterly, marginal tiers)',
  reopenReason: 'Customer withdrew the signed order',
  courses: [
    {
      key: 'neg-101',
      title: 'Negotiation basics',
      skills: ['negotiation'],
      durationMinutes: 90,
      provider: 'Sales Academy',
      after: [],
    },
    {
      key: 'neg-201',
      title: 'Advanced negotiation and closing',
      skills: ['negotiation', 'closing'],
      durationMinutes: 240,
      provider: 'Sales Academy',
      after: ['neg-101'],
    },
    {
      key: 'pipe-101',
      title: 'Pipeline management',
      skills: ['pipeline-management'],
      durationMinutes: 120,
      provider: 'Sales Academy',
      after: [],
    },
    {
      key: 'prosp-101',
      title: 'Prospecting that works',
      skills: ['prospecting'],
      durationMinutes: 60,
      provider: 'Outbound Lab',
      after: [],
    },
    {
      key: 'prod-101',
      title: 'Product deep dive',
      skills: ['product-knowledge'],
      durationMinutes: 180,
      provider: 'Product team',
      after: [],
    },
    {
      key: 'obj-101',
      title: 'Handling objections',
      skills: ['objection-handling'],
      durationMinutes: 90,
      provider: 'Outbound Lab',
      after: [],
    },
  ],
};

const CHINESE: TeamVocabulary = {
  planName: '销售代表提成方案（按季度，分段累进）',
  reopenReason: '客户撤回已签订单',
  courses: [
    {
      key: 'neg-101',
      title: '谈判基础',
      skills: ['negotiation'],
      durationMinutes: 90,
      provider: '销售学院',
      after: [],
    },
    {
      key: 'neg-201',
      title: '高级谈判与成交',
      skills: ['negotiation', 'closing'],
      durationMinutes: 240,
      provider: '销售学院',
      after: ['neg-101'],
    },
    {
      key: 'pipe-101',
      title: '销售管道管理',
      skills: ['pipeline-management'],
      durationMinutes: 120,
      provider: '销售学院',
      after: [],
    },
    {
      key: 'prosp-101',
      title: '高效开发新客户',
      skills: ['prospecting'],
      durationMinutes: 60,
      provider: '拓客实验室',
      after: [],
    },
    {
      key: 'prod-101',
      title: '产品深度培训',
      skills: ['product-knowledge'],
      durationMinutes: 180,
      provider: '产品部',
      after: [],
    },
    {
      key: 'obj-101',
      title: '异议处理',
      skills: ['objection-handling'],
      durationMinutes: 90,
      provider: '拓客实验室',
      after: [],
    },
  ],
};

/**
 * The team words for a demo locale (`zh-CN` or English).
 *
 * @example
 * ```ts
 * teamVocabularyFor('zh-CN').courses[0]?.title; // '谈判基础'
 * ```
 */
export function teamVocabularyFor(locale: string): TeamVocabulary {
  return locale.startsWith('zh') ? CHINESE : ENGLISH;
}
