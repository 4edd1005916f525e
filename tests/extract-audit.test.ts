/** check-data --audit on the fixture world: the figures of the kept text that no row holds. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../src/data/dataset';
import { audit, formatAudit } from '../scripts/lib/audit';
import { readDataDir, textsFrom } from '../scripts/lib/fsdata';
import { FIXTURES } from './world.sample';

const data = join(FIXTURES, 'world');
const texts = join(FIXTURES, 'texts');

describe('the completeness audit', () => {
  const ds = buildDataset(readDataDir(data), { texts: textsFrom(texts)! });
  const result = audit(ds, data, texts);

  it('lists the figures no observation holds, by source and line, and not those a row holds', () => {
    // Rows hold lines 4–6 (2024 results) and line 8 (2025 targets); line 9 has a target no row holds.
    expect(result.findings.map((f) => [f.source, f.draft.line, f.draft.indicator, f.draft.kind, f.draft.year, f.draft.comparator, f.draft.value])).toEqual([
      ['tumed-left-report-2025', 9, 'grain-output', 'target', 2025, '>=', 1010],
    ]);
    expect(result.findings[0]!.belongs).toBe(true);
    // 总量有望突破400亿元: the fixture's catalogue has no GDP level, so it is low and only counted.
    expect(result.low).toBe(1);
  });

  it('prints one line per figure and a summary, in English or Chinese', () => {
    expect(formatAudit(result, 'en')).toEqual([
      'tumed-left-report-2025 (report.txt)',
      '  line 9: grain-output 2025 target >=1010万吨 — 粮食总产量稳定在1010万吨以上 [high] ← belongs in the data',
      '1 figure(s) of high or medium confidence in 1 source text(s) are held by no observation, 1 of them belong in the data (a target, or a result of an indicator that has a target); 1 low-confidence figure(s) not listed.',
    ]);
    const zh = formatAudit(result, 'zh');
    expect(zh[1]).toBe('  第9行: grain-output 2025 目标 >=1010万吨 — 粮食总产量稳定在1010万吨以上 [高] ← 应收录');
    expect(zh.at(-1)).toBe('1 份原文中有 1 个数字（高、中可信度）未被任何观测收录，其中 1 个应收录（目标，或有目标的指标的结果）；另有 1 个低可信度数字未列出。');
  });
});
