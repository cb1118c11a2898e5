// The catalogue's controlled vocabularies. Pure data shared by the server, the web app and the
// geodata build, so a family or threat code is spelt one way everywhere.

/** Route families, after Frontex/IOM route naming. */
export const FAMILIES = ['western', 'central', 'eastern', 'atlantic', 'sahara'] as const
export type Family = (typeof FAMILIES)[number]

/** What moves along a route. */
export const KINDS = ['migration', 'drugs', 'arms', 'fuel', 'goods', 'gold'] as const
export type Kind = (typeof KINDS)[number]

/**
 * The secretariat's eleven threat categories, in the order of its threat list, then
 * `unclassified`: an imported incident whose source category fits none of them (kept, not lost).
 */
export const THREATS = [
  'narco_terrorism',
  'radicalised_returnees',
  'migration_trafficking',
  'subsidised_goods_smuggling',
  'drug_trafficking',
  'cross_border_terrorism',
  'foreign_armed_groups',
  'identity_fraud',
  'arms_proliferation',
  'illegal_fishing',
  'sea_pollution',
  'unclassified',
] as const
export type Threat = (typeof THREATS)[number]

/** How a catalogue leg is known: along a mapped road or piste the sources name, off-road or unknown (drawn dashed), or at sea. */
export const LEG_KINDS = ['track', 'schematic', 'sea'] as const
export type LegKind = (typeof LEG_KINDS)[number]

/** Whether a route is in use: active, declining (less used than at its peak), historical (no longer used). */
export const ROUTE_STATUSES = ['active', 'declining', 'historical'] as const
export type RouteStatus = (typeof ROUTE_STATUSES)[number]

/** How far a route's course is supported by its sources. */
export const CONFIDENCE = ['high', 'medium', 'low'] as const
export type Confidence = (typeof CONFIDENCE)[number]

/** The ten member states, ISO 3166-1 alpha-3. */
export const MEMBER_STATES = ['MAR', 'DZA', 'TUN', 'LBY', 'EGY', 'MRT', 'MLI', 'NER', 'TCD', 'SDN'] as const
export type MemberState = (typeof MEMBER_STATES)[number]

/** The analysis box: member states and their neighbours, [west, south, east, north] in degrees. */
export const ANALYSIS_BBOX: readonly [number, number, number, number] = [-20, 5, 40, 40]
