/** A district's one-line summary ("1 of 5 targets met, 4 missed — all results provisional (预计)"). Pure. */
import { translate } from '../../core/i18n';
import type { Lang } from '../../core/url';
import type { OverviewSummary } from '../../model/overviewCards';
import { messages, type OverviewMessage } from './messages';

export function summarySentence(s: OverviewSummary, lang: Lang): string {
  const t = (k: OverviewMessage) => translate(messages, lang, k, { ...s });
  let out = s.compared ? t('sumCompared') : t('sumNone');
  if (s.compared && s.near) out += t('sumNear');
  if (s.compared && s.missed) out += t('sumMissed');
  if (s.pending) out += t('sumPending');
  if (s.resultNotHeld) out += t('sumResultNotHeld');
  if (s.qualitative) out += t('sumQualitative');
  if (s.noTarget) out += t('sumNoTarget');
  if (s.targetNotHeld) out += t('sumTargetNotHeld');
  if (s.provisional && s.provisional === s.results) out += t('sumAllProvisional');
  else if (s.provisional) out += t('sumSomeProvisional');
  return out + t('sumEnd');
}
