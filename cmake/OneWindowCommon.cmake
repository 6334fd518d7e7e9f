# One INTERFACE target carries the settings every OneWindow target shares.
add_library(ow_common_cfg INTERFACE)
add_library(OneWindow::common ALIAS ow_common_cfg)

target_compile_features(ow_common_cfg INTERFACE cxx_std_23)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(ow_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_KEYWORDS
    QT_STRICT_ITERATORS
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    OW_VERSION="${PROJECT_VERSION}"
)

if(MSVC)
    target_compile_options(ow_common_cfg INTERFACE /W4 /permissive- /utf-8 /Zc:__cplusplus)
    if(OW_WERROR)
        target_compile_options(ow_common_cfg INTERFACE /WX)
    endif()
else()
    target_compile_options(ow_common_cfg INTERFACE -Wall -Wextra -Wpedantic -Woverloaded-virtual -Wnon-virtual-dtor)
    if(OW_WERROR)
        target_compile_options(ow_common_cfg INTERFACE -Werror)
    endif()
endif()

if(OW_SANITIZE AND NOT MSVC)
    string(REPLACE ";" "," _ow_san "${OW_SANITIZE}")
    target_compile_options(ow_common_cfg INTERFACE -fsanitize=${_ow_san} -fno-omit-frame-pointer)
    target_link_options(ow_common_cfg INTERFACE -fsanitize=${_ow_san})
endif()

if(OW_COVERAGE AND NOT MSVC)
    target_compile_options(ow_common_cfg INTERFACE --coverage -O0)
    target_link_options(ow_common_cfg INTERFACE --coverage)
endif()

# ow_add_module(NAME SOURCES... [LINK libs...]) — one static library per folder under modules/ or drivers/.
function(ow_add_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LINK" ${ARGN})
    add_library(${name} STATIC)
    set_property(GLOBAL APPEND PROPERTY OW_MODULES ${name})
    target_sources(${name} PRIVATE ${ARG_SOURCES})
    # The module exports a folder holding only a link to itself, so `#include "cases/Case.h"` compiles
    # only in a target that links ow_cases: an include needs a link.
    get_filename_component(_folder "${CMAKE_CURRENT_SOURCE_DIR}" NAME)
    set(_exported "${CMAKE_CURRENT_BINARY_DIR}/exported")
    file(MAKE_DIRECTORY "${_exported}")
    if(NOT EXISTS "${_exported}/${_folder}")
        file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}" "${_exported}/${_folder}" SYMBOLIC)
    endif()
    target_include_directories(${name} PUBLIC "${_exported}")
    target_link_libraries(${name} PUBLIC ow_common_cfg ${ARG_LINK})
endfunction()
