# Sourced by setup-and-start.sh and test-all.sh: `npm ci` unless the installed tree came from
# this very package-lock.json on this Node and still loads (npm ci recompiles better-sqlite3,
# about 80 s). CI always installs afresh. Returns npm ci's status.
npm_install_if_needed() {
  [ -f /usr/include/node/node.h ] && export npm_config_nodedir=/usr   # node-gyp builds offline
  local stamp=node_modules/.sanban-installed
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1) node-abi-$(node -p process.versions.modules)"
  if [ "${CI:-}" != "true" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
     && node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null; then
    echo "依赖已是最新（package-lock.json 未变），跳过 npm ci。"
    return 0
  fi
  echo "正在安装依赖（npm ci，首次约 80 秒）…"
  npm ci --no-progress || return 1
  echo "$want" > "$stamp"
}
