import type { DemoProfile } from './demo-profile.js';
import {
  ZH_COMPETITORS,
  ZH_FAMILY_NAMES,
  ZH_GIVEN_NAMES,
  ZH_INDUSTRY_WORDS,
  ZH_INTERACTION_SUBJECTS,
  ZH_JOB_TITLES,
  ZH_LEGAL_FORMS,
  ZH_PRODUCTS,
  ZH_TASK_TITLES,
  ZH_TERRITORY_TREE,
  ZH_TRADE_NAMES,
} from './vocabulary-zh-cn.js';

/**
 * The Chinese demo tenant (`sellkit demo --locale zh-CN`): CNY prices and revenue, regions and
 * provinces of China, companies named city + trade name + industry + legal form
 * (`上海华信科技有限公司`), people family name first without a space (`张伟`).
 *
 * Its `timeZone` (Asia/Shanghai) becomes the tenant's remembered zone when the demo builds it.
 */
export const CHINESE_PROFILE: DemoProfile = {
  locale: 'zh-CN',
  currency: 'CNY',
  timeZone: 'Asia/Shanghai',
  dealSizes: { large: '1000000', medium: '400000' },
  territories: ZH_TERRITORY_TREE,
  products: ZH_PRODUCTS,
  revenuePerEmployee: [300_000, 1_600_000],
  jobTitles: ZH_JOB_TITLES,
  repTitles: {
    junior: '销售代表',
    senior: '客户经理',
    lead: '销售经理',
    head: '销售副总裁',
    manager: '销售经理',
    regionalDirector: (region) => `${region}区销售总监`,
  },
  teamName: (region, index) => `${region.name}${index === 0 ? '核心组' : `销售${index + 1}组`}`,
  interactionSubjects: ZH_INTERACTION_SUBJECTS,
  taskTitles: ZH_TASK_TITLES,
  competitors: ZH_COMPETITORS,
  person(random) {
    // Drawn given name first, then family name (the English order of draws); written family first.
    const [given, givenPinyin] = random.pick(ZH_GIVEN_NAMES);
    const [family, familyPinyin] = random.weighted(ZH_FAMILY_NAMES);
    return {
      firstName: given,
      lastName: family,
      fullName: `${family}${given}`,
      ascii: { first: givenPinyin, last: familyPinyin },
    };
  },
  companyName(random, industry, place) {
    const [trade, tradePinyin] = random.pick(ZH_TRADE_NAMES);
    const [word, wordPinyin] = random.pick(ZH_INDUSTRY_WORDS[industry] ?? [['实业', 'shiye']]);
    const form = random.weighted(ZH_LEGAL_FORMS);
    const name = `${place.city}${trade}${word}${form}`;
    return { name, legalName: name, domainStem: `${tradePinyin}-${wordPinyin}` };
  },
  opportunityTitle: (company, product) => `${company}：${product ?? '硬件与服务'}`,
};
