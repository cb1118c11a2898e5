// The sections a risk-analysis report can hold after its cover, in report order: what
// POST /api/reports takes and the web app's report dialog offers.
export const REPORT_SECTIONS = ['map', 'figures', 'charts', 'hotspots', 'routes', 'plan'] as const
export type ReportSection = (typeof REPORT_SECTIONS)[number]
