#!/usr/bin/env bash
# Build the Linux one-folder app and verify it without a screen:
#   1. installs reviewer with the "package" extra (PyInstaller) into .venv
#   2. PyInstaller -> packaging/dist/reviewer/   (the executable: packaging/dist/reviewer/reviewer)
#   3. runs the built executable with --self-test under QT_QPA_PLATFORM=offscreen (and, when xvfb-run is
#      installed, once more on a virtual X display)
# Prints the build time, the bundle size and the self-test time; exits non-zero if anything failed.
# Then packaging/linux/install-user.sh installs it for the current user (menu entry and icons).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
python="$root/.venv/bin/python"
seconds_since() { "$python" -c 'import sys, time; print(f"{time.time() - float(sys.argv[1]):.1f}")' "$1"; }
dist="$root/packaging/dist"
work="$root/packaging/build"

if [[ ! -x "$python" ]]; then
    python3 -m venv "$root/.venv"
fi
"$python" -m pip install -q -e ".[package]"
version="$("$python" -c 'import reviewer; print(reviewer.__version__)')"
echo "== reviewer $version: building with PyInstaller"

build_started=$(date +%s.%N)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" "$root/packaging/reviewer.spec"
build_seconds=$(seconds_since "$build_started")

bundle="$dist/reviewer"
bundle_size=$(du -sh "$bundle" | cut -f1)
file_count=$(find "$bundle" -type f | wc -l)

echo "== self-test of the built bundle"
self_test_home="$(mktemp -d)"
trap 'rm -rf "$self_test_home"' EXIT
self_test_started=$(date +%s.%N)
REVIEWER_HOME="$self_test_home" QT_QPA_PLATFORM=offscreen "$bundle/reviewer" --self-test
self_test_seconds=$(seconds_since "$self_test_started")
if command -v xvfb-run >/dev/null 2>&1; then
    echo "== self-test again on a real X display (xvfb), to check the xcb platform plugin and its libraries"
    REVIEWER_HOME="$self_test_home" QT_QPA_PLATFORM=xcb xvfb-run -a "$bundle/reviewer" --self-test | grep "Qt 界面库\|自检"
fi

printf '== done: %s\n' "$bundle"
printf '   build time     %s s\n' "$build_seconds"
printf '   bundle size    %s (%s files)\n' "$bundle_size" "$file_count"
printf '   self-test      %s s (passed)\n' "$self_test_seconds"
