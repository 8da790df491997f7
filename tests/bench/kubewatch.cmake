# Kubernetes watch benchmark (included from tests/bench/CMakeLists.txt): bench_kubewatch runs
# gantry-kubesim with 5,000 pods in one namespace and 500 pod updates per second, lists and
# watches them with Gantry's informer, and reports events/s handled, the delay from an event's
# arrival to the pod model holding it, and how many model updates per second the UI would see.
add_executable(bench_kubewatch bench_kubewatch.cpp)
gantry_target_defaults(bench_kubewatch)
target_link_libraries(bench_kubewatch PRIVATE gantry_models)
add_dependencies(bench_kubewatch gantry-kubesim)
target_compile_definitions(bench_kubewatch PRIVATE "GANTRY_BENCH_KUBESIM=\"$<TARGET_FILE:gantry-kubesim>\"")
