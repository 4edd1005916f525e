/**
 * A figure as the report words it, in the indicator's unit (突破72万吨 / over 720 thousand t):
 * the one function every page uses for it. Pages differ only in how a target in words is shown
 * and whether 预计 is noted, and they say so in `FigureStyle`. Pure.
 */
import { defineMessages, translate } from '../core/i18n';
import type { Lang } from '../core/url';
import type { Comparator } from '../data/types';
import { formatQualified } from './format';

const words = defineMessages({
  zh: { quoted: '定性目标：“{quote}”', inWords: '用文字表述，无具体数字', estimateNote: '（预计）' },
  en: { quoted: 'qualitative target: “{quote}”', inWords: 'in words, no number', estimateNote: ' (estimate)' },
});

export interface FigureStyle {
  /**
   * A target in words: `quote` gives the report's words after "qualitative target" (tables,
   * tooltips), `inWords` says there is no number (big numbers on a phone), `label` the short
   * label of formatQualified (overview cards).
   */
  text: 'quote' | 'inWords' | 'label';
  /** Note an estimate (预计) after the figure. */
  estimate: boolean;
}

/** The fields of an observation a figure's text needs. */
export interface FigureObs {
  comparator: Comparator;
  canonicalValue: number | null;
  estimate: boolean;
  quote: string;
}

export const TABLE_FIGURE: FigureStyle = { text: 'quote', estimate: true };
export const CITIZEN_FIGURE: FigureStyle = { text: 'inWords', estimate: false };
export const CARD_FIGURE: FigureStyle = { text: 'label', estimate: false };

export function figureText(obs: FigureObs, unit: string, lang: Lang, style: FigureStyle = TABLE_FIGURE): string {
  if (obs.comparator === 'text' || obs.canonicalValue === null) {
    if (style.text === 'quote') return translate(words, lang, 'quoted', { quote: obs.quote });
    if (style.text === 'inWords') return translate(words, lang, 'inWords');
  }
  const v = formatQualified(obs.comparator, obs.canonicalValue, unit, lang);
  return style.estimate && obs.estimate ? `${v}${translate(words, lang, 'estimateNote')}` : v;
}
