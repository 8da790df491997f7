# Graph view frame times on a 5,000-node scene (see bench_graphview.cpp). Include from
# tests/bench/CMakeLists.txt:  include(${CMAKE_CURRENT_SOURCE_DIR}/graphview.cmake)
# Run: QT_QPA_PLATFORM=offscreen build/dev/tests/bench/bench_graphview [--nodes 5000] [--frames 60]
add_executable(bench_graphview ${CMAKE_CURRENT_LIST_DIR}/bench_graphview.cpp)
gantry_target_defaults(bench_graphview)
target_link_libraries(bench_graphview PRIVATE gantry_ui)
