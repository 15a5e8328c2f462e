import type { Messages } from '../messages/messages.js';
import { zhCN } from '../messages/zh-CN.js';

/** The words of `sellkit report team`, one set per language (kept beside the report). */
export interface TeamReportText {
  readonly title: string;
  readonly sections: {
    readonly leaderboard: string;
    readonly attainment: string;
    readonly commissions: string;
    readonly recommendations: string;
  };
  readonly columns: Readonly<Record<TeamColumn, string>>;
  readonly facts: {
    readonly tenant: string;
    readonly period: string;
    readonly currency: string;
    readonly commissionTotal: string;
  };
  readonly notes: { readonly leaderboard: string; readonly commissions: string };
}

type TeamColumn =
  | 'rank'
  | 'rep'
  | 'team'
  | 'actual'
  | 'target'
  | 'attainment'
  | 'band'
  | 'movement'
  | 'plan'
  | 'status'
  | 'quota'
  | 'credited'
  | 'commission'
  | 'overrides'
  | 'adjustments'
  | 'bonuses'
  | 'total'
  | 'course'
  | 'skills'
  | 'gaps'
  | 'ready'
  | 'why';

const EN: TeamReportText = {
  title: 'Team report',
  sections: {
    leaderboard: 'Leaderboard: won revenue',
    attainment: 'Quota attainment by team',
    commissions: 'Commissions',
    recommendations: 'Course recommendations',
  },
  columns: {
    rank: 'rank',
    rep: 'rep',
    team: 'team',
    actual: 'won revenue',
    target: 'quota',
    attainment: 'attainment %',
    band: 'band',
    movement: 'movement',
    plan: 'plan',
    status: 'status',
    quota: 'quota',
    credited: 'credited',
    commission: 'commission',
    overrides: 'overrides',
    adjustments: 'adjustments',
    bonuses: 'bonuses',
    total: 'total',
    course: 'course',
    skills: 'skills',
    gaps: 'gaps',
    ready: 'can enrol',
    why: 'why',
  },
  facts: {
    tenant: 'tenant',
    period: 'period',
    currency: 'currency',
    commissionTotal: 'commission total',
  },
  notes: {
    leaderboard: 'Movement: places gained since the previous period.',
    commissions: 'Adjustments are clawbacks (negative) and credit-backs of closed periods.',
  },
};

const ZH: TeamReportText = {
  title: '团队报告',
  sections: {
    leaderboard: '排行榜：赢单收入',
    attainment: '各团队配额完成率',
    commissions: '提成',
    recommendations: '课程推荐',
  },
  columns: {
    rank: '名次',
    rep: '销售代表',
    team: '团队',
    actual: '赢单收入',
    target: '配额',
    attainment: '完成率 %',
    band: '区间',
    movement: '名次变化',
    plan: '方案',
    status: '状态',
    quota: '配额',
    credited: '计入业绩',
    commission: '提成',
    overrides: '管理提成',
    adjustments: '调整',
    bonuses: '奖金',
    total: '合计',
    course: '课程',
    skills: '技能',
    gaps: '差距',
    ready: '可报名',
    why: '原因',
  },
  facts: {
    tenant: '租户',
    period: '期间',
    currency: '币种',
    commissionTotal: '提成合计',
  },
  notes: {
    leaderboard: '名次变化：与上一期间相比上升的名次。',
    commissions: '调整为已关闭期间的追回（负数）与重新计入。',
  },
};

/**
 * The report's words for a message catalogue: Chinese for the `zh-CN` one, else English
 * (machines always get English).
 *
 * @example
 * ```ts
 * teamReportText(zhCN).title; // '团队报告'
 * ```
 */
export function teamReportText(messages: Messages): TeamReportText {
  return messages === zhCN ? ZH : EN;
}
