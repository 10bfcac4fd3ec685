#!/bin/bash
# 卸载三办的程序和系统服务。数据目录和密钥文件一律保留（卸载不会删除任何数据）。
#   sudo ./uninstall.sh [--prefix /opt/sanban]
set -euo pipefail
prefix=/opt/sanban
while [[ $# -gt 0 ]]; do
  case $1 in
    --prefix) prefix=${2:?}; shift 2 ;;
    *) echo "三办卸载失败：不认识的参数 $1。用法：sudo ./uninstall.sh [--prefix /opt/sanban]" >&2; exit 1 ;;
  esac
done
unit=${SANBAN_SYSTEMD_DIR:-/etc/systemd/system}/sanban.service   # test/dist/install.test.ts points it elsewhere
data=
if [[ -f $unit ]]; then
  data=$(sed -n 's/^ExecStart=.*--data "\([^"]*\)".*/\1/p' "$unit")
  systemctl disable --now sanban || true
  rm -f -- "$unit"
  systemctl daemon-reload
fi
if [[ -f $prefix/VERSION && -x $prefix/sanban ]]; then
  rm -rf -- "$prefix"
  echo "已卸载三办程序（$prefix）。"
else
  echo "$prefix 不是三办的程序目录，未删除。"
fi
echo "数据目录${data:+ $data }和密钥文件未删除。确认不再需要、并已另行保存备份和密钥后，可以手工删除。"
