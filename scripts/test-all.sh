#!/usr/bin/env bash
# 快速开始第二条命令：安装测试所需的一切（缺少时），然后运行全部测试。
# Installs what the tests need when it is missing (Debian packages, the Fandol fonts, node_modules),
# then type-checks, builds (the end-to-end tests drive the built renderer through server mode)
# and runs every vitest test. The last line is always `N passed, N failed`; the exit code is 1
# when anything failed. .ci/run calls this script.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DEBIAN_FRONTEND=noninteractive
[ -f /usr/include/node/node.h ] && export npm_config_nodedir=/usr

RESULTS=test-results
FANDOL_DIR=resources/fonts/fandol   # gitignored: extracted from Debian's texlive-lang-chinese
mkdir -p "$RESULTS"

say() { printf '[test-all] %s\n' "$*"; }
# Steps that fail before vitest runs still end with the closing line CI reads.
give_up() { say "$1"; echo "0 passed, 1 failed"; exit 1; }
t0=$SECONDS
timed() { say "$1: $(( SECONDS - $2 )) s"; }

# ---------------------------------------------------------------- Debian packages
SUDO=
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || give_up "需要 root 或 sudo 才能安装 Debian 软件包。"
  SUDO=sudo
fi
apt_updated=
apt_update() {
  [ -n "$apt_updated" ] && return 0
  say "apt-get update"
  $SUDO apt-get update -qq || give_up "apt-get update 失败。"
  apt_updated=1
}
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing() { local p out=(); for p in "$@"; do installed "$p" || out+=("$p"); done; echo "${out[@]:-}"; }
apt_install() {  # apt_install [--no-install-recommends] pkg…
  local opts=() pkgs
  if [ "$1" = --no-install-recommends ]; then opts+=("$1"); shift; fi
  pkgs=$(missing "$@")
  [ -z "$pkgs" ] && return 0
  apt_update
  say "apt-get install ${opts[*]:-} $pkgs"
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq "${opts[@]}" $pkgs >/dev/null || give_up "安装 $pkgs 失败。"
}

s=$SECONDS
# Chromium for the end-to-end tests; without a CJK font every Chinese character is a box.
apt_install chromium fonts-noto-cjk
# Word and Excel → PDF → PNG for checking generated documents and their prints; Liberation stands in for Times New Roman.
apt_install --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation2
# Not for the tests: `npm run bench` builds the same 纪要 with python-docx as its peer, so one command sets up both.
apt_install --no-install-recommends python3-docx
# The offline archives (npm run dist): arm64's native module is cross-compiled, and its archive runs under qemu-user.
apt_install --no-install-recommends g++ make binutils g++-aarch64-linux-gnu qemu-user-static

# Debian has no 仿宋 package: the Fandol fonts come out of texlive-lang-chinese without installing TeX.
if ! ls "$FANDOL_DIR"/FandolFang-Regular.otf >/dev/null 2>&1; then
  apt_update
  say "extracting the Fandol fonts into $FANDOL_DIR"
  tmp=$(mktemp -d)
  chmod 777 "$tmp"   # so apt can download as its _apt user instead of warning
  ( cd "$tmp" && apt-get download -qq texlive-lang-chinese ) || give_up "下载 texlive-lang-chinese 失败。"
  dpkg-deb --fsys-tarfile "$tmp"/texlive-lang-chinese_*.deb \
    | tar -x -C "$tmp" --wildcards './usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol*.otf' \
    || give_up "解出 Fandol 字体失败。"
  mkdir -p "$FANDOL_DIR"
  mv "$tmp"/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol*.otf "$FANDOL_DIR"/
  rm -rf "$tmp"
fi
timed "system packages and fonts" "$s"

# ---------------------------------------------------------------- node_modules
s=$SECONDS
. scripts/lib/npm-install.sh
npm_install_if_needed || give_up "npm ci 失败。"
timed "npm ci" "$s"

# ---------------------------------------------------------------- checks and tests
# A failed type check or build counts as one failed test each, and the tests still run.
extra_failed=0

s=$SECONDS
say "tsc --noEmit -p ."
if ! npx --no-install tsc --noEmit -p .; then
  say "TYPE CHECK FAILED (counted as 1 failed test)"
  extra_failed=$((extra_failed + 1))
fi
timed "type check" "$s"

s=$SECONDS
say "electron-vite build"
if ! npx --no-install electron-vite build; then
  say "BUILD FAILED (counted as 1 failed test)"
  extra_failed=$((extra_failed + 1))
fi
timed "build" "$s"

s=$SECONDS
# test/dist unpacks and runs these. The first run compiles the encrypted SQLite module for x64 and arm64
# (a few minutes); later runs take it from .cache/dist/.
say "npm run dist"
if ! node scripts/dist/build.mjs; then
  say "DIST FAILED (counted as 1 failed test)"
  extra_failed=$((extra_failed + 1))
fi
timed "dist" "$s"

s=$SECONDS
json="$RESULTS/vitest.json"
rm -f "$json"
say "vitest run"
npx --no-install vitest run --reporter=default --reporter=json --outputFile="$json"
vitest_status=$?
timed "vitest" "$s"
timed "total" "$t0"

# The closing line, from vitest's JSON report. A test file that fails to load has no failed
# test in it, and an unhandled error only clears `success`: each still counts as a failure.
EXTRA_FAILED=$extra_failed VITEST_STATUS=$vitest_status JSON="$json" node -e '
const fs = require("fs")
let passed = 0, failed = Number(process.env.EXTRA_FAILED)
if (!fs.existsSync(process.env.JSON)) { console.log("[test-all] no vitest JSON report: counted as 1 failed"); failed += 1 }
else {
  const r = JSON.parse(fs.readFileSync(process.env.JSON, "utf8"))
  passed = r.numPassedTests
  failed += r.numFailedTests
  let unexplained = 0
  for (const f of r.testResults ?? []) {
    if (f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed")) {
      console.log(`[test-all] test file failed outside any test: ${f.name}`); unexplained += 1
    }
  }
  if (unexplained === 0 && r.numFailedTests === 0 && (r.success === false || process.env.VITEST_STATUS !== "0")) {
    console.log("[test-all] vitest reported an error outside the tests: counted as 1 failed"); unexplained = 1
  }
  failed += unexplained
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
'
