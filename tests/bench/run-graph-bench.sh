#!/usr/bin/env bash
# Gantry's layered graph layout against dagre set up as Backstage's catalog-graph does (and,
# when bench_graph was built with libgvc, Graphviz dot), on the same graphs in the same run.
# Builds nothing: build bench_graph first (tests/bench/graph.cmake).
#
# usage: tests/bench/run-graph-bench.sh [BUILD_DIR] [--sizes "100 500 2000 5000"] [--runs N]
#                                       [--peer-runs N] [--timeout S] [--dot] [--entities N]
#                                       [--workdir DIR]
#   BUILD_DIR    default build/dev (relative to the source tree)
#   --runs       Gantry layouts per graph, median reported (default 5)
#   --peer-runs  dagre/dot layouts per graph below 2,000 nodes (default 3; 1 from 2,000 up)
#   --timeout    seconds one peer process may take before it counts as "> timeout" (default 900)
#   --dot        also lay every graph out with dot through libgvc
#   --entities   size of the generated catalog the graphs come from (default 12000)
#   --table RAW  only print the table of a raw.jsonl kept from an earlier run (--workdir)
#
# One process per engine and graph. The table shows each process' peak RSS and, in brackets,
# what the layout itself added: for Gantry the peak after the graph was read (peak reset through
# /proc/self/clear_refs) minus the RSS then; for dagre maxRSS minus maxRSS after JSON.parse (V8
# cannot reset it, so read-time garbage can hide part of the layout's growth).
# Every size is laid out twice: graph-N.json, every relation among the N entities (dense, average
# degree 4-6; dagre takes longer than any sensible --timeout from 2,000 nodes up, so its ratio is a
# lower bound), and graph-sparse-N.json, the same entities at average degree 2.5 (real catalogs).
# Prints every raw JSON line, then the table and PASS/FAIL: Gantry >= 10x faster than dagre at
# 2,000 and 5,000 nodes, on both sets. Exit status: 0 met, 3 missed, anything else an error.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build_dir=build/dev
sizes="100 500 2000 5000"
runs=5
peer_runs=3
timeout_s=900
dot=0
entities=12000
workdir=""
table_only=""
while [[ $# -gt 0 ]]; do
    case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --peer-runs) peer_runs=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --dot) dot=1; shift ;;
    --entities) entities=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    --table) table_only=$2; shift 2 ;;
    -h | --help) sed -n '2,28p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) build_dir=$1; shift ;;
    esac
done
print_table() {
node - "$1" <<'JS'
const fs = require('node:fs');
const lines = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map(l => JSON.parse(l));
const byFile = {};
for (const l of lines.filter(l => l.engine)) (byFile[l.file] ??= {})[l.engine] = l;
const grown = r => (r.layoutPeakKiB !== undefined ? r.layoutPeakKiB : r.maxRssKiB - r.baselineKiB);
const mib = r => (r && r.maxRssKiB ? `${(r.maxRssKiB / 1024).toFixed(1)} (+${(grown(r) / 1024).toFixed(1)})` : '-');
const ms = r => (!r ? '-' : r.timeout ? `>${r.timeout * 1000}` : r.ms.toFixed(1));
const rows = [['graph', 'set', 'nodes', 'edges', 'Gantry ms', 'dagre ms', 'ratio', 'dot ms', 'Gantry MiB (+layout)',
               'dagre MiB (+layout)', 'edges drawn G/dagre/dot', 'target']];
let failed = false;
for (const [file, r] of Object.entries(byFile)) {
  const g = r.gantry, d = r.dagre, dot = r.dot;
  const dagreMs = d ? (d.timeout ? d.timeout * 1000 : d.ms) : NaN;
  const ratio = g && d ? `${d.timeout ? '>' : ''}${(dagreMs / g.ms).toFixed(1)}x` : '-';
  let target = '';
  if (g && g.nodes >= 2000) {
    const ok = d && dagreMs / g.ms >= 10;
    failed ||= !ok;
    target = ok ? 'PASS (>=10x)' : 'FAIL (>=10x)';
  }
  const drawn = [g, d, dot].map(x => (x && x.edgesDrawn !== undefined ? x.edgesDrawn : '-')).join('/');
  const set = file.startsWith('graph-sparse-') ? 'sparse' : file.startsWith('graph-') ? 'dense' : '';
  rows.push([file, set, g?.nodes, g?.edges, ms(g), ms(d), ratio, ms(dot), mib(g), mib(d), drawn, target].map(String));
}
const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
const write = lines.find(l => l.phase === 'write');
const d2 = write?.graphs.find(g => g.file.endsWith('depth2.json'));
const d2g = byFile['depth2.json']?.gantry;
if (d2 && d2g)
  console.log(`depth-2 neighbourhood of ${d2.focus}: ${d2.nodes} nodes, ${d2.edges} edges; selection ${d2.selectMs} ms` +
              ` + layout ${d2g.ms} ms = ${(d2.selectMs + d2g.ms).toFixed(1)} ms (target: on screen within 50 ms)`);
process.exitCode = failed ? 3 : 0;
JS
}
if [[ -n $table_only ]]; then
    print_table "$table_only"
    exit
fi

[[ $build_dir = /* ]] || build_dir=$source_dir/$build_dir
bench=${BENCH_GRAPH:-$build_dir/tests/bench/bench_graph}
[[ -x $bench ]] || { echo "missing $bench: build the bench_graph target first" >&2; exit 2; }
command -v node >/dev/null || { echo "node is required (dagre's side of the comparison)" >&2; exit 2; }

peer=$here/dagre-peer
if [[ ! -d $peer/node_modules ]]; then
    echo "# installing the dagre peer (npm ci)" >&2
    (cd "$peer" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
if [[ -z $workdir ]]; then
    workdir=$(mktemp -d "${TMPDIR:-/tmp}/gantry-graph-bench.XXXXXX")
    trap 'rm -rf "$workdir"' EXIT
fi
mkdir -p "$workdir"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem_kib=$(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo)
echo "# machine: $(nproc) cores, $cpu, $((mem_kib / 1024)) MiB RAM, $(uname -sr), node $(node --version)"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"

raw=$workdir/raw.jsonl
: >"$raw"
record() { echo "$1" | tee -a "$raw"; }
# A peer run that times out is recorded as such: the ratio becomes a lower bound.
peer_run() {
    local engine=$1 file=$2 n=$3 out
    if out=$(timeout "$timeout_s" "${@:4}"); then
        record "$out"
    else
        record "{\"engine\":\"$engine\",\"file\":\"$(basename "$file")\",\"nodes\":$n,\"timeout\":$timeout_s}"
    fi
}

sizes_csv=$(echo "$sizes" | tr ' ' ',')
record "$("$bench" --write "$workdir/graphs" --entities "$entities" --sizes "$sizes_csv" 2>/dev/null)"
# Each size twice: the dense graph (every relation among the N entities) and the sparse one
# (average degree 2.5, like real service catalogs), then the depth-2 neighbourhood.
graphs=""
for size in $sizes; do graphs+=" graph-$size graph-sparse-$size"; done
for name in $graphs depth2; do
    file=$workdir/graphs/$name.json
    n=${name##*-}
    [[ $name = depth2 ]] && n=0
    pr=$peer_runs
    [[ $n -ge 2000 ]] && pr=1
    record "$("$bench" --layout "$file" --engine gantry --runs "$runs")"
    peer_run dagre "$file" "$n" node "$peer/layout.mjs" "$file" --runs "$pr"
    if [[ $dot = 1 ]]; then
        peer_run dot "$file" "$n" "$bench" --layout "$file" --engine dot --runs "$pr"
    fi
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"

print_table "$raw"
