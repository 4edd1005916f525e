/** A shown figure as the report writes it, in the indicator's unit (6%左右 / about 6%). Pure. */
import { nameOf } from '../../core/i18n';
import type { Lang } from '../../core/url';
import type { Indicator } from '../../data/types';
import type { Shown } from '../../model/catalog';
import { formatQualified } from '../../model/format';

export function figureText(shown: Shown, indicator: Indicator, lang: Lang): string {
  const o = shown.obs;
  return formatQualified(o.comparator, o.canonicalValue, indicator.unit, lang);
}

export function indicatorName(i: Indicator, lang: Lang): string {
  return nameOf(i, lang);
}
