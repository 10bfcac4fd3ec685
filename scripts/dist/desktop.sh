#!/usr/bin/env bash
# 桌面窗口版的安装程序：npm run dist:desktop -- [linux-x64|linux-arm64|win-x64]…（默认 linux-x64 linux-arm64）
# 要在能上网的电脑上运行（或已准备好缓存的电脑，见 README“安装与升级”）：electron-builder 下载 Electron 程序本体、
# Electron 头文件（为 Electron 的 ABI 重新编译 better-sqlite3）和 NSIS、AppImage 工具。本仓库的开发和 CI 机器
# 取不到 Electron，这个脚本没有在那里运行过。配置在 electron-builder.yml（图标、asar、fuses）。
# win-x64 在 Windows 上运行最省事；在 Linux 上打 Windows 安装程序需要 wine。
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
BUILDER=electron-builder@26.18.1   # pinned: the version electron-builder.yml was written for
# The same old-glibc binding as the offline archives (scripts/dist/lib/native.mjs).
export CFLAGS="-include $PWD/scripts/dist/lib/glibc-compat.h" CXXFLAGS="-include $PWD/scripts/dist/lib/glibc-compat.h"
export LDFLAGS="-Wl,--wrap=stat64,--wrap=lstat64,--wrap=fstat64"

targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(linux-x64 linux-arm64)

npm ci
npx --no-install electron-vite build
for target in "${targets[@]}"; do
  echo "[desktop] $target"
  case $target in
    linux-x64)
      npx --yes "$BUILDER" --config electron-builder.yml --linux --x64 ;;
    linux-arm64)
      # better-sqlite3 is compiled for arm64 with Debian's cross compiler (apt-get install g++-aarch64-linux-gnu).
      CC=aarch64-linux-gnu-gcc CXX=aarch64-linux-gnu-g++ LINK=aarch64-linux-gnu-g++ AR=aarch64-linux-gnu-ar \
        npx --yes "$BUILDER" --config electron-builder.yml --linux --arm64 ;;
    win-x64)
      CFLAGS= CXXFLAGS= LDFLAGS= npx --yes "$BUILDER" --config electron-builder.yml --win --x64 ;;
    *) echo "不认识的目标 $target（可用：linux-x64、linux-arm64、win-x64）" >&2; exit 1 ;;
  esac
done
# electron-builder rebuilt better-sqlite3 for Electron's ABI in node_modules: server mode and the tests need Node's again.
npm rebuild better-sqlite3
echo "[desktop] 完成：dist/desktop/"
