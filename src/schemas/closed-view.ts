/**
 * A schema with no member beyond those it describes: every object schema that lists `properties` refuses
 * any other (`additionalProperties: false`), at every depth. Rule unknown-member judges with it, so that a
 * member the description does not name is reported, while action-schema, with the open schema, allows it.
 */
type Schema = Record<string, unknown>;

const SUBSCHEMA_MAPS = ["properties", "definitions", "patternProperties"] as const;
const SUBSCHEMA_LISTS = ["anyOf", "oneOf", "allOf"] as const;

export function closedView(schema: Schema): Schema {
  const view: Schema = { ...schema };
  for (const key of SUBSCHEMA_MAPS) {
    const map = schema[key];
    if (map !== null && typeof map === "object")
      view[key] = Object.fromEntries(
        Object.entries(map as Schema).map(([k, v]) => [k, closedView(v as Schema)]),
      );
  }
  for (const key of SUBSCHEMA_LISTS) {
    if (Array.isArray(schema[key])) view[key] = (schema[key] as Schema[]).map(closedView);
  }
  if (schema.items !== null && typeof schema.items === "object" && !Array.isArray(schema.items))
    view.items = closedView(schema.items as Schema);
  if (schema.properties !== undefined) view.additionalProperties = false;
  return view;
}
