# Graph-layout benchmark (included from tests/bench/CMakeLists.txt): bench_graph writes graphs
# taken from a generated catalog and times Gantry's layered layout on them (and Graphviz dot
# through libgvc when libgraphviz-dev is installed); run-graph-bench.sh puts dagre next to it.
add_executable(bench_graph bench_graph.cpp)
gantry_target_defaults(bench_graph)
target_link_libraries(bench_graph PRIVATE gantry_models gantry_catalog_generator)

pkg_check_modules(LIBGVC QUIET IMPORTED_TARGET libgvc)
if(LIBGVC_FOUND)
    target_compile_definitions(bench_graph PRIVATE GANTRY_BENCH_HAVE_GVC=1)
    target_link_libraries(bench_graph PRIVATE PkgConfig::LIBGVC)
endif()
