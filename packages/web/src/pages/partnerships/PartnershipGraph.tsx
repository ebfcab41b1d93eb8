// The 联建 network as an ECharts force graph: branches coloured by court, outside units apart, a
// link per pairing (dashed while waiting for the other side). echarts/core with GraphChart only,
// registered here so the other pages' chart chunk stays as it is.
import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { GraphChart, type GraphSeriesOption } from 'echarts/charts';
import { LegendComponent, TooltipComponent, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { PartnershipNetwork } from '../../api/partnerships';
import { useEChart } from '../../components/EChart';

echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<GraphSeriesOption | LegendComponentOption | TooltipComponentOption>;

const palette = ['#c62828', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#4e342e', '#283593', '#558b2f', '#5d4037', '#00695c'];

/** Node labels stay short enough not to cover their neighbours. */
function shortLabel(name: string, max: number): string {
  return name.length > max ? `${name.slice(0, max)}…` : name;
}

export function buildGraphOption(net: PartnershipNetwork, compact: boolean): Option {
  const groups = [...new Set(net.nodes.map((n) => n.group))];
  // Own courts first, so 安顺中院 keeps the first (red) colour.
  groups.sort((a, b) => Number(net.nodes.some((n) => n.group === b && n.own)) - Number(net.nodes.some((n) => n.group === a && n.own)));
  return {
    color: palette,
    tooltip: {
      formatter: (p: unknown) => {
        const x = p as { dataType: string; data: { name?: string; group?: string; value?: number; activities?: number; status?: string } };
        if (x.dataType === 'edge') return `联建活动 ${x.data.activities ?? 0} 次${x.data.status === 'proposed' ? '（待对方确认）' : ''}`;
        return `${x.data.group}<br/>${x.data.name}<br/>联建 ${x.data.value ?? 0} 个`;
      },
    },
    legend: { type: 'scroll', bottom: 0, data: groups, itemWidth: compact ? 14 : 25, itemGap: compact ? 6 : 10, textStyle: { fontSize: compact ? 10 : 12 } },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        categories: groups.map((name) => ({ name })),
        force: { repulsion: compact ? 70 : 190, edgeLength: compact ? [25, 60] : [50, 120], gravity: 0.16 },
        // room for the legend below and the labels to the right of the outermost nodes
        top: 20,
        bottom: compact ? 70 : 50,
        left: 20,
        right: compact ? 70 : 140,
        label: { show: true, position: 'right', fontSize: compact ? 9 : 11, formatter: (p: unknown) => shortLabel((p as { data: { name: string } }).data.name, compact ? 8 : 12) },
        lineStyle: { color: 'source', opacity: 0.55, curveness: 0.08 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        data: net.nodes.map((n) => ({
          id: n.id,
          name: n.name,
          group: n.group,
          value: n.partnerships,
          category: groups.indexOf(n.group),
          symbol: n.kind === 'external' ? 'diamond' : 'circle',
          symbolSize: Math.min(compact ? 28 : 40, (compact ? 8 : 12) + n.partnerships * (compact ? 3 : 4)),
        })),
        links: net.links.map((l) => ({
          source: l.source,
          target: l.target,
          status: l.status,
          activities: l.activities,
          lineStyle: { type: l.status === 'proposed' ? 'dashed' : 'solid', width: 1 + Math.min(l.activities, 4) },
        })),
      },
    ],
  };
}

export default function PartnershipGraph({ network, height, compact }: { network: PartnershipNetwork; height: number; compact: boolean }) {
  const option = useMemo(() => buildGraphOption(network, compact), [network, compact]);
  const ref = useEChart(option);
  return <div ref={ref} role="img" aria-label="联建网络图" data-testid="partnership-graph" style={{ width: '100%', height }} />;
}
