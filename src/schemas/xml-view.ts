/**
 * The XML view of a JSON action schema, after the normalisation of docs/schemas.md: XML carries no
 * types, so numbers and booleans arrive as text, and an array of one element is indistinguishable from a
 * single element. The view accepts exactly those forms and nothing looser.
 */
type Schema = Record<string, unknown>;

const TEXT_PATTERNS: Record<string, string> = {
  integer: "^-?[0-9]+$",
  number: "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$",
  boolean: "^(true|false)$",
};

function mapValues(record: unknown, map: (s: Schema) => Schema): Schema | undefined {
  if (record === null || typeof record !== "object") return undefined;
  return Object.fromEntries(Object.entries(record as Schema).map(([k, v]) => [k, map(v as Schema)]));
}

export function xmlView(schema: Schema): Schema {
  const view: Schema = { ...schema };
  const type = schema.type;
  if (typeof type === "string" && type in TEXT_PATTERNS) {
    view.type = "string";
    view.pattern = TEXT_PATTERNS[type];
    delete view.minimum;
    delete view.maximum;
    delete view.enum;
    if (Array.isArray(schema.enum)) view.enum = schema.enum.map(String);
  }
  if (schema.properties) view.properties = mapValues(schema.properties, xmlView);
  if (schema.definitions) view.definitions = mapValues(schema.definitions, xmlView);
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    if (Array.isArray(schema[key])) view[key] = (schema[key] as Schema[]).map(xmlView);
  }
  if (type === "array") {
    const items = xmlView((schema.items as Schema | undefined) ?? {});
    const arrayForm: Schema = { ...view, items };
    delete view.type;
    delete view.items;
    delete view.minItems;
    delete view.maxItems;
    // An empty list arrives as an empty element, normalised to "".
    return { ...view, anyOf: [arrayForm, items, { const: "" }] };
  }
  // An element whose members are all optional or lists can arrive empty (<ScalingGroups/>: no groups),
  // which the normalisation turns into "".
  const required: string[] = Array.isArray(schema.required) ? schema.required : [];
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const canBeEmpty = required.every((name) => properties[name]?.type === "array");
  if (type === "object" && canBeEmpty && schema.$id === undefined) {
    return { anyOf: [view, { const: "" }] };
  }
  if (typeof schema.$id === "string")
    view.$id = schema.$id.replace(/\.schema\.json$/, ".xml-view.schema.json");
  return view;
}
