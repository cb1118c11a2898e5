// TypeBox schemas shared by the route plugins: GeoJSON envelopes and the error body.
import { Type } from 'typebox'

/** Every 4xx/5xx body: field names the request field at fault when there is one. */
export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
  },
  { $id: 'ErrorBody' },
)

/** A GeoJSON Feature; geometry and properties pass through unchanged. */
export const Feature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.Optional(Type.Union([Type.String(), Type.Number()])),
  properties: Type.Object({}, { additionalProperties: true }),
  geometry: Type.Unknown(),
})

export const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Feature),
})

/** Reference to ErrorBody for response maps: { 400: ErrorRef, 404: ErrorRef }. */
export const ErrorRef = Type.Ref('ErrorBody')

export const ISO3 = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 code, e.g. NER' })
