/**
 * The one place ECharts is imported: its tree-shaken core with only the parts the option
 * builders (src/charts/*.ts) use. Charts draw with the SVG renderer only; the PNG download
 * rasterises that SVG (EChartCore.tsx), so the canvas renderer is not shipped.
 * Everything here sits in a lazily loaded chunk, so numbers paint before charts.
 */
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
// LegendComponent brings both the plain and the scrolling legend (the indicator chart uses both);
// TooltipComponent brings the axis pointer (the citizen bars' shadow).
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, ScatterChart, CustomChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
