# Project-wide compile settings for our own targets only (never for third-party code).
function(gantry_target_defaults target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER
        QT_NO_CAST_FROM_BYTEARRAY QT_NO_KEYWORDS)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    set_target_properties(${target} PROPERTIES COMPILE_WARNING_AS_ERROR ON)
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
    if(GANTRY_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()

# gantry_add_test(NAME SOURCES... [LIBS libs...] [GUI]): builds, links, registers with CTest,
# runs on the offscreen platform with a private HOME/XDG so tests never touch the user's files.
function(gantry_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
    gantry_target_defaults(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set(test_home "${CMAKE_BINARY_DIR}/test-home/${name}")
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;HOME=${test_home};XDG_CONFIG_HOME=${test_home}/.config;XDG_CACHE_HOME=${test_home}/.cache;XDG_DATA_HOME=${test_home}/.local/share;GANTRY_SOURCE_DIR=${PROJECT_SOURCE_DIR};GANTRY_BINARY_DIR=${CMAKE_BINARY_DIR};GANTRY_SHARED_DIR=${PROJECT_SOURCE_DIR}/../shared;ASAN_OPTIONS=detect_leaks=0")
endfunction()
