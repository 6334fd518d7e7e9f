# Translations: translations/*.ts are compiled to .qm at build time (never committed) and embedded
# in each executable under :/i18n/. `cmake --build build --target update_translations` runs lupdate
# over the whole source tree.
set(OW_TS_FILES
    "${PROJECT_SOURCE_DIR}/translations/onewindow_zh_CN.ts"
    "${PROJECT_SOURCE_DIR}/translations/onewindow_en.ts")

function(ow_embed_translations target)
    qt_add_lrelease(${target} TS_FILES ${OW_TS_FILES} QM_FILES_OUTPUT_VARIABLE _qm_files)
    qt_add_resources(${target} "${target}_translations" PREFIX "/i18n" BASE "${CMAKE_CURRENT_BINARY_DIR}"
        FILES ${_qm_files})
endfunction()

add_custom_target(update_translations
    COMMAND Qt6::lupdate -locations none -no-obsolete
            -I "${PROJECT_SOURCE_DIR}/modules" -I "${PROJECT_SOURCE_DIR}/drivers"
            "${PROJECT_SOURCE_DIR}/modules" "${PROJECT_SOURCE_DIR}/app" "${PROJECT_SOURCE_DIR}/drivers"
            -ts ${OW_TS_FILES}
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    COMMENT "Updating translations/*.ts from the sources"
    VERBATIM)
