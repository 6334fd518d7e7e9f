# ow_add_test(NAME SOURCES... LINK libs... LABELS unit|gui|integration|hardware)
# One QTest executable per test class, registered with CTest under its label.
function(ow_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LINK;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ow_common_cfg Qt6::Test ${ARG_LINK})
    target_compile_definitions(${name} PRIVATE
        OW_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        OW_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_LABELS)
        set(ARG_LABELS unit)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8"
        TIMEOUT 300)
endfunction()
