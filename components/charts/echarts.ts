/**
 * ECharts with only what Pulse draws: line and bar charts on a grid, the axis tooltip, a plain
 * legend, zoom by wheel or touch (the inside data zoom; no slider is drawn), and the mark lines
 * and areas of annotations. Imported only by
 * echart-canvas.tsx, which pages load lazily.
 */
import { BarChart, LineChart } from "echarts/charts";
import { DataZoomInsideComponent, GridComponent, LegendPlainComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendPlainComponent,
  DataZoomInsideComponent,
  MarkLineComponent,
  MarkAreaComponent,
  CanvasRenderer,
]);

export { echarts };
