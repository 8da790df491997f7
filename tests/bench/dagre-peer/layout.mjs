// dagre set up as Backstage's catalog-graph plugin sets it up (DependencyGraph.tsx), on a graph
// written by bench_graph --write. Prints one JSON line: median wall time of the layout (graph
// building included, as the plugin rebuilds it on every render), peak RSS, and how many of the
// input edges dagre kept (a multigraph without edge names collapses parallel edges).
//
//   node layout.mjs FILE [--runs N] [--rankdir LR|TB]
import dagre from '@dagrejs/dagre';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const file = args[0];
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Math.max(1, Number(option('--runs', '3')));
const input = JSON.parse(readFileSync(file, 'utf8'));
const rankdir = option('--rankdir', input.rankdir ?? 'LR');
const baselineKiB = process.resourceUsage().maxRSS;

function layOut() {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir, nodesep: 50, edgesep: 10, ranksep: 50, ranker: 'network-simplex' });
  graph.setDefaultEdgeLabel(() => ({}));
  input.nodes.forEach(node => graph.setNode(node.id, { width: node.width, height: node.height }));
  input.edges.forEach(edge =>
    graph.setEdge(input.nodes[edge.from].id, input.nodes[edge.to].id, { label: edge.type }),
  );
  dagre.layout(graph);
  return graph;
}

const times = [];
let kept = 0;
for (let run = 0; run < runs; ++run) {
  const start = performance.now();
  const graph = layOut();
  times.push(performance.now() - start);
  kept = graph.edgeCount();
}
times.sort((a, b) => a - b);
const round = v => Math.round(v * 100) / 100;
console.log(
  JSON.stringify({
    engine: 'dagre',
    version: JSON.parse(readFileSync(new URL('./node_modules/@dagrejs/dagre/package.json', import.meta.url))).version,
    file: file.split('/').pop(),
    nodes: input.nodes.length,
    edges: input.edges.length,
    edgesDrawn: kept,
    runs,
    ms: round(times[Math.floor((times.length - 1) / 2)]),
    minMs: round(times[0]),
    baselineKiB,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
