// Charts and the facility map as SVG text, rendered on the server for reports, pages and slides.

export { type BarChartOptions, barChart, PLACEHOLDER_HEIGHT } from './bar-chart.ts';
export { type Boundaries, koreaBoundaries } from './boundaries.ts';
export {
  DEFAULT_FRAME,
  type FacilityMapOptions,
  type FacilityPoint,
  facilityMap,
  type MapFrame,
  mapProjection,
} from './facility-map.ts';
export {
  dateToYear,
  type LineChartOptions,
  type LineSeries,
  lineChart,
  type YearValue,
} from './line-chart.ts';
export { rateSeries } from './rate.ts';
export { escapeXml } from './svg.ts';
export { FONT_FAMILY, type Lang, seriesColours } from './theme.ts';
