#!/usr/bin/env bash
# 快速开始第一条命令：安装依赖，然后以服务器模式启动三办（内嵌 SQLite，演示组织机构）。
# Usage: bash scripts/setup-and-start.sh [server flags, e.g. --data DIR --port N --intranet]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# node-gyp builds better-sqlite3 offline against Debian's Node headers.
[ -f /usr/include/node/node.h ] && export npm_config_nodedir=/usr

# npm ci wipes node_modules and recompiles better-sqlite3 (about 80 s): skip it when the
# installed tree came from this very package-lock.json on this Node and still loads.
stamp=node_modules/.sanban-installed
want="$(sha256sum package-lock.json | cut -d' ' -f1) node-abi-$(node -p process.versions.modules)"
if [ "${CI:-}" != "true" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
   && node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null; then
  echo "依赖已是最新（package-lock.json 未变），跳过 npm ci。"
else
  echo "正在安装依赖（npm ci，首次约 80 秒）…"
  npm ci
  echo "$want" > "$stamp"
fi

exec npm start -- "$@"
