// A line chart of one reading type with uPlot. This module (and uPlot) is loaded only when a
// chart is shown, so it stays out of the first-load bundle.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Series } from '../api/types';
import { formatNumber, formatShortDate } from '../format/dates';
import { useI18n } from '../i18n/I18nProvider';

const NHS_BLUE = '#005eb8';
const NHS_PURPLE = '#330072';
const HEIGHT = 220;

export default function ReadingChart({ series, labels }: { series: Series; labels: { first: string; second: string } }) {
  const { language } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const twoValues = series.points.some((point) => point.value2 !== null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const xs = series.points.map((point) => point.at / 1000);
    const data: uPlot.AlignedData = twoValues
      ? [xs, series.points.map((p) => p.value), series.points.map((p) => p.value2)]
      : [xs, series.points.map((p) => p.value)];
    const line = (label: string, stroke: string, dash?: number[]): uPlot.Series => ({
      label,
      stroke,
      width: 2,
      ...(dash ? { dash } : {}),
      points: { show: true, size: 7, fill: stroke },
    });
    const chart = new uPlot(
      {
        width: element.clientWidth || 320,
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        // The whole period asked for, so one reading does not fill the width.
        scales: { x: { time: true, range: [series.start / 1000, series.end / 1000] } },
        axes: [
          { values: (_, splits) => splits.map((seconds) => formatShortDate(seconds * 1000, language)) },
          { values: (_, splits) => splits.map((value) => formatNumber(value)), size: 56 },
        ],
        series: [{}, line(labels.first, NHS_BLUE), ...(twoValues ? [line(labels.second, NHS_PURPLE, [6, 4])] : [])],
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth || 320, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [series, language, twoValues, labels.first, labels.second]);

  return (
    <>
      <div class="app-chart" ref={container} aria-hidden="true" />
      {twoValues && (
        <p class="nhsuk-body-s app-chart__legend" aria-hidden="true">
          <span class="app-chart__key app-chart__key--first" /> {labels.first}{' '}
          <span class="app-chart__key app-chart__key--second" /> {labels.second}
        </p>
      )}
    </>
  );
}
