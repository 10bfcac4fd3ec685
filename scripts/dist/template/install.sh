#!/bin/bash
# 把解开的三办安装包装到本机，作为 systemd 服务运行（需要 root）。说明见同目录的“安装说明.txt”。
#   sudo ./install.sh [--prefix /opt/sanban] [--data /var/lib/sanban/data] [--port 5730] [--user sanban] [--no-systemd]
# 也用于升级：装新版本时保留数据目录和密钥文件，首次启动时自动升级数据库（升级前自动备份）。
# 拒绝降级：已装的版本比本安装包新，或数据已被较新版本升级过，都不改动任何文件。
set -euo pipefail
version=@VERSION@
machine=@UNAME@
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
prefix=/opt/sanban
data=/var/lib/sanban/data
key=
port=5730
user=sanban
systemd=1
unit_dir=${SANBAN_SYSTEMD_DIR:-/etc/systemd/system}   # test/dist/install.test.ts points it elsewhere

fail() { echo "三办安装失败：$*" >&2; exit 1; }
usage() { sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --prefix) prefix=${2:?}; shift 2 ;;
    --data) data=${2:?}; shift 2 ;;
    --key-file) key=${2:?}; shift 2 ;;
    --port) port=${2:?}; shift 2 ;;
    --user) user=${2:?}; shift 2 ;;
    --no-systemd) systemd=; shift ;;
    --help|-h) usage; exit 0 ;;
    *) fail "不认识的参数 $1。用 --help 查看用法。" ;;
  esac
done
[[ $prefix = /* && $data = /* ]] || fail "--prefix 和 --data 须是绝对路径（现在是 $prefix、$data）。"
prefix=${prefix%/}
data=${data%/}
key=${key:-$data.key}   # the server's default: beside the data folder, never inside it
case "$data/" in "$prefix"/*) fail "数据目录 $data 在程序目录 $prefix 里面，升级时会被替换。请把数据目录放在程序目录之外（默认 /var/lib/sanban/data）。" ;; esac

# ---------------------------------------------------------------- checks that change nothing
[[ $(uname -m) = "$machine" ]] || fail "本安装包用于 $machine 电脑，这台电脑是 $(uname -m)。请改用对应的安装包（x86_64 用 linux-x64，aarch64 用 linux-arm64）。"
[[ -x $here/lib/$version/node/bin/node ]] || fail "安装包不完整（缺少 lib/$version/node/bin/node），请重新解开安装包。"
if [[ -n $systemd && $(id -u) -ne 0 ]]; then fail "需要 root 权限：请用 sudo ./install.sh 运行（不装系统服务时加 --no-systemd）。"; fi
if [[ -n $systemd ]] && ! command -v systemctl >/dev/null; then fail "这台电脑没有 systemd。可以加 --no-systemd 只安装程序，再用 $prefix/sanban 启动。"; fi

newer() { [[ $1 != "$2" && $(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n1) = "$1" ]]; }
if [[ -f $prefix/VERSION ]]; then
  installed=$(<"$prefix/VERSION")
  if newer "$installed" "$version"; then
    fail "$prefix 已安装三办 $installed，比本安装包（$version）新，不能降级。数据和程序都未改动。如需重装，请使用 $installed 或更新版本的安装包。"
  fi
fi
if [[ -f $data/sanban.sqlite ]]; then
  # The new program reads which migration the data is at (src-main/cli/data-level.ts): refusing now is
  # better than a service that will not start after the old program is gone.
  if ! level=$(${SANBAN_EMULATOR:+"$SANBAN_EMULATOR"} "$here/lib/$version/node/bin/node" "$here/lib/$version/app/out/tools/data-level.js" --data "$data" --key-file "$key" 2>&1); then
    fail "$level"
  fi
fi

# ---------------------------------------------------------------- install
running=
if [[ -n $systemd ]] && systemctl is-active --quiet sanban 2>/dev/null; then
  echo "正在停止运行中的三办服务…"
  systemctl stop sanban
  running=1
fi
# The new program goes in beside the old one and replaces it in two renames; a failure on the way leaves the old one.
staging="$prefix.new"
rm -rf -- "$staging"
mkdir -p -- "$staging/lib"
cp -a -- "$here/lib/$version" "$staging/lib/"
for f in sanban install.sh uninstall.sh sanban.service 安装说明.txt VERSION; do cp -a -- "$here/$f" "$staging/"; done
if [[ -d $prefix ]]; then
  rm -rf -- "$prefix.old"
  mv -- "$prefix" "$prefix.old"
fi
mv -- "$staging" "$prefix"
rm -rf -- "$prefix.old"
mkdir -p -- "$(dirname -- "$data")"

if [[ -z $systemd ]]; then
  echo "三办 $version 已安装到 $prefix（未安装系统服务）。"
  echo "启动：\"$prefix/sanban\" --data \"$data\" --key-file \"$key\" [--intranet] [--port $port]"
  exit 0
fi

if ! id -u "$user" >/dev/null 2>&1; then
  useradd --system --home-dir "$(dirname -- "$data")" --no-create-home --shell /usr/sbin/nologin "$user"
fi
chown "$user:" "$(dirname -- "$data")"
[[ -d $data ]] && chown -R "$user:" "$data"
[[ -f $key ]] && chown "$user:" "$key" && chmod 600 "$key"
sed -e "s|@PREFIX@|$prefix|g" -e "s|@DATA@|$data|g" -e "s|@KEY@|$key|g" -e "s|@PORT@|$port|g" -e "s|@USER@|$user|g" \
  "$prefix/sanban.service" > "$unit_dir/sanban.service"
systemctl daemon-reload
systemctl enable --now sanban
[[ -n $running ]] && echo "已升级并重新启动三办服务。"
echo "三办 $version 已安装并启动（系统服务 sanban，开机自动启动）。"
echo "  程序目录：$prefix"
echo "  数据目录：$data"
echo "  密钥文件：$key（首次启动时生成，请立即复制到两份移动介质存放在保险柜中）"
echo "  访问地址：http://本机IP地址:$port/（本机可用 http://127.0.0.1:$port/）"
echo "  首次安装的初始账户和密码：sudo cat \"$data/初始账户密码.txt\"；运行日志：journalctl -u sanban"
