# Installation and packages: the install rules that are not a target's own (desktop entry, icon,
# demo catalogue, systemd unit, settings files, udev rules, package docs), CPack's Debian packages
# (one per component) and the `msi` target. scripts/package drives it; docs/deployment.md explains
# what the packages do.
#
# Components and the Debian package each one becomes:
#   workstation  onewindow          onewindow, onewindow-cli, onewindow-devsim, onewindow-kiosk,
#                                   onewindow-editor,
#                                   desktop entries, icon, demo catalogue, /etc/onewindow/onewindow.conf
#   server       onewindow-server   onewindow-server, its systemd unit, /etc/onewindow/server.conf
#   devices      onewindow-devices  udev rules for the counter's USB devices
include(GNUInstallDirs)

set(OW_PACKAGE_MAINTAINER "OneWindow maintainers <onewindow@example.org>"
    CACHE STRING "Maintainer field of the Debian packages")
set(OW_BUILD_NUMBER "" CACHE STRING
    "Fourth part of the package version; empty: the number of commits in git, so it rises with every release")

# Four-part version: the project's MAJOR.MINOR.PATCH and the build number. Worked out at configure
# time; scripts/package configures before every packaging run, so a new commit gets a new number.
set(_ow_build_number "${OW_BUILD_NUMBER}")
set(_ow_commit "unknown")
set(_ow_commit_date "")
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
    execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short=12 HEAD
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE _ow_commit
        OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    # RFC 2822 date of the commit, as a Debian changelog wants it (reproducible: not "now").
    execute_process(COMMAND "${GIT_EXECUTABLE}" log -1 --format=%cD
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE _ow_commit_date
        OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(_ow_build_number STREQUAL "")
        execute_process(COMMAND "${GIT_EXECUTABLE}" rev-list --count HEAD
            WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE _ow_build_number
            OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    endif()
endif()
if(_ow_build_number STREQUAL "")
    set(_ow_build_number 0)
endif()
if(_ow_commit_date STREQUAL "")
    string(TIMESTAMP _ow_commit_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
endif()
set(OW_PACKAGE_VERSION "${PROJECT_VERSION}.${_ow_build_number}")

# ---- Install rules (the executables install themselves in app/*/CMakeLists.txt) ----------------
set(_ow_installer "${PROJECT_SOURCE_DIR}/installer")

# Where the workstation looks for it beside its binary (ui/CatalogueLocation: ../share/onewindow).
install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/catalogue/demo"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/onewindow/catalogue" COMPONENT workstation)

# The rest is for Linux (Debian packages). On Windows `cmake --install --component workstation`
# stages only the programs and the demo catalogue, the layout the MSI packs.
if(NOT WIN32)
    # The kiosk's entry is hidden from menus (a counter's clerk has no use for it): a kiosk machine
    # starts it from its session's autostart, with the kiosk's --data-dir added to Exec.
    # The catalogue editor's entry is in the menus, for the catalogue staff.
    install(FILES "${_ow_installer}/linux/onewindow.desktop" "${_ow_installer}/linux/onewindow-kiosk.desktop"
        "${_ow_installer}/linux/onewindow-editor.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT workstation)
    install(FILES "${_ow_installer}/linux/onewindow.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" COMPONENT workstation)
    install(FILES "${_ow_installer}/linux/onewindow.conf"
        DESTINATION "/etc/onewindow" COMPONENT workstation)

    install(FILES "${_ow_installer}/linux/onewindow-server.service"
        DESTINATION "/lib/systemd/system" COMPONENT server)
    install(FILES "${_ow_installer}/linux/server.conf"
        DESTINATION "/etc/onewindow" COMPONENT server)

    install(FILES "${_ow_installer}/linux/70-onewindow.rules"
        DESTINATION "/lib/udev/rules.d" COMPONENT devices)
    install(FILES "${_ow_installer}/linux/onewindow-devices.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo" RENAME org.onewindow.devices.metainfo.xml COMPONENT devices)

    # Every Debian package carries its copyright file and a changelog (gzip -9n, as Debian wants).
    find_program(OW_GZIP gzip)
    foreach(_ow_pair IN ITEMS "workstation:onewindow" "server:onewindow-server" "devices:onewindow-devices")
        string(REPLACE ":" ";" _ow_pair "${_ow_pair}")
        list(GET _ow_pair 0 _ow_component)
        list(GET _ow_pair 1 OW_DEB_PACKAGE)
        set(_ow_doc "${CMAKE_BINARY_DIR}/packaging/${OW_DEB_PACKAGE}")
        set(OW_GIT_COMMIT "${_ow_commit}")
        set(OW_CHANGELOG_DATE "${_ow_commit_date}")
        configure_file("${_ow_installer}/debian/changelog.in" "${_ow_doc}/changelog" @ONLY)
        if(OW_GZIP)
            execute_process(COMMAND "${OW_GZIP}" -9nf "${_ow_doc}/changelog")
            install(FILES "${_ow_doc}/changelog.gz"
                DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${OW_DEB_PACKAGE}" COMPONENT ${_ow_component})
        endif()
        install(FILES "${_ow_installer}/debian/copyright"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${OW_DEB_PACKAGE}" COMPONENT ${_ow_component})
    endforeach()
    install(FILES "${PROJECT_SOURCE_DIR}/docs/deployment.md"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/onewindow" COMPONENT workstation)
    foreach(_ow_page IN ITEMS onewindow onewindow-cli onewindow-devsim onewindow-kiosk onewindow-editor onewindow-server)
        set(_ow_component workstation)
        if(_ow_page STREQUAL "onewindow-server")
            set(_ow_component server)
        endif()
        if(OW_GZIP)
            set(_ow_man "${CMAKE_BINARY_DIR}/packaging/man/${_ow_page}.1")
            configure_file("${_ow_installer}/linux/man/${_ow_page}.1" "${_ow_man}" COPYONLY)
            execute_process(COMMAND "${OW_GZIP}" -9nf "${_ow_man}")
            install(FILES "${_ow_man}.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT ${_ow_component})
        endif()
    endforeach()
    install(FILES "${PROJECT_SOURCE_DIR}/docs/deployment.md"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/onewindow-server" COMPONENT server)
endif()

# `cmake --install` and CPack install only what the packaging build built (scripts/package builds
# the six programs), instead of first building every test and tool.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

# ---- Debian packages ----------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME "onewindow")
set(CPACK_PACKAGE_VENDOR "OneWindow")
set(CPACK_PACKAGE_VERSION "${OW_PACKAGE_VERSION}")
set(CPACK_PACKAGE_CONTACT "${OW_PACKAGE_MAINTAINER}")
# Left at CPack's default value on purpose: CPackDeb then takes the first line of each component's
# description below as its synopsis instead of putting the project's one line above all three.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# The unit, udev rules and /etc files have absolute destinations: stage them under DESTDIR.
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_COMPONENTS_ALL workstation server devices)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${OW_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://onewindow.example.org")
# Library dependencies from the binaries (dpkg-shlibdeps); only what it cannot see is listed:
# plugins Qt loads at run time, programs the maintainer scripts call, fonts.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_WORKSTATION_PACKAGE_NAME onewindow)
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_SECTION misc)
# qt6-translations-l10n: Qt's own dialogs and standard buttons (取消, the file dialog) in Chinese.
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-translations-l10n")
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_RECOMMENDS "fonts-noto-cjk, onewindow-devices")
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_SUGGESTS "onewindow-server")
set(CPACK_DEBIAN_WORKSTATION_DESCRIPTION "integrated-acceptance counter workstation (一窗受理工作台)
The counter workstation of a government service hall: a clerk finds the
matter, answers its questions and gets the applicant's personalised checklist
of materials, checks them with scans and the ID card reader, decides, and
prints the receipt or notice; the pickup counter hands results out.
.
This package holds the workstation (onewindow), the command-line tools for IT
and catalogue staff (onewindow-cli), the counter hardware simulator
(onewindow-devsim), the hall's ticket kiosk (onewindow-kiosk), the catalogue
editor (onewindow-editor) and the demo catalogue. udev rules for the counter's
USB devices are in onewindow-devices.")
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_CONTROL_EXTRA "${_ow_installer}/debian/onewindow/conffiles")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME onewindow-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "libqt6sql6-psql, postgresql")
set(CPACK_DEBIAN_SERVER_DESCRIPTION "central server of the OneWindow counter workstations
Takes the cases of every counter of a hall or district, their scans and the
departments' status reports, publishes catalogues and serves the public status
page the receipts' QR codes link to.
.
Runs as the system user onewindow-server under systemd, with its data in
/var/lib/onewindow-server (kept on removal, deleted on purge) and its
settings in /etc/onewindow/server.conf.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    "${_ow_installer}/debian/onewindow-server/conffiles"
    "${_ow_installer}/debian/onewindow-server/postinst"
    "${_ow_installer}/debian/onewindow-server/prerm"
    "${_ow_installer}/debian/onewindow-server/postrm")

set(CPACK_DEBIAN_DEVICES_PACKAGE_NAME onewindow-devices)
set(CPACK_DEBIAN_DEVICES_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_DEVICES_PACKAGE_ARCHITECTURE all)
# No dependency on udev: without it the rules are inert, and the postinst skips the reload.
set(CPACK_DEBIAN_DEVICES_DESCRIPTION "udev rules for OneWindow counter hardware
Gives the group plugdev access to the USB ID card readers and receipt
printers the OneWindow workstation drives. Kept apart from the workstation
so that a machine which must not change its device rules can take the
workstation without them.")
set(CPACK_DEBIAN_DEVICES_PACKAGE_CONTROL_EXTRA
    "${_ow_installer}/debian/onewindow-devices/postinst"
    "${_ow_installer}/debian/onewindow-devices/postrm")

include(CPack)
cpack_add_component(workstation DISPLAY_NAME "OneWindow workstation")
cpack_add_component(server DISPLAY_NAME "OneWindow server")
cpack_add_component(devices DISPLAY_NAME "OneWindow device rules")

# ---- Windows MSI, packed on Linux by wixl (installer/windows/build-msi) -------------------------
find_program(OW_WIXL wixl)
if(OW_WIXL)
    set(_ow_msi "${CMAKE_BINARY_DIR}/packages/onewindow-${OW_PACKAGE_VERSION}-x64.msi")
    add_custom_target(msi
        COMMAND "${_ow_installer}/windows/build-msi" "$<TARGET_FILE_DIR:onewindow>"
            "${OW_PACKAGE_VERSION}" "${_ow_msi}" "${CMAKE_BINARY_DIR}/msi-work"
        DEPENDS onewindow onewindow-cli onewindow-devsim onewindow-kiosk onewindow-editor
        COMMENT "Packing ${_ow_msi} with wixl"
        VERBATIM)
endif()
