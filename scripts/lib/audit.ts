/**
 * check-data --audit: the figures the extractor finds in the kept source texts that no
 * observation holds (the same number at that line ±1), by source and line, so a curator sees at
 * once what was missed. Rows of `high` and `medium` confidence are listed; `low` ones (no
 * catalogue indicator, a thing's size, a share) are counted. A figure that belongs in the data
 * by the curation rule (a target, or a result of an indicator with a target in any year) is marked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/data/types';
import type { DraftRow } from '../../src/extract/types';
import { defineMessages, translate, type Params } from '../../src/core/i18n';
import type { Lang } from '../../src/core/url';
import { readCatalogue } from './catalogue';
import { held, runAll } from './extractRuns';

export interface AuditFinding {
  file: string;
  source: string;
  draft: DraftRow;
  /** A target, or a result of an indicator that has a target in some year. */
  belongs: boolean;
}

export function audit(ds: Dataset, dataDir: string, textsDir: string): { findings: AuditFinding[]; low: number; texts: number } {
  const readText = (file: string) => {
    const p = join(textsDir, file);
    return existsSync(p) ? readFileSync(p, 'utf8') : null;
  };
  const runs = runAll(ds, readCatalogue(dataDir), readText, 1);
  const targeted = new Set(ds.observations.filter((o) => o.kind === 'target').map((o) => o.indicator));
  const findings: AuditFinding[] = [];
  let low = 0;
  for (const r of runs) {
    for (const d of r.drafts) {
      if (held(d, r.gold)) continue;
      if (d.confidence === 'low') {
        low++;
        continue;
      }
      const belongs = d.indicator !== '' && (d.kind === 'target' || targeted.has(d.indicator));
      findings.push({ file: r.file, source: d.source, draft: d, belongs });
    }
  }
  return { findings, low, texts: runs.length };
}

const words = defineMessages({
  zh: {
    noSource: '（未归属来源）', target: '目标', actual: '结果', estimate: '（预计）', belongs: ' ← 应收录',
    high: '高', medium: '中', low: '低',
    line: '  第{line}行: {what} — {quote} [{sure}]{mark}',
    total: '{texts} 份原文中有 {n} 个数字（高、中可信度）未被任何观测收录，其中 {belongs} 个应收录（目标，或有目标的指标的结果）；另有 {low} 个低可信度数字未列出。',
  },
  en: {
    noSource: '(no source)', target: 'target', actual: 'actual', estimate: ' (estimate)', belongs: ' ← belongs in the data',
    high: 'high', medium: 'medium', low: 'low',
    line: '  line {line}: {what} — {quote} [{sure}]{mark}',
    total: '{n} figure(s) of high or medium confidence in {texts} source text(s) are held by no observation, {belongs} of them belong in the data (a target, or a result of an indicator that has a target); {low} low-confidence figure(s) not listed.',
  },
});

export function formatAudit(result: ReturnType<typeof audit>, lang: Lang): string[] {
  const w = (key: keyof (typeof words)['zh'], params?: Params) => translate(words, lang, key, params);
  const out: string[] = [];
  let current = '';
  for (const f of result.findings) {
    const head = `${f.source || w('noSource')} (${f.file})`;
    if (head !== current) {
      out.push(head);
      current = head;
    }
    const d = f.draft;
    const cmp = d.comparator === '=' ? '' : d.comparator;
    const what = `${d.indicator || d.nameAsWritten} ${d.year ?? '?'} ${w(d.kind)} ${cmp}${d.value ?? ''}${d.unit}${d.estimate ? w('estimate') : ''}`;
    out.push(w('line', { line: d.line, what, quote: d.quote, sure: w(d.confidence), mark: f.belongs ? w('belongs') : '' }));
  }
  const belongs = result.findings.filter((f) => f.belongs).length;
  out.push(w('total', { texts: result.texts, n: result.findings.length, belongs, low: result.low }));
  return out;
}
