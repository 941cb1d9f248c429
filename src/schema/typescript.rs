//! The TypeScript declarations of the npm package, generated from the same schemas as
//! `schemas/` (never written by hand). The file is committed as `schemas/kibana-connectors.d.ts`
//! (a test keeps it fresh), `src/wasm/mod.rs` puts it into the package's `.d.ts`, and the build
//! writes it into the Node entry's `.d.ts`.
//!
//! Per creatable connector type `T` (its [`schema::type_name`]): `TConfig` and `TSecrets` (what a
//! request may send), `CreateTConnectorBody`, `StoredTConfig` and `StoredTSecrets` (after
//! defaults), `NormalizedTConnectorBody` (what `normalize` returns) and `TConnector` (what Kibana
//! returns); then the unions over every type, the report types and the functions.

use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::catalog::{Category, License};
use crate::pipeline::options::Mode;
use crate::registry::{CONNECTOR_TYPES, ConnectorType, creatable_types};
use crate::report::IssueCode;
use crate::schema::{self, Contract, Dialect};
use crate::versions::Release;

/// Where the declarations are committed, from the repository root.
pub const FILE: &str = "schemas/kibana-connectors.d.ts";

/// The declarations, as committed in [`FILE`].
pub fn declarations() -> String {
    let mut out = String::from(HEADER);
    ids(&mut out);
    for connector_type in creatable_types() {
        connector_type_declarations(&mut out, connector_type);
    }
    unions(&mut out);
    out.push_str(&report_declarations());
    out.push_str(&schema_declarations());
    out.push_str(FUNCTIONS);
    out
}

const HEADER: &str = "\
// The types of the kibana-connectors npm package, generated from the Rust models by
// src/schema/typescript.rs (`UPDATE_GENERATED=1 cargo test --test schemas` rewrites this file).
// Do not edit.

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

";

/// `ConnectorTypeId`, `CreatableConnectorTypeId`, `License`, `ConnectorFeatureId`.
fn ids(out: &mut String) {
    let all: Vec<String> = CONNECTOR_TYPES.iter().map(|t| literal(t.id)).collect();
    let _ = writeln!(
        out,
        "/** Every connector type id Kibana registers (system action types included). */\nexport type ConnectorTypeId =\n{};\n",
        union_lines(&all)
    );
    let creatable: Vec<String> = creatable_types().map(|t| literal(t.id)).collect();
    let _ = writeln!(
        out,
        "/** The connector type ids a create-connector request may name (system action types cannot be created). */\nexport type CreatableConnectorTypeId =\n{};\n",
        union_lines(&creatable)
    );
    let licenses: Vec<String> = License::ALL.iter().map(|l| literal(l.as_str())).collect();
    let _ = writeln!(
        out,
        "/** A Kibana license level, lowest first. */\nexport type License = {};\n",
        licenses.join(" | ")
    );
    let mut features: Vec<&str> = Vec::new();
    for feature in CONNECTOR_TYPES.iter().flat_map(|t| t.supported_feature_ids) {
        if !features.contains(feature) {
            features.push(feature);
        }
    }
    let features: Vec<String> = features.iter().map(|f| literal(f)).collect();
    let _ = writeln!(
        out,
        "/** Where in Kibana a connector type can be used. */\nexport type ConnectorFeatureId =\n{};\n",
        union_lines(&features)
    );
}

/// The seven declarations of one connector type.
fn connector_type_declarations(out: &mut String, connector_type: &ConnectorType) {
    let name = schema::type_name(connector_type);
    let id = connector_type.id;
    let Some((config, secrets)) = schema::parts(connector_type, Contract::Request) else {
        return;
    };
    let Some((stored_config, stored_secrets)) = schema::parts(connector_type, Contract::Stored)
    else {
        return;
    };
    let _ = writeln!(out, "// {} (`{id}`)\n", connector_type.name);
    declare(out, &format!("{name}Config"), &config);
    declare(out, &format!("{name}Secrets"), &secrets);
    declare_or_alias(
        out,
        &format!("Stored{name}Config"),
        &stored_config,
        &format!("{name}Config"),
        &config,
    );
    declare_or_alias(
        out,
        &format!("Stored{name}Secrets"),
        &stored_secrets,
        &format!("{name}Secrets"),
        &secrets,
    );

    let request = schema::body(connector_type, Contract::Request);
    let required = |property: &str| {
        request
            .as_ref()
            .and_then(|body| body.get("required"))
            .and_then(Value::as_array)
            .is_some_and(|r| r.iter().any(|k| k == property))
    };
    let optional = |property: &str| if required(property) { "" } else { "?" };
    let _ = writeln!(
        out,
        "/** The body of a create-connector request for the `{id}` type ({}). */\nexport interface {} {{\n  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */\n  name: string;\n  /** The connector type, which picks the schema of `config` and `secrets`. */\n  connector_type_id: {};\n  /** The connector's settings, stored as they are (with defaults filled in); left out, `{{}}`. */\n  config{}: {name}Config;\n  /** The connector's credentials, stored encrypted and never returned; left out, `{{}}`. */\n  secrets{}: {name}Secrets;\n}}\n",
        connector_type.name,
        schema::definition_name(connector_type, Contract::Request),
        literal(id),
        optional("config"),
        optional("secrets"),
    );
    let _ = writeln!(
        out,
        "/** What `normalize` returns for the `{id}` type ({}): the body as Kibana stores it (defaults filled in). */\nexport interface Normalized{name}ConnectorBody {{\n  name: string;\n  connector_type_id: {};\n  config: Stored{name}Config;\n  secrets: Stored{name}Secrets;\n}}\n",
        connector_type.name,
        literal(id),
    );
    let _ = writeln!(
        out,
        "/** A connector of the `{id}` type ({}) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */\nexport interface {} extends ConnectorResponseFields {{\n  connector_type_id: {};\n  config: Stored{name}Config;\n}}\n",
        connector_type.name,
        schema::definition_name(connector_type, Contract::Stored),
        literal(id),
    );
}

/// `export type NAME = …;` with the schema's description as its JSDoc.
fn declare(out: &mut String, name: &str, schema: &Value) {
    doc(out, schema, "");
    let _ = writeln!(out, "export type {name} = {};\n", ts_type(schema, 0));
}

/// Declares `name`, or makes it an alias of `same_as` when both schemas give the same type.
fn declare_or_alias(out: &mut String, name: &str, schema: &Value, same_as: &str, other: &Value) {
    if ts_type(schema, 0) == ts_type(other, 0) {
        let _ = writeln!(
            out,
            "/** The same as `{same_as}`: no field has a default. */\nexport type {name} = {same_as};\n"
        );
    } else {
        let mut schema = schema.clone();
        if let Value::Object(map) = &mut schema {
            map.insert(
                "description".to_owned(),
                Value::String(format!(
                    "`{same_as}` as Kibana stores it: every field that has a default is present."
                )),
            );
        }
        declare(out, name, &schema);
    }
}

/// The unions over every creatable type, and the map from id to declarations.
fn unions(out: &mut String) {
    let types: Vec<&ConnectorType> = creatable_types().collect();
    let names = |f: &dyn Fn(&ConnectorType) -> String| -> Vec<String> {
        types.iter().map(|t| f(t)).collect()
    };
    let bodies = names(&|t| schema::definition_name(t, Contract::Request));
    let _ = writeln!(
        out,
        "/** The body of a create-connector request (`POST /api/actions/connector/{{id}}`), discriminated on `connector_type_id`. */\nexport type CreateConnectorBody =\n{};\n",
        union_lines(&bodies)
    );
    let normalized = names(&|t| format!("Normalized{}ConnectorBody", schema::type_name(t)));
    let _ = writeln!(
        out,
        "/** What `normalize` returns: the body as Kibana stores it, discriminated on `connector_type_id`. */\nexport type NormalizedConnectorBody =\n{};\n",
        union_lines(&normalized)
    );
    let connectors = names(&|t| schema::definition_name(t, Contract::Stored));
    let _ = writeln!(
        out,
        "/** A connector as Kibana returns it, discriminated on `connector_type_id`. */\nexport type Connector =\n{};\n",
        union_lines(&connectors)
    );
    out.push_str(
        "/** The fields of Kibana's connector response besides `connector_type_id` and `config`. */\nexport interface ConnectorResponseFields {\n  /** The identifier of the connector. */\n  id: string;\n  /** The display name of the connector. */\n  name: string;\n  /** Whether the connector is preconfigured in `kibana.yml` (never for a connector created through the API). */\n  is_preconfigured: boolean;\n  /** Whether the connector is deprecated. */\n  is_deprecated: boolean;\n  /** Whether the connector is used for system actions. */\n  is_system_action: boolean;\n  /** Whether the connector's secrets are missing (for example after an import). */\n  is_missing_secrets?: boolean;\n  /** Whether the connector type is deprecated. */\n  is_connector_type_deprecated: boolean;\n}\n\n",
    );
    out.push_str("/** The declarations of every creatable connector type, by id: `ConnectorTypes[\".index\"][\"config\"]`. */\nexport interface ConnectorTypes {\n");
    for connector_type in &types {
        let name = schema::type_name(connector_type);
        let _ = writeln!(
            out,
            "  {}: {{\n    config: {name}Config;\n    secrets: {name}Secrets;\n    body: {};\n    storedConfig: Stored{name}Config;\n    storedSecrets: Stored{name}Secrets;\n    normalized: Normalized{name}ConnectorBody;\n    connector: {};\n  }};",
            literal(connector_type.id),
            schema::definition_name(connector_type, Contract::Request),
            schema::definition_name(connector_type, Contract::Stored),
        );
    }
    out.push_str("}\n\n");
    out.push_str(
        "/** The body of an update request (`PUT /api/actions/connector/{id}`): no `connector_type_id`, which comes from the options. */\nexport type UpdateConnectorBody<T extends CreatableConnectorTypeId = CreatableConnectorTypeId> = {\n  [K in T]: Omit<ConnectorTypes[K][\"body\"], \"connector_type_id\">;\n}[T];\n\n/** What `normalize` returns for an update body. */\nexport type NormalizedUpdateBody<T extends CreatableConnectorTypeId = CreatableConnectorTypeId> = {\n  [K in T]: Omit<ConnectorTypes[K][\"normalized\"], \"connector_type_id\">;\n}[T];\n\n",
    );
}

/// `IssueCode`, `Issue`, `KibanaError`, `Report`, the options and results.
fn report_declarations() -> String {
    let mut out = String::from(
        "/**\n * A stable, machine-readable name for a kind of problem. Codes are added, never renamed or removed.\n *\n",
    );
    for code in IssueCode::ALL {
        let _ = writeln!(
            out,
            " * - `{}`: {}",
            code.as_str(),
            escape_doc(code.description())
        );
    }
    out.push_str(" */\nexport type IssueCode =\n");
    let codes: Vec<String> = IssueCode::ALL.iter().map(|c| literal(c.as_str())).collect();
    let _ = writeln!(out, "{};\n", union_lines(&codes));
    let mode = |m: Mode| {
        serde_json::to_value(m)
            .ok()
            .and_then(|v| v.as_str().map(literal))
            .unwrap_or_default()
    };
    let create = mode(Mode::Create);
    let update = mode(Mode::Update);
    let lines: Vec<String> = Release::ALL.iter().map(|r| literal(r.name())).collect();
    let numbered: Vec<String> = Release::ALL
        .iter()
        .filter(|r| **r != Release::Main)
        .map(|r| literal(r.name()))
        .collect();
    let categories: Vec<String> = Category::ALL
        .iter()
        .filter_map(|c| serde_json::to_value(c).ok())
        .filter_map(|v| v.as_str().map(literal))
        .collect();
    let _ = write!(
        out,
        "/**\n * A Kibana release this package answers for: a release line (its newest patch), a patch\n * (`\"9.3.2\"`), or `\"main\"`. The default is `{}`.\n */\nexport type KibanaVersion = KibanaReleaseLine | `${{{}}}.${{number}}`;\n\n/** A Kibana release line this package answers for (`kibanaVersions()` lists them). */\nexport type KibanaReleaseLine = {};\n\n/** What a connector type is for (the page groups and searches by it). */\nexport type ConnectorCategory = {};\n\n",
        Release::DEFAULT.name(),
        numbered.join(" | "),
        lines.join(" | "),
        categories.join(" | "),
    );
    let _ = write!(
        out,
        r#"/** One problem in a request body. */
export interface Issue {{
  /** The kind of problem. */
  code: IssueCode;
  /** Where it is: an RFC 6901 pointer into the body (`/config/port`, `/secrets/user`); `""` for the whole body. */
  path: string;
  /** What is wrong, for people; Kibana's own wording where Kibana has one. Secret values never appear in it. */
  message: string;
  /** Machine-readable details: expected type, allowed values, limits. */
  params?: {{ [key: string]: JsonValue }};
}}

/** The error response Kibana would send. */
export interface KibanaError {{
  /** The HTTP status: 400, or 413 for a body over `server.maxPayload`. */
  statusCode: number;
  /** The HTTP reason phrase, e.g. `Bad Request`. */
  error: string;
  /** Kibana's message, word for word (secret values masked). */
  message: string;
}}

/** What `validate` says about a body. */
export interface Report {{
  /** True when Kibana's own checks would accept the body (warnings aside). */
  valid: boolean;
  /** Every problem found, in the order Kibana's checks meet them. */
  errors: Issue[];
  /** Checks that only the Kibana server can decide (code `server_check`): allowed hosts, enabled types, license. */
  warnings: Issue[];
  /** Kibana's answer when it would refuse the body, else `null`. */
  kibanaError: KibanaError | null;
  /** Present (and `true`) when `errors` or `warnings` stop at their first 1,000 entries. */
  truncated?: true;
  /** The Kibana the answer is for; absent when nothing was checked (unreadable body or options). */
  kibanaVersion?: string;
  /** `exact`, or `approximate` when the answer rests on a fact not pinned for that release. */
  fidelity: "exact" | "approximate";
  /** Why the answer is approximate (absent when exact). */
  approximations?: string[];
}}

/** `compareVersions`: a report per release, and what changes from each to the next. */
export interface Comparison {{
  reports: Report[];
  /** E.g. `valid on 8.19, refused on 9.6: 400 …`. */
  changes: string[];
}}

/** Options for a create body (`POST /api/actions/connector/{{id}}`), the default. */
export interface CreateOptions {{
  /** The `{{id}}` path parameter, checked with Kibana's id rule when given. */
  id?: string;
  mode?: {create};
  /** The Kibana that answers (the newest release by default). */
  kibanaVersion?: KibanaVersion;
}}

/** Options for an update body (`PUT /api/actions/connector/{{id}}`), whose type comes from here. */
export interface UpdateOptions {{
  /** The `{{id}}` path parameter, checked with Kibana's id rule when given. */
  id?: string;
  mode: {update};
  /** The type of the connector being updated. */
  connectorTypeId: CreatableConnectorTypeId | (string & {{}});
  /** The Kibana that answers (the newest release by default). */
  kibanaVersion?: KibanaVersion;
}}

/** What the body alone does not say. */
export type ValidateOptions = CreateOptions | UpdateOptions;

/** What `normalize` returns: the stored body, or every problem that stops it. */
export type NormalizeResult<Body = NormalizedConnectorBody> =
  | {{ ok: true; body: Body }}
  | {{ ok: false; errors: Issue[] }};

/** A release line, as `kibanaVersions()` lists it. */
export interface KibanaRelease {{
  /** What to pass as `kibanaVersion` (a patch may be added: `"9.3.2"`). */
  version: KibanaReleaseLine;
  /** The engine of its config and secrets messages. */
  messageEngine: "config-schema" | "zod-3" | "zod-4";
  /** Whether answers are for it when no version is given. */
  isDefault: boolean;
  /** Why facts of the whole line are not exact, when they are not. */
  caveat?: string;
}}

/** One connector type, as `connectorTypes()` lists it. */
export interface ConnectorTypeInfo {{
  /** The `connector_type_id`, e.g. `.email`. */
  id: ConnectorTypeId;
  /** Kibana's display name. */
  name: string;
  /** The license level Kibana needs to run it. */
  minimumLicense: License;
  /** Where in Kibana it can be used. */
  supportedFeatureIds: ConnectorFeatureId[];
  /** System action types cannot be created through the API. */
  isSystemActionType: boolean;
  /** What it is for, in one line. */
  description: string;
  /** Its group, for finding it. */
  category: ConnectorCategory;
  /** Words people search for it by that its name and id do not contain. */
  searchWords: string[];
  /** The first release that registers it by default. */
  since: string;
  /** Why that release is not certain, when it is not. */
  sinceApproximate?: string;
  /** Whether the release marks it deprecated (Kibana's `is_deprecated`); the API still creates it. */
  isDeprecated: boolean;
  /** What Kibana recommends instead, when deprecated. */
  deprecation?: string;
}}

/**
 * A value whose type the compiler does not know (`unknown` or `any`): accepted, and checked at
 * run time only. A value of a known type must be a `CreateConnectorBody` (or JSON text).
 */
export type Unchecked<B> = unknown extends B ? B : never;

"#
    );
    out
}

/// `JsonSchemaDialect`, `JsonSchemaContract`, `JsonSchemaOptions`, `JsonSchema`.
fn schema_declarations() -> String {
    let dialects: Vec<String> = Dialect::ALL.iter().map(|d| literal(d.as_str())).collect();
    let contracts: Vec<String> = Contract::ALL.iter().map(|c| literal(c.as_str())).collect();
    format!(
        r"/** A JSON Schema dialect: `2020-12` (the default), `draft-07`, or OpenAPI 3.0's Schema Object. */
export type JsonSchemaDialect = {};

/** `request`: what a client may send (the default); `stored`: what Kibana returns (defaults present, no secrets). */
export type JsonSchemaContract = {};

/** Options of `jsonSchema`. */
export interface JsonSchemaOptions {{
  dialect?: JsonSchemaDialect;
  contract?: JsonSchemaContract;
  /** The release described: only its types, without the fields and options it lacks (the newest release by default). */
  kibanaVersion?: KibanaVersion;
}}

/** A JSON Schema (or, for `openapi-3.0`, a Schema Object; the bundle is then an OpenAPI document). */
export interface JsonSchema {{
  $schema?: string;
  title?: string;
  description?: string;
  [keyword: string]: any;
}}

",
        dialects.join(" | "),
        contracts.join(" | "),
    )
}

const FUNCTIONS: &str = r#"/**
 * Checks a create-connector request body (`POST /api/actions/connector/{id}`) as Kibana would:
 * every problem at once, and Kibana's own 400 answer when it would refuse the body. Never throws
 * for a bad body.
 *
 * `body` is an object, JSON text, or a value whose type is `unknown` or `any` (checked at run
 * time only). A typed object must be a `CreateConnectorBody` (an `UpdateConnectorBody` with
 * `mode: "update"`), so that the compiler catches mistakes first.
 *
 * @example
 * validate({ name: "my-connector", connector_type_id: ".index", config: { index: "test-index" } }).valid; // true
 */
export function validate<B>(body: Unchecked<B>, options?: ValidateOptions): Report;
export function validate(body: UpdateConnectorBody | string, options: UpdateOptions): Report;
export function validate(body: CreateConnectorBody | string, options?: CreateOptions): Report;

/**
 * The body as Kibana would store it (defaults filled in): `{ ok: true, body }`, or
 * `{ ok: false, errors }` when Kibana would refuse it. Never throws for a bad body.
 *
 * @example
 * normalize({ name: "n", connector_type_id: ".index", config: { index: "i" } });
 * // { ok: true, body: { name: "n", connector_type_id: ".index", config: { index: "i", refresh: false, executionTimeField: null }, secrets: {} } }
 */
export function normalize<B>(body: Unchecked<B>, options: UpdateOptions): NormalizeResult<NormalizedUpdateBody>;
export function normalize<B>(body: Unchecked<B>, options?: CreateOptions): NormalizeResult;
export function normalize(body: UpdateConnectorBody | string, options: UpdateOptions): NormalizeResult<NormalizedUpdateBody>;
export function normalize(body: CreateConnectorBody | string, options?: CreateOptions): NormalizeResult;

/**
 * A JSON Schema. Without a connector type (or with `null`), the bundle: every creatable type's
 * schema, picked by `connector_type_id` (an OpenAPI-style `discriminator` is included: give ajv
 * `discriminator: true`). With a type, that type's schema, or `null` for a type without one
 * (unknown, or a system action type). Throws a `TypeError` for options it does not know, and
 * for the bundle of the `update` contract (an update body does not name its type). In a browser,
 * `await initJsonSchema()` once first (its module is separate, so that a page that only validates
 * never downloads it); in Node it loads itself.
 *
 * @example
 * jsonSchema(".index").properties.config; // the Index connector's config
 * jsonSchema(undefined, { dialect: "draft-07", contract: "stored" }); // every stored connector
 */
export function jsonSchema(connectorTypeId?: null, options?: JsonSchemaOptions & { contract?: Exclude<JsonSchemaContract, "update"> }): JsonSchema;
export function jsonSchema(connectorTypeId: string, options?: JsonSchemaOptions): JsonSchema | null;

/**
 * Every connector type a Kibana release registers (the newest release by default), in Kibana's
 * registration order. Throws a `TypeError` for an unsupported version.
 */
export function connectorTypes(options?: { kibanaVersion?: KibanaVersion }): ConnectorTypeInfo[];

/**
 * An upgrade check: the body as each of 1 to 12 releases answers it, and what changes from each
 * to the next. Throws a `TypeError` for a bad list of versions; any body or options give reports.
 *
 * @example
 * compareVersions(body, ["8.19", "9.6"]).changes; // ["valid on 8.19, refused on 9.6: 400 …"]
 */
export function compareVersions(body: unknown, versions: KibanaVersion[], options?: ValidateOptions): Comparison;

/** Kibana's license levels, lowest first (the order in which a license check compares them). */
export function licenses(): License[];

/**
 * Every Kibana release line this package answers for, oldest first (for a version picker).
 *
 * @example
 * kibanaVersions().find((r) => r.isDefault)?.version; // "9.6"
 */
export function kibanaVersions(): KibanaRelease[];

/** This package's version. */
export function version(): string;
"#;

/// A TypeScript string literal.
fn literal(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// A union written one member a line.
fn union_lines(members: &[String]) -> String {
    members
        .iter()
        .map(|m| format!("  | {m}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text safe inside a JSDoc comment.
fn escape_doc(text: &str) -> String {
    text.replace("*/", "*\\/")
}

/// The JSDoc of a schema (description, default, deprecation), indented.
fn doc(out: &mut String, schema: &Value, indent: &str) {
    let mut lines: Vec<String> = Vec::new();
    if let Some(description) = schema.get("description").and_then(Value::as_str) {
        lines.extend(escape_doc(description).lines().map(str::to_owned));
    }
    if let Some(default) = schema.get("default") {
        lines.push(format!("@default {}", escape_doc(&default.to_string())));
    }
    if schema.get("deprecated") == Some(&Value::Bool(true)) {
        lines.push("@deprecated".to_owned());
    }
    match lines.as_slice() {
        [] => {}
        [only] => {
            let _ = writeln!(out, "{indent}/** {only} */");
        }
        _ => {
            let _ = writeln!(out, "{indent}/**");
            for line in &lines {
                if line.is_empty() {
                    let _ = writeln!(out, "{indent} *");
                } else {
                    let _ = writeln!(out, "{indent} * {line}");
                }
            }
            let _ = writeln!(out, "{indent} */");
        }
    }
}

/// True for a property name that needs no quotes.
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// The TypeScript type of a (canonical) schema; `depth` is the nesting level, for indentation.
fn ts_type(schema: &Value, depth: usize) -> String {
    let Value::Object(map) = schema else {
        // `true` accepts anything, `false` nothing.
        return if schema == &Value::Bool(false) {
            "never".to_owned()
        } else {
            "JsonValue".to_owned()
        };
    };
    if map.contains_key("$ref") {
        // The only definition the schemas refer to is a JSON value without blank strings.
        return "JsonValue".to_owned();
    }
    if let Some(value) = map.get("const") {
        return value.to_string();
    }
    if let Some(Value::Array(values)) = map.get("enum") {
        return values
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join(" | ");
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(branches)) = map.get(key) {
            let types: Vec<String> = branches.iter().map(|b| ts_type(b, depth)).collect();
            return join_union(&types);
        }
    }
    let kinds: Vec<&str> = match map.get("type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => return "JsonValue".to_owned(),
    };
    let types: Vec<String> = kinds
        .iter()
        .map(|kind| match *kind {
            "string" => "string".to_owned(),
            "number" | "integer" => "number".to_owned(),
            "boolean" => "boolean".to_owned(),
            "null" => "null".to_owned(),
            "array" => {
                let items = map
                    .get("items")
                    .map_or_else(|| "JsonValue".to_owned(), |i| ts_type(i, depth));
                if items.contains(' ') {
                    format!("Array<{items}>")
                } else {
                    format!("{items}[]")
                }
            }
            "object" => object_type(map, depth),
            _ => "unknown".to_owned(),
        })
        .collect();
    join_union(&types)
}

fn join_union(types: &[String]) -> String {
    let mut unique: Vec<&String> = Vec::new();
    for t in types {
        if !unique.contains(&t) {
            unique.push(t);
        }
    }
    unique
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// An object literal type: its properties (with JSDoc), and an index signature for the other
/// keys when the schema allows them.
fn object_type(map: &Map<String, Value>, depth: usize) -> String {
    let empty = Map::new();
    let properties = match map.get("properties") {
        Some(Value::Object(properties)) => properties,
        _ => &empty,
    };
    let required: Vec<&str> = map
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if properties.is_empty() {
        let others = match map.get("additionalProperties") {
            Some(Value::Bool(false)) => None,
            None | Some(Value::Bool(true)) => Some("JsonValue".to_owned()),
            Some(schema) => Some(ts_type(schema, depth + 1)),
        };
        return match others {
            None => "Record<string, never>".to_owned(),
            Some(values) => format!("{{ [key: string]: {values} }}"),
        };
    }
    let indent = "  ".repeat(depth + 1);
    let mut out = String::from("{\n");
    for (key, property) in properties {
        doc(&mut out, property, &indent);
        let name = if is_identifier(key) {
            key.clone()
        } else {
            literal(key)
        };
        let optional = if required.contains(&key.as_str()) {
            ""
        } else {
            "?"
        };
        let _ = writeln!(
            out,
            "{indent}{name}{optional}: {};",
            ts_type(property, depth + 1)
        );
    }
    // No index signature for the other keys of an object with properties, open or not: Kibana
    // drops them (a `z.object`), so a key the type does not name is a typo, which the compiler
    // catches. JSON text and `unknown` values with such keys still pass (checked at run time).
    out.push_str(&"  ".repeat(depth));
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn types_of_schemas() {
        assert_eq!(
            ts_type(&json!({ "type": ["string", "null"] }), 0),
            "string | null"
        );
        assert_eq!(ts_type(&json!({ "enum": ["a", null] }), 0), "\"a\" | null");
        assert_eq!(
            ts_type(
                &json!({ "type": "object", "additionalProperties": false }),
                0
            ),
            "Record<string, never>"
        );
        assert_eq!(
            ts_type(
                &json!({ "type": "object", "additionalProperties": { "type": "string" } }),
                0
            ),
            "{ [key: string]: string }"
        );
        assert_eq!(
            ts_type(
                &json!({ "type": "object", "properties": { "a-b": { "type": "integer", "description": "x */ y" } }, "required": ["a-b"], "additionalProperties": false }),
                0
            ),
            "{\n  /** x *\\/ y */\n  \"a-b\": number;\n}"
        );
        assert_eq!(
            ts_type(
                &json!({ "type": "array", "items": { "type": ["string", "null"] } }),
                0
            ),
            "Array<string | null>"
        );
    }
}
