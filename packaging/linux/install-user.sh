#!/usr/bin/env bash
# Install the built Linux bundle for the current user (no root needed):
#   the app folder   -> ~/.local/lib/reviewer/            (a copy of packaging/dist/reviewer)
#   a command        -> ~/.local/bin/reviewer             (symlink)
#   the menu entry   -> ~/.local/share/applications/reviewer.desktop
#   the icons        -> ~/.local/share/icons/hicolor/<size>/apps/reviewer.png (+ scalable SVG)
#
# Usage: packaging/linux/install-user.sh [--associate] [BUNDLE_DIR]   (default: packaging/dist/reviewer)
#        packaging/linux/install-user.sh --uninstall
#
# --associate (opt-in) lists the report formats in the menu entry (MimeType), so that file managers offer
# "用 reviewer 打开" for them; it never makes reviewer their default application. Installing again without
# --associate takes the formats out again.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
app_dir="$HOME/.local/lib/reviewer"
bin_link="$HOME/.local/bin/reviewer"
desktop_file="$data_home/applications/reviewer.desktop"
icon_root="$data_home/icons/hicolor"
icon_sizes=(16 24 32 48 64 128 256)
# the report formats (reviewer/analysis/loaders/outcome.py REPORT_EXTENSIONS): text, html, Word, PDF, WPS,
# OpenDocument, RTF and scans
report_mime_types="text/plain;text/html;application/xhtml+xml;application/pdf;\
application/vnd.openxmlformats-officedocument.wordprocessingml.document;application/msword;\
application/vnd.ms-word.document.macroEnabled.12;application/wps-office.wps;application/vnd.ms-works;\
application/vnd.oasis.opendocument.text;application/rtf;text/rtf;image/jpeg;image/png;image/tiff;"

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$icon_root" || true
    fi
}

associate=no
if [[ "${1:-}" == "--associate" ]]; then
    associate=yes
    shift
fi

if [[ "${1:-}" == "--uninstall" ]]; then
    rm -rf "$app_dir"
    rm -f "$desktop_file" "$icon_root/scalable/apps/reviewer.svg"
    [[ -L "$bin_link" ]] && rm -f "$bin_link"
    for size in "${icon_sizes[@]}"; do
        rm -f "$icon_root/${size}x${size}/apps/reviewer.png"
    done
    refresh_caches
    echo "已卸载 / uninstalled reviewer (your workspaces and logs are kept)"
    exit 0
fi

bundle="$(cd "${1:-$root/packaging/dist/reviewer}" 2>/dev/null && pwd)" || {
    echo "找不到打包好的程序 / bundle not found: ${1:-$root/packaging/dist/reviewer}" >&2
    echo "先运行 / build it first: packaging/build_linux.sh" >&2
    exit 1
}
if [[ ! -x "$bundle/reviewer" ]]; then
    echo "不是 reviewer 程序目录 / no executable at $bundle/reviewer" >&2
    exit 1
fi
icons="$bundle/_internal/resources/icons"
[[ -d "$icons" ]] || icons="$root/resources/icons"

rm -rf "$app_dir.new"
mkdir -p "$(dirname "$app_dir")"
cp -a "$bundle" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"

mkdir -p "$(dirname "$bin_link")"
ln -sfn "$app_dir/reviewer" "$bin_link"

for size in "${icon_sizes[@]}"; do
    install -D -m 644 "$icons/reviewer-$size.png" "$icon_root/${size}x${size}/apps/reviewer.png"
done
install -D -m 644 "$icons/reviewer.svg" "$icon_root/scalable/apps/reviewer.svg"

mkdir -p "$(dirname "$desktop_file")"
sed "s|@EXEC@|$app_dir/reviewer|g" "$here/reviewer.desktop" > "$desktop_file"
if [[ "$associate" == yes ]]; then
    echo "MimeType=$report_mime_types" >> "$desktop_file"
fi
chmod 644 "$desktop_file"

refresh_caches
echo "已安装 / installed: $app_dir"
echo "菜单项 / menu entry: $desktop_file"
if [[ "$associate" == yes ]]; then
    echo "报告文件的右键菜单中已加入“用 reviewer 打开” / report files offer \"open with reviewer\""
fi
echo "命令 / command: $bin_link  (自检 / self-test: reviewer --self-test)"
