#!/usr/bin/env bash
# Gantry's catalog benchmark against Backstage's own ingest, on the same generated files in the
# same run. Builds nothing: build bench_catalog and gantry-gencatalog first, e.g.
#   cmake --preset dev && cmake --build --preset dev --target bench_catalog gantry-gencatalog
#
# usage: tests/bench/run-catalog-bench.sh [BUILD_DIR] [--sizes "1000 10000 50000"] [--runs N]
#                                         [--seed S] [--workdir DIR] [--keep]
#   BUILD_DIR  default build/dev (relative to the source tree)
#   --runs     cold-load processes per side and size (median time, max peak RSS); default 3
#   --workdir  where catalogs are generated (default: a new folder in $TMPDIR, removed after)
#
# Prints every raw JSON line, then a table and PASS/FAIL against the targets:
#   cold load >= 5x Backstage's throughput (wall time; CPU time shown too) with <= 0.5x its
#   peak memory (every size),
#   warm start of 10k entities <= 150 ms, slowest keystroke of the filter over 50k <= 16 ms.
# Exit status: 0 all targets met, 3 a target missed, anything else an error.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build_dir=build/dev
sizes="1000 10000 50000"
runs=3
seed=1
workdir=""
keep=0
while [[ $# -gt 0 ]]; do
    case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) build_dir=$1; shift ;;
    esac
done
[[ $build_dir = /* ]] || build_dir=$source_dir/$build_dir
bench=$build_dir/tests/bench/bench_catalog
gen=$build_dir/tests/bench/gantry-gencatalog
for exe in "$bench" "$gen"; do
    if [[ ! -x $exe ]]; then
        echo "missing $exe: build the bench_catalog and gantry-gencatalog targets first" >&2
        exit 2
    fi
done
command -v node >/dev/null || { echo "node is required (Backstage's side of the comparison)" >&2; exit 2; }

peer=$here/backstage-peer
if [[ ! -d $peer/node_modules ]]; then
    echo "# installing the Backstage peer (npm ci)" >&2
    (cd "$peer" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

if [[ -z $workdir ]]; then
    workdir=$(mktemp -d "${TMPDIR:-/tmp}/gantry-catalog-bench.XXXXXX")
    [[ $keep = 1 ]] || trap 'rm -rf "$workdir"' EXIT
fi
mkdir -p "$workdir"
raw=$workdir/results.jsonl
: >"$raw"

record() { # size json-line
    local line="{\"size\":$1,\"result\":$2}"
    echo "$line" >>"$raw"
    echo "$line"
}

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem_kib=$(grep -m1 MemTotal /proc/meminfo | awk '{print $2}')
echo "# machine: $(nproc) cores, $cpu, $((mem_kib / 1024)) MiB RAM, $(uname -sr), node $(node --version)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# build: $build_dir   catalogs: $workdir   seed: $seed   cold runs per side: $runs"

for size in $sizes; do
    dir=$workdir/catalog-$size
    rm -rf "$dir"
    record "$size" "$("$gen" "$dir" --entities "$size" --seed "$seed" --json | sed 's/^{/{"tool":"generator",/')"
    # Both sides read from the page cache: read every file once before timing anything.
    find "$dir" -type f -exec cat {} + >/dev/null
    for ((r = 0; r < runs; ++r)); do # alternate the sides so that machine noise hits both
        record "$size" "$(node "$peer/ingest.mjs" --dir "$dir" --json)"
        record "$size" "$("$bench" --dir "$dir" --phase cold --runs 1 --json)"
    done
    record "$size" "$("$bench" --dir "$dir" --phase refresh --json)"
    record "$size" "$("$bench" --dir "$dir" --phase warm --json)"
    record "$size" "$("$bench" --dir "$dir" --phase filter --json)"
    record "$size" "$("$bench" --dir "$dir" --phase breakdown --json)" # diagnostic: parse vs assembly
    [[ $keep = 1 ]] || rm -rf "$dir"
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

node - "$raw" <<'EOF'
const fs = require('node:fs');
const lines = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const bySize = new Map();
for (const { size, result } of lines) {
  if (!bySize.has(size)) bySize.set(size, []);
  bySize.get(size).push(result);
}
const rows = [];
const verdicts = [];
let missed = false;
const judge = (ok, text) => { verdicts.push(`${ok ? 'PASS' : 'FAIL'}  ${text}`); missed ||= !ok; };
for (const [size, results] of bySize) {
  const gen = results.find((r) => r.tool === 'generator');
  const bs = results.filter((r) => r.tool === 'backstage');
  const cold = results.filter((r) => r.tool === 'gantry' && r.phase === 'cold');
  const phase = (p) => results.find((r) => r.tool === 'gantry' && r.phase === p);
  const refresh = phase('refresh'), warm = phase('warm'), filter = phase('filter');
  const gMs = median(cold.map((r) => r.ms)), bMs = median(bs.map((r) => r.ms));
  const gRss = Math.max(...cold.map((r) => r.peakRssKiB)) / 1024, bRss = Math.max(...bs.map((r) => r.peakRssKiB)) / 1024;
  const gEntities = cold[0].entities, bEntities = bs[0].entities;
  const speed = (gEntities / gMs) / (bEntities / bMs);
  // CPU time (all threads) does not depend on what else the machine runs: a noise-robust check.
  const cpuSpeed = (gEntities / median(cold.map((r) => r.cpuMs))) / (bEntities / median(bs.map((r) => r.cpuMs)));
  const memory = gRss / bRss;
  rows.push([size, gen.files, (gen.bytes / 1e6).toFixed(1), gMs.toFixed(0), bMs.toFixed(0), `${speed.toFixed(1)}x`,
    `${cpuSpeed.toFixed(1)}x`, gRss.toFixed(0), bRss.toFixed(0), memory.toFixed(2), `${refresh.ms.toFixed(1)} (${refresh.filesParsed})`,
    warm.ms.toFixed(1), `${filter.medianMs.toFixed(2)}/${filter.maxMs.toFixed(2)}`]);
  if (gEntities !== bEntities) judge(false, `${size}: Gantry loaded ${gEntities} entities, Backstage ${bEntities}`);
  judge(speed >= 5, `${size}: cold load throughput ${speed.toFixed(1)}x Backstage's (target >= 5x; per CPU second ${cpuSpeed.toFixed(1)}x)`);
  judge(memory <= 0.5, `${size}: cold load peak memory ${memory.toFixed(2)}x Backstage's (target <= 0.5x)`);
  judge(refresh.filesParsed === 3 && refresh.changesVisible, `${size}: refresh after a 3-file change parsed ${refresh.filesParsed} files`);
  if (size === 10000) judge(warm.ms <= 150, `${size}: warm start ${warm.ms.toFixed(1)} ms (target <= 150 ms)`);
  if (size === 50000) judge(filter.maxMs <= 16, `${size}: slowest filter keystroke ${filter.maxMs.toFixed(2)} ms (target <= 16 ms; median ${filter.medianMs.toFixed(2)} ms)`);
}
const header = ['entities', 'files', 'MB', 'gantry ms', 'backstage ms', 'speed', 'cpu speed', 'gantry MiB', 'backstage MiB',
  'mem ratio', 'refresh ms (parsed)', 'warm ms', 'filter med/max ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const fmt = (r) => r.map((c, i) => String(c).padStart(widths[i])).join('  ');
console.log('');
console.log(fmt(header));
for (const r of rows) console.log(fmt(r));
console.log('');
for (const v of verdicts) console.log(v);
process.exitCode = missed ? 3 : 0;
EOF
