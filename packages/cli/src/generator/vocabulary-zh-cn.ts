// Word lists for the Chinese demo tenant (`sellkit demo --locale zh-CN`). Invented names only:
// no real company or person is meant. Every word carries its pinyin (no tones), which makes
// e-mail addresses, user ids and web domains.

/** A word and its pinyin. */
export type Worded = readonly [word: string, pinyin: string];

/** Common family names (姓), the most common weighted up, as people meet them. */
export const ZH_FAMILY_NAMES: readonly (readonly [Worded, number])[] = [
  [['王', 'wang'], 6],
  [['李', 'li'], 6],
  [['张', 'zhang'], 6],
  [['刘', 'liu'], 5],
  [['陈', 'chen'], 5],
  [['杨', 'yang'], 3],
  [['黄', 'huang'], 3],
  [['赵', 'zhao'], 3],
  [['吴', 'wu'], 3],
  [['周', 'zhou'], 3],
  [['徐', 'xu'], 2],
  [['孙', 'sun'], 2],
  [['马', 'ma'], 2],
  [['朱', 'zhu'], 2],
  [['胡', 'hu'], 2],
  [['郭', 'guo'], 2],
  [['何', 'he'], 2],
  [['林', 'lin'], 2],
  [['高', 'gao'], 2],
  [['罗', 'luo'], 2],
  [['郑', 'zheng'], 1],
  [['梁', 'liang'], 1],
  [['谢', 'xie'], 1],
  [['宋', 'song'], 1],
  [['唐', 'tang'], 1],
  [['韩', 'han'], 1],
  [['冯', 'feng'], 1],
  [['邓', 'deng'], 1],
  [['曹', 'cao'], 1],
  [['彭', 'peng'], 1],
  [['曾', 'zeng'], 1],
  [['肖', 'xiao'], 1],
  [['田', 'tian'], 1],
  [['董', 'dong'], 1],
  [['袁', 'yuan'], 1],
  [['潘', 'pan'], 1],
  [['蒋', 'jiang'], 1],
  [['蔡', 'cai'], 1],
  [['余', 'yu'], 1],
  [['杜', 'du'], 1],
  [['叶', 'ye'], 1],
  [['程', 'cheng'], 1],
  [['魏', 'wei'], 1],
  [['苏', 'su'], 1],
  [['吕', 'lyu'], 1],
  [['丁', 'ding'], 1],
  [['沈', 'shen'], 1],
  [['任', 'ren'], 1],
  [['姚', 'yao'], 1],
  [['钟', 'zhong'], 1],
  [['崔', 'cui'], 1],
  [['谭', 'tan'], 1],
  [['陆', 'lu'], 1],
  [['金', 'jin'], 1],
  [['方', 'fang'], 1],
  [['欧阳', 'ouyang'], 1],
];

/** Common given names (名), one or two characters. */
export const ZH_GIVEN_NAMES: readonly Worded[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['秀英', 'xiuying'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀兰', 'xiulan'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['桂英', 'guiying'],
  ['建华', 'jianhua'],
  ['建国', 'jianguo'],
  ['志强', 'zhiqiang'],
  ['海燕', 'haiyan'],
  ['晓明', 'xiaoming'],
  ['丹', 'dan'],
  ['鹏', 'peng'],
  ['辉', 'hui'],
  ['玲', 'ling'],
  ['浩', 'hao'],
  ['宇', 'yu'],
  ['欣怡', 'xinyi'],
  ['子涵', 'zihan'],
  ['梓萱', 'zixuan'],
  ['浩然', 'haoran'],
  ['宇轩', 'yuxuan'],
  ['俊杰', 'junjie'],
  ['嘉怡', 'jiayi'],
  ['雨桐', 'yutong'],
  ['思远', 'siyuan'],
  ['文博', 'wenbo'],
  ['佳琪', 'jiaqi'],
  ['婷', 'ting'],
  ['慧', 'hui'],
  ['红梅', 'hongmei'],
  ['国强', 'guoqiang'],
  ['立新', 'lixin'],
  ['海涛', 'haitao'],
  ['晨', 'chen'],
  ['琳', 'lin'],
  ['倩', 'qian'],
  ['雪', 'xue'],
  ['颖', 'ying'],
];

/** The descriptive word of a company name (字号): `华东`, `宏达`... */
export const ZH_TRADE_NAMES: readonly Worded[] = [
  ['华东', 'huadong'],
  ['华信', 'huaxin'],
  ['中科', 'zhongke'],
  ['宏达', 'hongda'],
  ['鸿运', 'hongyun'],
  ['恒通', 'hengtong'],
  ['新华', 'xinhua'],
  ['瑞丰', 'ruifeng'],
  ['博远', 'boyuan'],
  ['金桥', 'jinqiao'],
  ['天成', 'tiancheng'],
  ['兴业', 'xingye'],
  ['永盛', 'yongsheng'],
  ['嘉禾', 'jiahe'],
  ['东方', 'dongfang'],
  ['海天', 'haitian'],
  ['明德', 'mingde'],
  ['同创', 'tongchuang'],
  ['远景', 'yuanjing'],
  ['智达', 'zhida'],
  ['卓越', 'zhuoyue'],
  ['中联', 'zhonglian'],
  ['汇通', 'huitong'],
  ['安泰', 'antai'],
  ['鼎盛', 'dingsheng'],
  ['富华', 'fuhua'],
  ['冠华', 'guanhua'],
  ['锦程', 'jincheng'],
  ['诚泰', 'chengtai'],
  ['正阳', 'zhengyang'],
  ['蓝海', 'lanhai'],
  ['云帆', 'yunfan'],
  ['星辰', 'xingchen'],
  ['启明', 'qiming'],
  ['伟业', 'weiye'],
  ['联创', 'lianchuang'],
  ['华瑞', 'huarui'],
  ['万通', 'wantong'],
];

/** The industry word of a company name (行业), by industry code. */
export const ZH_INDUSTRY_WORDS: Readonly<Record<string, readonly Worded[]>> = {
  manufacturing: [
    ['机械', 'jixie'],
    ['精密制造', 'jingmi'],
    ['重工', 'zhonggong'],
    ['智能装备', 'zhuangbei'],
  ],
  retail: [
    ['商贸', 'shangmao'],
    ['百货', 'baihuo'],
    ['零售', 'lingshou'],
    ['贸易', 'maoyi'],
  ],
  technology: [
    ['科技', 'keji'],
    ['电子', 'dianzi'],
    ['信息技术', 'xinxi'],
    ['软件', 'ruanjian'],
  ],
  healthcare: [
    ['医疗器械', 'yiliao'],
    ['医药', 'yiyao'],
    ['健康科技', 'jiankang'],
    ['生物科技', 'shengwu'],
  ],
  finance: [
    ['投资', 'touzi'],
    ['融资租赁', 'zulin'],
    ['资产管理', 'zichan'],
    ['金融服务', 'jinrong'],
  ],
  logistics: [
    ['物流', 'wuliu'],
    ['供应链', 'gongyinglian'],
    ['运输', 'yunshu'],
    ['国际货运', 'huoyun'],
  ],
  energy: [
    ['能源', 'nengyuan'],
    ['电力', 'dianli'],
    ['新能源', 'xinnengyuan'],
    ['光伏', 'guangfu'],
  ],
  education: [
    ['教育科技', 'jiaoyu'],
    ['培训', 'peixun'],
    ['文化教育', 'wenjiao'],
    ['职业教育', 'zhijiao'],
  ],
  hospitality: [
    ['酒店管理', 'jiudian'],
    ['餐饮管理', 'canyin'],
    ['旅游发展', 'lvyou'],
    ['度假村', 'dujiacun'],
  ],
  construction: [
    ['建设工程', 'jianshe'],
    ['建筑', 'jianzhu'],
    ['工程技术', 'gongcheng'],
    ['建材', 'jiancai'],
  ],
};

/** Legal forms: most are limited companies, some joint-stock ones. */
export const ZH_LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 4],
  ['股份有限公司', 1],
];

/**
 * Regions (大区) of the Chinese tenant, each with its provinces and municipalities, each with
 * cities. Reps work a province; directors lead a region.
 */
export const ZH_TERRITORY_TREE = [
  {
    code: 'CN-EAST',
    name: '华东',
    areas: [
      { code: 'CN-SH', name: '上海', countries: [['CN', ['上海']]] },
      { code: 'CN-JS', name: '江苏', countries: [['CN', ['南京', '苏州', '无锡', '常州']]] },
      { code: 'CN-ZJ', name: '浙江', countries: [['CN', ['杭州', '宁波', '温州', '绍兴']]] },
      { code: 'CN-SD', name: '山东', countries: [['CN', ['济南', '青岛', '烟台']]] },
    ],
  },
  {
    code: 'CN-NORTH',
    name: '华北',
    areas: [
      { code: 'CN-BJ', name: '北京', countries: [['CN', ['北京']]] },
      { code: 'CN-TJ', name: '天津', countries: [['CN', ['天津']]] },
      { code: 'CN-HE', name: '河北', countries: [['CN', ['石家庄', '唐山', '保定']]] },
    ],
  },
  {
    code: 'CN-SOUTH',
    name: '华南',
    areas: [
      { code: 'CN-GD', name: '广东', countries: [['CN', ['广州', '深圳', '东莞', '佛山']]] },
      { code: 'CN-FJ', name: '福建', countries: [['CN', ['福州', '厦门', '泉州']]] },
    ],
  },
  {
    code: 'CN-WEST',
    name: '中西部',
    areas: [
      { code: 'CN-SC', name: '四川', countries: [['CN', ['成都', '绵阳']]] },
      { code: 'CN-CQ', name: '重庆', countries: [['CN', ['重庆']]] },
      { code: 'CN-HB', name: '湖北', countries: [['CN', ['武汉', '宜昌']]] },
    ],
  },
] as const;

/** The Chinese catalog: the same products as the English one, named in Chinese, priced in CNY. */
export const ZH_PRODUCTS = [
  { sku: 'SK-EDGE-100', name: '边缘网关 100', series: 'Edge', price: '9800.00', weight: 5 },
  { sku: 'SK-EDGE-300', name: '边缘网关 300', series: 'Edge', price: '26800.00', weight: 3 },
  { sku: 'SK-RACK-S', name: '机架服务器 S', series: 'Rack', price: '45800.00', weight: 4 },
  { sku: 'SK-RACK-L', name: '机架服务器 L', series: 'Rack', price: '98000.00', weight: 2 },
  { sku: 'SK-STOR-40', name: '存储阵列 40TB', series: 'Storage', price: '148000.00', weight: 2 },
  { sku: 'SK-SENSE-KIT', name: '传感器套件', series: 'IoT', price: '1580.00', weight: 6 },
  { sku: 'SK-CARE-1Y', name: '维保服务（1 年）', series: 'Services', price: '8000.00', weight: 4 },
  {
    sku: 'SK-ONSITE-D',
    name: '现场工程师服务（1 天）',
    series: 'Services',
    price: '3500.00',
    weight: 3,
  },
] as const;

export const ZH_JOB_TITLES = [
  '总经理',
  '财务总监',
  '技术总监',
  '采购总监',
  'IT 经理',
  '运营总监',
  '采购经理',
  '行政经理',
  '工程部经理',
  '办公室主任',
  '厂长',
  '物流主管',
] as const;

export const ZH_INTERACTION_SUBJECTS = {
  call: ['初次沟通电话', '跟进电话', '价格咨询', '例行回访', '续约沟通'],
  email: ['发送报价方案', '会议纪要', '产品规格书', '报价跟进', '初次介绍'],
  meeting: ['产品演示', '需求研讨会', '季度业务回顾', '商务谈判'],
  visit: ['现场勘察', '工厂参观', '安装验收'],
  note: ['内部预算已批准', '出现新的决策人', '竞争对手介入', '客户偏好邮件沟通'],
} as const;

export const ZH_TASK_TITLES = ['发送更新后的报价', '安排技术演示', '确认预算审批', '分享客户案例'];

export const ZH_COMPETITORS = ['北桥科技', '龙骨系统', '层云数据', '恒远智能'] as const;
