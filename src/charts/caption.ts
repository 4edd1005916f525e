/**
 * A downloaded chart carries what it shows: its title, the districts and years above the plot
 * and the source line below, written into the SVG itself (so the PNG drawn from it has them too).
 * Pure: an SVG string in, a taller SVG string out; every text escaped.
 */
import { defineMessages, translate } from '../core/i18n';
import type { Lang } from '../core/url';
import type { Catalog } from '../model/catalog';
import { escapeHtml } from './escape';

export interface ChartCaption {
  title: string;
  /** Districts and years, e.g. "土默特左旗、玉泉区 · 2022—2025年". */
  subtitle: string;
  /** "来源：…" / "Source: …" */
  source: string;
}

const FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif";
const PAD = 12;
const TITLE = 18;
const SUB = 13;
const SOURCE = 12;
const LINE = 1.4;

/** Roughly how wide a text is drawn: a CJK or full-width character is a square, others about half one. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? size : size * 0.56;
  return w;
}

/** Lines of at most `width` (by the estimate above), broken between characters or at spaces. */
export function wrapText(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > width) {
      const space = line.lastIndexOf(' ');
      if (ch !== ' ' && space > 0 && /[ -~]/.test(ch)) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1);
      } else {
        lines.push(line);
        line = '';
      }
      if (ch === ' ') continue;
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** The chart's SVG framed by its caption: title and subtitle above, the source lines below. */
export function frameSvg(svg: string, width: number, height: number, caption: ChartCaption): { svg: string; height: number } {
  const inner = width - 2 * PAD;
  const title = wrapText(caption.title, inner, TITLE);
  const sub = wrapText(caption.subtitle, inner, SUB);
  const source = wrapText(caption.source, inner, SOURCE);
  const texts: string[] = [];
  let y = PAD;
  const put = (lines: string[], size: number, attrs: string) => {
    for (const l of lines) {
      y += size * LINE;
      texts.push(`<text x="${PAD}" y="${(y - size * 0.35).toFixed(1)}" font-size="${size}" ${attrs}>${escapeHtml(l)}</text>`);
    }
  };
  put(title, TITLE, 'font-weight="bold" fill="#1b1f24"');
  put(sub, SUB, 'fill="#57606a"');
  const top = Math.ceil(y + PAD / 2);
  y = top + height;
  put(source, SOURCE, 'fill="#57606a"');
  const total = Math.ceil(y + PAD);
  const chart = svg.replace(/^<svg\b/, `<svg x="0" y="${top}"`);
  const out =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${FONT}">` +
    `<rect width="${width}" height="${total}" fill="#ffffff"/>${texts.join('')}${chart}</svg>`;
  return { svg: out, height: total };
}

const words = defineMessages({
  zh: { sources: '来源：{titles}', sep: '；', year: '{a}年', years: '{a}—{b}年' },
  en: { sources: '{n:Source|Sources}: {titles}', sep: '; ', year: '{a}', years: '{a}–{b}' },
});

/** "来源：A；B" / "Source: A; B": each source once, in the order met. */
export function sourceLine(titles: readonly string[], lang: Lang): string {
  const unique = [...new Set(titles)];
  return translate(words, lang, 'sources', { n: unique.length, titles: unique.join(translate(words, lang, 'sep')) });
}

/** The titles of the sources behind a district's targets and results of some indicators over some years. */
export function pairSourceTitles(catalog: Catalog, district: string, indicators: readonly string[], years: readonly number[]): string[] {
  const out: string[] = [];
  for (const id of indicators)
    for (const year of years) {
      const pair = catalog.pair(district, id, year);
      for (const s of [pair.actual, pair.target]) if (s) out.push(catalog.sources.get(s.obs.source)?.title_zh ?? s.obs.source);
    }
  return out;
}

/** The caption of a chart of one district's indicators over some years: the sources of every figure drawn. */
export function districtCaption(catalog: Catalog, district: { id: string; name: string }, indicators: readonly string[], years: readonly number[], title: string, lang: Lang): ChartCaption {
  return { title, subtitle: `${district.name} · ${yearsText(years, lang)}`, source: sourceLine(pairSourceTitles(catalog, district.id, indicators, years), lang) };
}

/** "2022—2025年" / "2022–2025"; one year alone. */
export function yearsText(years: readonly number[], lang: Lang): string {
  if (!years.length) return '';
  const a = years[0]!;
  const b = years.at(-1)!;
  return a === b ? translate(words, lang, 'year', { a }) : translate(words, lang, 'years', { a, b });
}
