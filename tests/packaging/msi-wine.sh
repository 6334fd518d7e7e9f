# Sourced by check-packages when wine is installed: installs the MSI silently under wine in a
# throwaway prefix, with properties, then upgrades it with a newer build given no properties,
# tries the older one again (refused), and uninstalls. Wine's Windows Installer runs the MSI's
# tables, not its programs (they are this build's Linux binaries).
export WINEPREFIX="$work/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cleanup_steps+=("WINEPREFIX='$WINEPREFIX' wineserver -k >/dev/null 2>&1 || true")
drive="$WINEPREFIX/drive_c"
installed="$drive/Program Files/OneWindow"
ini="$drive/ProgramData/OneWindow/onewindow.ini"
msiexec() { timeout 300 wine msiexec "$@" >/dev/null 2>&1; }
products() {
  wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null | tr -d '\r' \
    | sed -n 's/^ *DisplayVersion *REG_SZ *//p' | sort | paste -sd' '
}

if timeout 300 wine wineboot --init >/dev/null 2>&1; then
  check "wine: silent install with properties" msiexec /i "$msi" /qn SERVER_URL=https://onewindow.example \
    HALL=33030201 COUNTER=7 ENROL_CODE=7KQ2-M9XD-3HTA DESKTOPSHORTCUT=0 AUTOSTART=1
  for path in bin/onewindow.exe bin/onewindow-cli.exe bin/onewindow-devsim.exe bin/onewindow-kiosk.exe bin/onewindow-editor.exe \
    share/onewindow/catalogue/demo/catalogue.txt; do
    check "wine: installed $path" test -f "$installed/$path"
  done
  written="$(tr -d '\r' <"$ini" 2>/dev/null)"
  expected="$(printf '%s\n' '[workstation]' server=https://onewindow.example hall=33030201 counter=7 enrol-code=7KQ2-M9XD-3HTA)"
  check "wine: %ProgramData%\\OneWindow\\onewindow.ini holds what was given" test "$written" = "$expected"
  check "wine: Start-menu shortcut" bash -c "find '$drive' -path '*Start Menu/Programs/OneWindow.lnk' | grep -q ."
  check "wine: no desktop shortcut with DESKTOPSHORTCUT=0" bash -c "! find '$drive' -path '*Desktop/OneWindow.lnk' | grep -q ."
  check "wine: AUTOSTART=1 starts the workstation at logon" bash -c \
    "wine reg query 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run' /v OneWindow 2>/dev/null | grep -qF 'bin\\onewindow.exe'"

  # A newer build over it, given no properties: one product left, the ini untouched.
  newer_version="$major.$minor.0.$((build + 1))"
  if "$source_dir/installer/windows/build-msi" "$work/bin" "$newer_version" "$work/newer.msi" "$work/msi-newer" >/dev/null; then
    check "wine: upgrade to $newer_version" msiexec /i "$work/newer.msi" /qn
    check "wine: one product after the upgrade ($(products))" test "$(products)" = "$major.$minor.$((build + 1))"
    check "wine: the upgrade keeps onewindow.ini" test "$(tr -d '\r' <"$ini" 2>/dev/null)" = "$expected"
    msiexec /i "$msi" /qn
    check "wine: installing the older build again is refused" test "$(products)" = "$major.$minor.$((build + 1))"
    check "wine: uninstall" msiexec /x "$work/newer.msi" /qn
  else
    bad "wine: build a newer MSI"
    check "wine: uninstall" msiexec /x "$msi" /qn
  fi
  check "wine: uninstall removes the programs" test ! -e "$installed/bin/onewindow.exe"
  check "wine: uninstall keeps onewindow.ini" test -f "$ini"
else
  echo "skip wine checks: wineboot failed"
fi
