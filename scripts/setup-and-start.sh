#!/usr/bin/env bash
# 快速开始第一条命令：安装依赖，然后以服务器模式启动三办（内嵌 SQLite，演示组织机构）。
# Usage: bash scripts/setup-and-start.sh [server flags, e.g. --data DIR --port N --intranet]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

. scripts/lib/npm-install.sh
npm_install_if_needed

exec npm start -- "$@"
