#!/usr/bin/env node
// Backstage's own catalog ingest, reduced to what Gantry's cold load does, for a same-run
// comparison on the same files: read every catalog file (following Location targets from the
// root catalog-info.yaml, as Backstage does), parse every document with js-yaml's loadAll,
// enforce the catalog's default entity policies and the built-in kind validators exported by
// @backstage/catalog-model, emit relation pairs exactly like BuiltinKindsEntityProcessor (both
// directions), and stitch them per entity. It leaves out what Backstage adds on top (database,
// processing loop, search indexing), so it is a lower bound of Backstage's real cost.
//
//   node ingest.mjs --dir DIR [--root catalog-info.yaml] [--runs N] [--json]
//
// Prints one JSON line: entities, files, bytes, ms (median of runs), msAll, peakRssKiB/MiB.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  getCompoundEntityRef,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import { loadAll } from 'js-yaml';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    root: { type: 'string', default: 'catalog-info.yaml' },
    runs: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
});
if (!args.dir) {
  process.stderr.write('usage: node ingest.mjs --dir DIR [--root catalog-info.yaml] [--runs N] [--json]\n');
  process.exit(2);
}

// The catalog backend's default policy set (CatalogBuilder), in its order.
const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

// BuiltinKindsEntityProcessor.validateEntityKind: the first validator that recognises the
// kind/apiVersion decides (it throws on an invalid entity). Template is validated by the
// scaffolder's own processor in Backstage (plugin-scaffolder-common), not part of this package:
// here Templates get the policies only.
const kindValidators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
];

async function validateKind(entity) {
  for (const validator of kindValidators) {
    if (await validator.check(entity)) {
      return true;
    }
  }
  return entity.kind === 'Template';
}

// BuiltinKindsEntityProcessor.postProcessEntity.
function emitRelations(entity, emit) {
  const selfRef = getCompoundEntityRef(entity);
  const doEmit = (targets, context, outgoing, incoming) => {
    if (!targets) {
      return;
    }
    for (const target of [targets].flat()) {
      const targetRef = parseEntityRef(target, context);
      emit(selfRef, outgoing, targetRef);
      emit(targetRef, incoming, selfRef);
    }
  };
  const ns = selfRef.namespace;
  const spec = entity.spec ?? {};
  switch (entity.kind) {
    case 'Component':
      doEmit(spec.owner, { defaultKind: 'Group', defaultNamespace: ns }, RELATION_OWNED_BY, RELATION_OWNER_OF);
      doEmit(spec.subcomponentOf, { defaultKind: 'Component', defaultNamespace: ns }, RELATION_PART_OF, RELATION_HAS_PART);
      doEmit(spec.providesApis, { defaultKind: 'API', defaultNamespace: ns }, RELATION_PROVIDES_API, RELATION_API_PROVIDED_BY);
      doEmit(spec.consumesApis, { defaultKind: 'API', defaultNamespace: ns }, RELATION_CONSUMES_API, RELATION_API_CONSUMED_BY);
      doEmit(spec.dependsOn, { defaultNamespace: ns }, RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF);
      doEmit(spec.dependencyOf, { defaultNamespace: ns }, RELATION_DEPENDENCY_OF, RELATION_DEPENDS_ON);
      doEmit(spec.system, { defaultKind: 'System', defaultNamespace: ns }, RELATION_PART_OF, RELATION_HAS_PART);
      break;
    case 'API':
      doEmit(spec.owner, { defaultKind: 'Group', defaultNamespace: ns }, RELATION_OWNED_BY, RELATION_OWNER_OF);
      doEmit(spec.system, { defaultKind: 'System', defaultNamespace: ns }, RELATION_PART_OF, RELATION_HAS_PART);
      break;
    case 'Resource':
      doEmit(spec.owner, { defaultKind: 'Group', defaultNamespace: ns }, RELATION_OWNED_BY, RELATION_OWNER_OF);
      doEmit(spec.dependsOn, { defaultNamespace: ns }, RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF);
      doEmit(spec.dependencyOf, { defaultNamespace: ns }, RELATION_DEPENDENCY_OF, RELATION_DEPENDS_ON);
      doEmit(spec.system, { defaultKind: 'System', defaultNamespace: ns }, RELATION_PART_OF, RELATION_HAS_PART);
      break;
    case 'System':
      doEmit(spec.owner, { defaultKind: 'Group', defaultNamespace: ns }, RELATION_OWNED_BY, RELATION_OWNER_OF);
      doEmit(spec.domain, { defaultKind: 'Domain', defaultNamespace: ns }, RELATION_PART_OF, RELATION_HAS_PART);
      break;
    case 'Domain':
      doEmit(spec.owner, { defaultKind: 'Group', defaultNamespace: ns }, RELATION_OWNED_BY, RELATION_OWNER_OF);
      doEmit(spec.subdomainOf, { defaultKind: 'Domain', defaultNamespace: ns }, RELATION_PART_OF, RELATION_HAS_PART);
      break;
    case 'User':
      doEmit(spec.memberOf, { defaultKind: 'Group', defaultNamespace: ns }, RELATION_MEMBER_OF, RELATION_HAS_MEMBER);
      break;
    case 'Group':
      doEmit(spec.parent, { defaultKind: 'Group', defaultNamespace: ns }, RELATION_CHILD_OF, RELATION_PARENT_OF);
      doEmit(spec.children, { defaultKind: 'Group', defaultNamespace: ns }, RELATION_PARENT_OF, RELATION_CHILD_OF);
      doEmit(spec.members, { defaultKind: 'User', defaultNamespace: ns }, RELATION_HAS_MEMBER, RELATION_MEMBER_OF);
      break;
    case 'Template': // the scaffolder's processor
      doEmit(spec.owner, { defaultKind: 'Group', defaultNamespace: ns }, RELATION_OWNED_BY, RELATION_OWNER_OF);
      break;
    default:
      break;
  }
}

async function ingest(rootDir, rootFile) {
  const entities = new Map(); // canonical ref -> entity (first definition wins)
  const relations = new Map(); // source ref -> Map("type|targetRef" -> relation)
  const errors = [];
  let files = 0;
  let bytes = 0;
  let conflicts = 0;

  const emit = (source, type, target) => {
    const sourceRef = stringifyEntityRef(source);
    const targetRef = stringifyEntityRef(target);
    let forSource = relations.get(sourceRef);
    if (!forSource) {
      forSource = new Map();
      relations.set(sourceRef, forSource);
    }
    forSource.set(`${type}|${targetRef}`, { type, targetRef });
  };

  const queue = [path.resolve(rootDir, rootFile)];
  const seen = new Set(queue);
  for (let next = 0; next < queue.length; ++next) {
    const file = queue[next];
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      errors.push(`${file}: ${e.message}`);
      continue;
    }
    ++files;
    bytes += Buffer.byteLength(text);
    let documents;
    try {
      documents = loadAll(text);
    } catch (e) {
      errors.push(`${file}: YAML error, ${e.message}`);
      continue;
    }
    for (const document of documents) {
      if (document === null || document === undefined) {
        continue; // empty document
      }
      if (typeof document !== 'object' || Array.isArray(document)) {
        errors.push(`${file}: Expected object at root, got ${typeof document}`);
        continue;
      }
      try {
        const entity = await policy.enforce(document);
        if (!entity || !(await validateKind(entity))) {
          errors.push(`${file}: No processor recognized the entity as valid`);
          continue;
        }
        const ref = stringifyEntityRef(entity);
        if (entities.has(ref)) {
          ++conflicts;
          continue;
        }
        entities.set(ref, entity);
        if (entity.kind === 'Location') {
          const spec = entity.spec ?? {};
          const targets = [...(spec.target ? [spec.target] : []), ...(spec.targets ?? [])];
          for (const target of targets) {
            const resolved = path.resolve(path.dirname(file), target);
            if (!seen.has(resolved)) {
              seen.add(resolved);
              queue.push(resolved);
            }
          }
        }
        emitRelations(entity, emit);
      } catch (e) {
        errors.push(`${file}: ${e.message}`);
      }
    }
  }

  // Stitching: every entity gets its relations, both directions, sorted and unique.
  let relationCount = 0;
  for (const [ref, entity] of entities) {
    const list = [...(relations.get(ref)?.values() ?? [])];
    list.sort((a, b) => (a.type === b.type ? a.targetRef.localeCompare(b.targetRef) : a.type.localeCompare(b.type)));
    entity.relations = list;
    relationCount += list.length;
  }
  return { entities: entities.size, files, bytes, errors, conflicts, relations: relationCount };
}

const versionOf = (pkg) => {
  try {
    return JSON.parse(readFileSync(new URL(`./node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;
  } catch {
    return 'unknown';
  }
};

const runs = Math.max(1, Number.parseInt(args.runs, 10) || 1);
const times = [];
const cpuTimes = [];
let result;
for (let i = 0; i < runs; ++i) {
  result = undefined; // let the previous run's catalog go before the next one
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  result = await ingest(args.dir, args.root);
  times.push(performance.now() - start);
  const cpu = process.cpuUsage(cpuBefore); // includes V8's GC and compiler threads
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const maxRss = process.resourceUsage().maxRSS; // KiB
const summary = {
  tool: 'backstage',
  catalogModel: versionOf('@backstage/catalog-model'),
  jsYaml: versionOf('js-yaml'),
  node: process.version,
  dir: path.resolve(args.dir),
  entities: result.entities,
  files: result.files,
  bytes: result.bytes,
  relations: result.relations,
  errors: result.errors.length,
  conflicts: result.conflicts,
  runs,
  ms: Math.round(median * 10) / 10,
  msAll: times.map((t) => Math.round(t * 10) / 10),
  cpuMs: Math.round([...cpuTimes].sort((a, b) => a - b)[Math.floor(cpuTimes.length / 2)] * 10) / 10,
  entitiesPerSecond: Math.round((result.entities * 1000) / median),
  peakRssKiB: maxRss,
  peakRssMiB: Math.round((maxRss / 1024) * 10) / 10,
};
if (args.json) {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} else {
  process.stdout.write(
    `backstage ingest: ${summary.entities} entities from ${summary.files} files in ${summary.ms} ms ` +
      `(${summary.entitiesPerSecond} entities/s), peak RSS ${summary.peakRssMiB} MiB, ` +
      `${summary.errors} errors, ${summary.relations} stitched relations\n`,
  );
}
for (const e of result.errors.slice(0, 10)) {
  process.stderr.write(`${e}\n`);
}
