// What a TypeScript user writes: it must compile against the package's declarations, in Node
// (nodenext) and for bundlers (bundler resolution, DOM types). Each `@ts-expect-error` line is
// a mistake the declarations must catch: tsc fails if one of them compiles.
import init, {
  compareVersions,
  connectorTypes,
  initJsonSchema,
  jsonSchema,
  kibanaVersions,
  normalize,
  validate,
  version,
  type ConnectorTypeId,
  type ConnectorTypes,
  type CreateConnectorBody,
  type CreateIndexConnectorBody,
  type IssueCode,
  type JsonSchema,
  type KibanaVersion,
  type Report,
} from 'kibana-connectors';

await init();
// Both entries declare it: it loads the schema module in a browser and does nothing in Node.
await initJsonSchema();
// @ts-expect-error: it resolves to nothing
const loaded: string = await initJsonSchema();

// A typed body.
const body: CreateIndexConnectorBody = {
  name: 'my-connector',
  connector_type_id: '.index',
  config: { index: 'test-index' },
};
const report: Report = validate(body);
export const codes: IssueCode[] = report.errors.map((issue) => issue.code);
export const message: string | undefined = report.kibanaError?.message;

// An object literal is checked where it is written.
validate({ name: 'hooks', connector_type_id: '.webhook', config: { url: 'https://example.com', method: 'put' } });

// JSON text, and values whose type is unknown, are checked at run time only.
validate('{"name":"n","connector_type_id":".index","config":{"index":"i"}}');
const parsed: unknown = JSON.parse('{}');
validate(parsed, { id: 'my-connector' });
validate(JSON.parse('{}'));

// The union is discriminated on `connector_type_id`.
export function describe(any: CreateConnectorBody): string {
  switch (any.connector_type_id) {
    case '.index':
      return any.config.index;
    case '.webhook':
      return any.config.url;
    default:
      return any.name;
  }
}

// What normalize returns.
export function stored(): [boolean, string | null] | IssueCode | undefined {
  const out = normalize(body);
  if (!out.ok) {
    return out.errors[0]?.code;
  }
  if (out.body.connector_type_id === '.index') {
    return [out.body.config.refresh, out.body.config.executionTimeField];
  }
  return undefined;
}

// Update bodies name their type in the options.
validate({ name: 'renamed', config: { index: 'other' } }, { mode: 'update', connectorTypeId: '.index' });
normalize(parsed, { mode: 'update', connectorTypeId: '.index' });

// Schemas.
// A type's schema is null in a release that does not register it.
const schema: JsonSchema | null = jsonSchema('.index', { kibanaVersion: '9.3.2' });
export const title: string | undefined = schema?.title;
export const comparison: string[] = compareVersions(parsed, ['8.19', 'main']).changes;
export const deprecated: boolean = connectorTypes({ kibanaVersion: '9.5' }).some((type) => type.isDeprecated);
const maybe = jsonSchema('.no-such-type' as string);
export const bundle: JsonSchema = jsonSchema(undefined, { dialect: 'draft-07', contract: 'stored' });
export const ids: ConnectorTypeId[] = connectorTypes().map((type) => type.id);
export const packageVersion: string = version();
// A picker's list: each entry is a version the options take.
const picked: KibanaVersion[] = kibanaVersions().map((release) => release.version);
export const pickedTypes = connectorTypes({ kibanaVersion: picked[0] });
// @ts-expect-error 7.17 is not a release this package answers for
export const tooOld = validate('{}', { kibanaVersion: '7.17' });
// @ts-expect-error update bodies do not name their type: there is no bundle of them
export const noUpdateBundle = jsonSchema(undefined, { contract: 'update' });
export const updateSchema: JsonSchema | null = jsonSchema('.webhook', { contract: 'update' });
export type StoredIndexConfig = ConnectorTypes['.index']['storedConfig'];

// Mistakes the compiler catches.
// @ts-expect-error `index` is a string
validate({ name: 'n', connector_type_id: '.index', config: { index: 1 } });
// @ts-expect-error the Index connector has no `extra` setting
validate({ name: 'n', connector_type_id: '.index', config: { index: 'i', extra: 1 } });
// @ts-expect-error no such connector type
validate({ name: 'n', connector_type_id: '.no-such-type' });
// @ts-expect-error an Index connector needs its config
validate({ name: 'n', connector_type_id: '.index' });
// @ts-expect-error a number is not a body
validate(42);
// @ts-expect-error no such dialect
jsonSchema('.index', { dialect: 'draft-04' });
// @ts-expect-error the schema of an unknown type may be null
export const unsure = maybe.title;

// A misspelt config key is a compile error, also for a spec type whose config Kibana reads as a
// plain `z.object` (it would drop the key silently).
export const typo: CreateConnectorBody = {
  name: 'n',
  connector_type_id: '.alienvault-otx',
  // @ts-expect-error: `selectedAction` is not a config key (`selectedActions` is)
  config: { selectedAction: ['x'] },
  secrets: { authType: 'api_key_header', 'X-OTX-API-KEY': 'k' },
};
export const spelt: CreateConnectorBody = {
  name: 'n',
  connector_type_id: '.alienvault-otx',
  config: { selectedActions: ['x'] },
  secrets: { authType: 'api_key_header', 'X-OTX-API-KEY': 'k' },
};
