/**
 * ECharts' server-side SVG, made fit for a page under our Content Security Policy: no
 * `style` attributes or <style> element (style-src allows no inline styles), so text styles
 * become SVG presentation attributes; hover classes and ECharts' own metadata go (the static
 * chart is replaced by the live one as soon as the app runs).
 */
const PRESENTATION = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'opacity', 'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity']);

function styleToAttributes(style: string): string {
  return style
    .split(';')
    .map((decl) => {
      const i = decl.indexOf(':');
      if (i < 0) return '';
      const name = decl.slice(0, i).trim().toLowerCase();
      const value = decl.slice(i + 1).trim();
      return PRESENTATION.has(name) && value ? ` ${name}="${value}"` : '';
    })
    .join('');
}

export function staticSvg(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_, style: string) => styleToAttributes(style))
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/>\s+</g, '><');
}
