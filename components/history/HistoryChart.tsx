/**
 * Reactions per day over the last 30 or 90 days, by reaction, drawn by uPlot (a ~50 KB canvas
 * chart, fast with thousands of points and small enough for a popup). Loaded only when the
 * member opens the chart. The same numbers are given in words for screen readers.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { i18n } from '#i18n';
import { formatCount } from '@/components/popup/format';
import { mutedText } from '@/components/popup/ui';
import { forEachMatching } from '@/lib/db/history';
import { chartStart, createDayCounter, type DayCounts } from '@/lib/history/chart';
import { localDay } from '@/lib/history/words';
import { uiLocale } from '@/lib/locale';
import { HISTORY_KEY } from './queries';

const COLORS = ['#0a66c2', '#e7a33e', '#d9534f', '#6dae4f', '#8f5db7', '#1f9e9e', '#888888'];

/**
 * Days in the catalogue's language, for the axis ("Nov 3", "3. Nov.") and the legend ("Nov 3,
 * 2026", "03.11.2026"): uPlot's own are English and month-first. Made when the chart first draws.
 */
let dayFormats: { axis: Intl.DateTimeFormat; legend: Intl.DateTimeFormat } | undefined;
function dayFormat() {
  dayFormats ??= {
    axis: new Intl.DateTimeFormat(uiLocale(), { month: 'short', day: 'numeric' }),
    legend: new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' }),
  };
  return dayFormats;
}

/** A series' name: the reaction's, or "Other" for the rest together (lib/history/chart.ts). */
function seriesLabel(series: DayCounts['series'][number]): string {
  return series.value === 'other' ? i18n.t('historyChart.other') : series.label;
}

/** "2 reactions in the last 30 days, most often Celebrate." */
function inWords(counts: DayCounts, days: number): string {
  const best = counts.series[0];
  const total = formatCount(counts.total);
  return best
    ? i18n.t('historyChart.totalMostOften', counts.total, [total, days, seriesLabel(best)])
    : i18n.t('historyChart.total', counts.total, [total, days]);
}

async function readCounts(days: number): Promise<DayCounts> {
  const now = Date.now();
  const counter = createDayCounter(days, now);
  await forEachMatching({ from: localDay(chartStart(days, now)), status: 'applied' }, (lines) =>
    counter.add(lines),
  );
  return counter.result();
}

export default function HistoryChart() {
  const id = useId();
  const [days, setDays] = useState<30 | 90>(30);
  const counts = useQuery({
    queryKey: [...HISTORY_KEY, 'chart', days],
    queryFn: () => readCounts(days),
  });
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    const data = counts.data;
    if (!element || !data) return;
    const plot = new uPlot(
      {
        width: element.clientWidth || 340,
        height: 160,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          {
            space: 50,
            values: (_plot, splits) => splits.map((at) => dayFormat().axis.format(at * 1000)),
          },
          { size: 36 },
        ],
        series: [
          {
            label: i18n.t('historyChart.day'),
            value: (_plot, at, _series, index) =>
              index === null ? '--' : dayFormat().legend.format(at * 1000),
          },
          ...data.series.map((series, index) => ({
            label: seriesLabel(series),
            stroke: COLORS[index % COLORS.length],
            width: 1.5,
            points: { show: false },
          })),
        ],
      },
      [data.days.map((at) => at / 1000), ...data.series.map((series) => series.counts)],
      element,
    );
    return () => plot.destroy();
  }, [counts.data]);

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-1 px-3 pt-2">
      <div className="flex items-center justify-between">
        <h3 id={`${id}-title`} className="text-xs font-semibold">
          {i18n.t('historyChart.title')}
        </h3>
        <label className="text-xs">
          <span className="sr-only">{i18n.t('historyChart.period')}</span>
          <select
            value={days}
            onChange={(event) => setDays(Number(event.target.value) === 90 ? 90 : 30)}
            className="rounded border border-gray-300 bg-white px-1 text-xs dark:border-gray-600 dark:bg-gray-900"
          >
            <option value={30}>{i18n.t('historyChart.lastDays', [30])}</option>
            <option value={90}>{i18n.t('historyChart.lastDays', [90])}</option>
          </select>
        </label>
      </div>
      <div ref={box} aria-hidden="true" data-testid="history-chart" />
      <p className={mutedText} data-testid="history-chart-words">
        {counts.isPending
          ? i18n.t('historyChart.counting')
          : counts.data
            ? inWords(counts.data, days)
            : i18n.t('historyChart.readFailed')}
      </p>
    </section>
  );
}
