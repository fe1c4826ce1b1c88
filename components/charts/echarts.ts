/**
 * ECharts with only what Pulse draws: line and bar charts on a grid, the axis tooltip, a plain
 * legend and zoom by wheel or touch (the inside data zoom; no slider is drawn). Imported only by
 * echart-canvas.tsx, which pages load lazily.
 */
import { BarChart, LineChart } from "echarts/charts";
import { DataZoomInsideComponent, GridComponent, LegendPlainComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendPlainComponent, DataZoomInsideComponent, CanvasRenderer]);

export { echarts };
