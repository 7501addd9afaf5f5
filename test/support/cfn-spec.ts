/**
 * A CloudFormation template checked against AWS's resource specification (the copy in
 * @aws-cdk/cfnspec): every resource type exists, every property name exists (down into property
 * types), required properties are present, scalars have the specified type, and !Ref / !GetAtt name
 * something the template or AWS defines. The YAML is parsed with CloudFormation's short forms of the
 * intrinsic functions (!Ref, !GetAtt, !Sub, …), each read as the long form it stands for.
 */
import { parse, type Tags } from "yaml";
import cfnspec from "@aws-cdk/cfnspec";

interface PropertySpec {
  Required?: boolean;
  Type?: string;
  PrimitiveType?: string;
  ItemType?: string;
  PrimitiveItemType?: string;
}
interface TypeSpec {
  Properties?: Record<string, PropertySpec>;
  Attributes?: Record<string, unknown>;
}
interface Specification {
  ResourceTypes: Record<string, TypeSpec>;
  PropertyTypes: Record<string, TypeSpec>;
}

// the package's own reader of its resource specification
const spec = cfnspec.specification() as unknown as Specification;

/** The short forms CloudFormation's YAML reads, each with its long form. */
const FUNCTIONS = ["Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub"]
  .concat(["Transform", "And", "Equals", "If", "Not", "Or", "Condition"])
  .map((name) => ({ short: `!${name}`, long: name === "Condition" ? "Condition" : `Fn::${name}` }))
  .concat([{ short: "!Ref", long: "Ref" }]);

const TAGS: Tags = FUNCTIONS.flatMap(({ short, long }) =>
  (["scalar", "seq", "map"] as const).map((kind) => ({
    tag: short,
    ...(kind === "scalar" ? {} : { collection: kind }),
    identify: () => false,
    resolve: (value: unknown) => {
      const plain = (value as { toJSON?: () => unknown }).toJSON?.() ?? value;
      // !GetAtt Resource.Attribute is the list form's shorthand
      return { [long]: long === "Fn::GetAtt" && typeof plain === "string" ? plain.split(/\.(.*)/s, 2) : plain };
    },
  })),
);

/** A CloudFormation YAML template as the JSON it stands for. */
export function parseTemplate(text: string): Record<string, unknown> {
  return parse(text, { customTags: TAGS }) as Record<string, unknown>;
}

const PSEUDO = new Set(["AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition"]);
["AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix"].forEach((p) => PSEUDO.add(p));

/** Every problem of the template against the specification (none: it passes). */
export function specProblems(template: Record<string, unknown>): string[] {
  const resources = (template.Resources ?? {}) as Record<string, { Type?: string; Properties?: unknown }>;
  const names = new Set([...Object.keys(resources), ...Object.keys(template.Parameters ?? {})]);
  const problems: string[] = [];
  for (const [name, resource] of Object.entries(resources)) {
    const type = spec.ResourceTypes[resource.Type ?? ""];
    if (!type) {
      problems.push(`${name}: unknown resource type ${resource.Type}`);
      continue;
    }
    checkObject(resource.Properties ?? {}, type, resource.Type!, `${name}.Properties`, problems);
  }
  checkReferences(template, resources, names, problems);
  return problems;
}

function checkObject(value: unknown, type: TypeSpec, resourceType: string, path: string, problems: string[]): void {
  if (isFunction(value)) return;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push(`${path}: expected an object`);
    return;
  }
  const properties = type.Properties ?? {};
  for (const [name, property] of Object.entries(properties))
    if (property.Required && !(name in value)) problems.push(`${path}: required property ${name} is missing`);
  for (const [name, item] of Object.entries(value)) {
    const property = properties[name];
    if (!property) problems.push(`${path}: unknown property ${name}`);
    else checkValue(item, property, resourceType, `${path}.${name}`, problems);
  }
}

function checkValue(value: unknown, property: PropertySpec, resourceType: string, path: string, problems: string[]) {
  if (isFunction(value)) return;
  if (property.PrimitiveType) return checkPrimitive(value, property.PrimitiveType, path, problems);
  if (property.Type === "List" || property.Type === "Map") {
    const items = property.Type === "List" ? value : Object.values(value ?? {});
    if (!Array.isArray(items)) return void problems.push(`${path}: expected a list`);
    items.forEach((item, i) => {
      const single = { Type: property.ItemType, PrimitiveType: property.PrimitiveItemType };
      checkValue(item, single, resourceType, `${path}[${i}]`, problems);
    });
    return;
  }
  const type = spec.PropertyTypes[`${resourceType}.${property.Type}`] ?? spec.PropertyTypes[property.Type ?? ""];
  if (!type) return void problems.push(`${path}: the specification has no type ${property.Type}`);
  checkObject(value, type, resourceType, path, problems);
}

const PRIMITIVES: Record<string, (v: unknown) => boolean> = {
  String: (v) => typeof v === "string",
  Integer: (v) => Number.isInteger(v),
  Long: (v) => Number.isInteger(v),
  Double: (v) => typeof v === "number",
  Boolean: (v) => typeof v === "boolean",
  Json: (v) => typeof v === "object",
  Timestamp: (v) => typeof v === "string",
};

function checkPrimitive(value: unknown, primitive: string, path: string, problems: string[]): void {
  if (!PRIMITIVES[primitive]?.(value)) problems.push(`${path}: expected ${primitive}, got ${JSON.stringify(value)}`);
}

function isFunction(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === "Ref" || keys[0]!.startsWith("Fn::"));
}

/** Each Ref names a resource, a parameter or a pseudo parameter; each GetAtt a resource's attribute. */
function checkReferences(
  template: Record<string, unknown>,
  resources: Record<string, { Type?: string }>,
  names: Set<string>,
  problems: string[],
): void {
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    if (Array.isArray(value)) return value.forEach(visit);
    const node = value as Record<string, unknown>;
    if (typeof node.Ref === "string" && !names.has(node.Ref) && !PSEUDO.has(node.Ref))
      problems.push(`!Ref ${node.Ref}: no such resource or parameter`);
    const getAtt = node["Fn::GetAtt"];
    if (Array.isArray(getAtt)) {
      const [name, attribute] = getAtt as [string, string];
      const type = spec.ResourceTypes[resources[name]?.Type ?? ""];
      if (!type?.Attributes?.[attribute]) problems.push(`!GetAtt ${name}.${attribute}: no such attribute`);
    }
    Object.values(node).forEach(visit);
  };
  visit(template);
}
