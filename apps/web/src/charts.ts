// Apache ECharts, only the parts the dashboard draws (tree-shaken; no eval, CSP-safe).
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** Draws each `[data-chart]` element's option; charts whose element left the page are disposed. */
export class Charts {
  private readonly drawn = new Set<HTMLElement>();

  draw(options: Map<string, ChartOption>, root: ParentNode): void {
    for (const el of [...this.drawn]) {
      if (!el.isConnected) {
        echarts.getInstanceByDom(el)?.dispose();
        this.drawn.delete(el);
      }
    }
    for (const el of root.querySelectorAll<HTMLElement>('[data-chart]')) {
      const option = options.get(el.dataset.chart!);
      if (!option) continue;
      const chart = echarts.getInstanceByDom(el) ?? echarts.init(el, undefined, { renderer: 'canvas' });
      chart.setOption(option, true);
      this.drawn.add(el);
    }
  }

  resize(): void {
    for (const el of this.drawn) echarts.getInstanceByDom(el)?.resize();
  }
}
