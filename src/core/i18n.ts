/**
 * Interface text in Chinese and English, without React: a view's words travel with the view
 * (defineMessages in its messages.ts), this file holds the shared ones, and `translate` and
 * `nameOf` work the same in charts, sentences, scripts and the page (the React hooks are in
 * src/ui/i18n.ts).
 */
import type { Lang } from './url';

export type Messages<K extends string> = { zh: Record<K, string>; en: Record<K, string> };

export function defineMessages<K extends string>(m: Messages<K>): Messages<K> {
  return m;
}

export type Params = Record<string, string | number>;

/**
 * `{name}` is replaced by a parameter; `{name:one|other}` picks the singular when the parameter
 * is 1, else the plural (English: "{count} {count:problem|problems}").
 */
export function translate<K extends string>(m: Messages<K>, lang: Lang, key: K, params?: Params): string {
  const s = m[lang][key];
  if (!params) return s;
  return s
    .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (_, k: string, one: string, other: string) => (Number(params[k]) === 1 ? one : other))
    .replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** A translator bound to one language (what `useT(m)` gives), to hand to a plain function. */
export type Translate<M> = M extends Messages<infer K> ? (key: K, params?: Params) => string : never;

/** The name of a district, indicator or anything named in both languages, in this language. */
export function nameOf(x: { name_zh: string; name_en: string }, lang: Lang): string {
  return lang === 'zh' ? x.name_zh : x.name_en; // the one place a name is chosen by language
}

/** The locale of each language, for Intl (sorting, grouping digits) and the page's lang attribute. */
export const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** A message kept in both languages on the value itself (a problem's reason), in this language. */
export function messageOf(x: { message: string; messageZh: string }, lang: Lang): string {
  return lang === 'zh' ? x.messageZh : x.message; // the one place a problem's reason is chosen
}

export const common = defineMessages({
  zh: {
    appTitle: '目标与成效',
    appSubtitle: '政府工作报告目标与实际完成情况',
    nav: '视图',
    overview: '总览',
    indicator: '指标',
    scorecard: '记分卡',
    air: '空气质量',
    grain: '粮食',
    data: '数据',
    check: '检查文件',
    language: 'English',
    languageLabel: '切换到英文',
    loading: '正在加载数据……',
    loadFailed: '数据加载失败：{reason}',
    retry: '重试',
    noData: '暂无数据',
    problemsTitle: '数据文件中有 {count} 个问题，其余数据照常显示',
    problemsShow: '查看问题',
    moreProblems: '还有 {count} 个问题未列出，显示更多',
    warningsTitle: '{count} 条提示',
    source: '来源',
    line: '第 {line} 行',
    quote: '原文',
    published: '发布于 {date}',
    estimate: '预计',
    target: '目标',
    actual: '实际',
    year: '年份',
    district: '地区',
    allDistricts: '全部地区',
    unverified: '引文未能与原文核对',
    remark: '内部备注（不公开）：',
    conflict: '来源说法不一',
    viewError: '此部分出错，其他部分不受影响。',
    chartError: '图表无法显示。',
    reload: '重新加载',
    skip: '跳到主要内容',
    footer: '数据来自各地政府工作报告、规划及公报；每个数字均注明出处与原文。',
    met: '达成',
    near: '接近',
    missed: '未达成',
    pending: '待公布',
    'result-not-held': '结果未收录',
    'no-target': '未设目标',
    'target-not-held': '目标未收录',
    qualitative: '定性目标',
    provisional: '（预计数，待确认）',
    share: '分享链接',
    copied: '链接已复制',
    downloadPng: '下载 PNG',
    downloadSvg: '下载 SVG',
    colon: '：',
    listSep: '、',
    sentenceEnd: '。',
  },
  en: {
    appTitle: 'Targets & Results',
    appSubtitle: 'Government work-report targets against what was achieved',
    nav: 'Views',
    overview: 'Overview',
    indicator: 'Indicator',
    scorecard: 'Scorecard',
    air: 'Air quality',
    grain: 'Grain',
    data: 'Data',
    check: 'Check a file',
    language: '中文',
    languageLabel: 'Switch to Chinese',
    loading: 'Loading the data…',
    loadFailed: 'The data could not be loaded: {reason}',
    retry: 'Retry',
    noData: 'No data yet',
    problemsTitle: '{count} {count:problem|problems} in the data files; the rest is shown as usual',
    problemsShow: 'Show problems',
    moreProblems: '{count} more {count:problem|problems} not listed: show more',
    warningsTitle: '{count} {count:note|notes}',
    source: 'Source',
    line: 'line {line}',
    quote: 'Quote',
    published: 'published {date}',
    estimate: 'estimate',
    target: 'Target',
    actual: 'Actual',
    year: 'Year',
    district: 'District',
    allDistricts: 'All districts',
    unverified: 'quote not verified against a kept text',
    remark: 'Internal remark (not public): ',
    conflict: 'sources disagree',
    viewError: 'This part failed; the rest of the page still works.',
    chartError: 'The chart cannot be shown.',
    reload: 'Reload',
    skip: 'Skip to main content',
    footer: 'Data from local government work reports, plans and gazettes; every number cites its source and its words.',
    met: 'Met',
    near: 'Near',
    missed: 'Missed',
    pending: 'Result not yet published',
    'result-not-held': 'Result not in the data',
    'no-target': 'No target set',
    'target-not-held': 'Target not in the data',
    qualitative: 'Qualitative target',
    provisional: ' (estimate, provisional)',
    share: 'Share link',
    copied: 'Link copied',
    downloadPng: 'Download PNG',
    downloadSvg: 'Download SVG',
    colon: ': ',
    listSep: ', ',
    sentenceEnd: '.',
  },
});
