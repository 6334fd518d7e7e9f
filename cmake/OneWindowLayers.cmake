# The layers of docs/architecture.md, checked when the build is configured: for every module, the
# OneWindow libraries it may link directly. A link that is not listed stops the configuration with
# the module and the library named, so a shortcut across layers is a design decision written here
# (and in docs/architecture.md), never an accident. Qt and system libraries are not checked.
set(_ow_drivers ow_camera ow_evaluator ow_idcard ow_receipt ow_scanner ow_serial)
set(OW_LAYER_ow_core "")
set(OW_LAYER_ow_storage ow_core)
set(OW_LAYER_ow_catalogue ow_core)
set(OW_LAYER_ow_cases ow_storage ow_catalogue ow_core)
set(OW_LAYER_ow_accounts ow_storage ow_cases ow_core)
# documents prints the supervision notice (督办单) from the supervision module's warnings.
set(OW_LAYER_ow_documents ow_supervision ow_cases ow_catalogue ow_core)
# intake reads the evaluator's Rating type; it never opens a device. It asks the data-sharing
# platform (sharing) for data-shared materials and attaches what it answers.
set(OW_LAYER_ow_intake ow_sharing ow_documents ow_cases ow_catalogue ow_evaluator ow_core)
# sync brings the hall's accounts into the workstation's account store.
set(OW_LAYER_ow_sync ow_storage ow_accounts ow_cases ow_catalogue ow_core)
# setup: the workstation's configuration layers and its first-run hall setup (enrols through sync,
# then brings the hall's accounts into the account store).
set(OW_LAYER_ow_setup ow_sync ow_accounts ow_cases ow_core)
set(OW_LAYER_ow_devices ${_ow_drivers} ow_core)
# queue: the hall's queue as a pure domain (tickets, rules, dispatch, figures); stored by the server.
set(OW_LAYER_ow_queue ow_core)
# supervision: the warning rules and figures as a pure domain over cases' events and the calendar;
# stored and served by the server.
set(OW_LAYER_ow_supervision ow_cases ow_core)
# server checks hall administrators' passwords with the accounts' PasswordHash and roles, and draws
# the self-service checklist's QR code with the documents' QrCode.
set(OW_LAYER_ow_server ow_queue ow_supervision ow_documents ow_storage ow_sync ow_accounts ow_cases ow_catalogue ow_core)
# ui shows the supervisor's desk from the supervision module's warning model.
set(OW_LAYER_ow_ui ow_intake ow_sharing ow_setup ow_supervision ow_sync ow_devices ow_accounts ow_documents ow_cases ow_catalogue
    ow_storage ${_ow_drivers} ow_core)
set(OW_LAYER_ow_cli ow_tableimport ow_supervision ow_server ow_sync ow_intake ow_devices ow_accounts ow_documents ow_cases ow_catalogue
    ow_storage ${_ow_drivers} ow_core)
# kiosk: the visitor's way through the 取号机 and its ticket slip (the documents' QrCode and 80 mm
# receipt format, the ID card's data); kioskui: its touch widgets over the devices and the search.
set(OW_LAYER_ow_kiosk ow_documents ow_idcard ow_core)
set(OW_LAYER_ow_kioskui ow_kiosk ow_devices ow_catalogue ow_documents ow_idcard ow_core)
# authoring: a catalogue folder open for editing and its live lint (onewindow-editor), over the
# catalogue's loader and linter.
set(OW_LAYER_ow_authoring ow_catalogue ow_core)
# editorui: the editor's widgets over authoring, with the workstation's dialog seams from ui; its
# preview runs the counter's own interview page (ui) over an intake session that stores nothing
# (intake), and it imports a department's material table into the open catalogue (tableimport); it
# signs catalogue editors in to the review server, locks matters and submits through sync's
# CatalogueEditorClient.
set(OW_LAYER_ow_editorui ow_authoring ow_tableimport ow_ui ow_intake ow_sync ow_catalogue ow_core)
# tableimport: a department's material table (CSV, or XLSX through libzip) planned into a catalogue
# folder and written there, linted by the catalogue's loader and linter first.
set(OW_LAYER_ow_tableimport ow_catalogue ow_core)
# deptsim: a department's business system simulated for demos and tests (onewindow-devsim
# department): it checks the server's signed pushes with sync's PushSignature and answers through the
# department API with sync's SyncClient.
set(OW_LAYER_ow_deptsim ow_sync ow_core)
# sharing: the data-sharing platform (数据共享) as an interface, its HTTP adapter and its simulator;
# requests are signed with sync's PushSignature, the same HMAC scheme as the server's pushes.
set(OW_LAYER_ow_sharing ow_sync ow_core)
set(OW_LAYER_ow_serial ow_core)
foreach(_driver ow_camera ow_evaluator ow_idcard ow_receipt ow_scanner)
    set(OW_LAYER_${_driver} ow_serial ow_core)
endforeach()

function(ow_check_layers)
    foreach(module ow_core ow_storage ow_catalogue ow_cases ow_accounts ow_documents ow_intake ow_sync
            ow_setup ow_devices ow_kiosk ow_kioskui ow_authoring ow_editorui ow_tableimport ow_queue ow_supervision ow_server ow_deptsim ow_sharing ow_ui ow_cli ${_ow_drivers})
        if(NOT TARGET ${module})
            message(FATAL_ERROR "Layer check: ${module} is listed in cmake/OneWindowLayers.cmake but not built")
        endif()
        get_target_property(links ${module} LINK_LIBRARIES)
        foreach(link IN LISTS links)
            if(link MATCHES "^ow_" AND NOT link STREQUAL "ow_common_cfg" AND NOT link IN_LIST OW_LAYER_${module})
                message(FATAL_ERROR "Layer check: ${module} links ${link}, which its layer may not use "
                    "(see docs/architecture.md and cmake/OneWindowLayers.cmake)")
            endif()
        endforeach()
    endforeach()
    # Every module is in the table: a new one is placed in a layer when it is added.
    get_property(modules GLOBAL PROPERTY OW_MODULES)
    foreach(module IN LISTS modules)
        if(NOT DEFINED OW_LAYER_${module})
            message(FATAL_ERROR "Layer check: ${module} has no layer in cmake/OneWindowLayers.cmake")
        endif()
    endforeach()
endfunction()
