#!/usr/bin/env bash
# Opt-in interop check of our packages against the reference implementations (never run by
# `npm test`; needs python3, openssl, tar and a built dist/).
#
#   ALIVE_V3_REF=/path/to/alive-pr32   # a work tree of stackwalnuts/alive at refs/pull/32/head (required)
#   ALIVE_V2_REF=/path/to/alive-pr27   # a work tree at refs/pull/27/head (optional: 2.0 extract check)
#   npm run build && tools/v3-interop.sh
#
# What it proves, each step exiting non-zero on the first failure:
#   1. the v3 plugin's `verify` and `receive` open our plain 2.0 packages (full, bundle, snapshot)
#      and every 2.1 package we write (plain, passphrase, RSA to two recipients, each recipient);
#   2. our `verify` and `receive` open the v3 plugin's own packages (plain, passphrase);
#   3. with ALIVE_V2_REF, the 2.0 reference's extract_package still unpacks our plain packages and
#      its decrypt_package opens our 2.0 passphrase and RSA packages; its verify_manifest checks the
#      signature of a signed RSA package, whose manifest names its recipient (`recipients:`).
# Our RSA packages name their recipients' keys in the manifest (docs/crypto.md): every RSA package
# above carries that list, and a signed 2.1 RSA package opens in v3 too.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
: "${ALIVE_V3_REF:?set ALIVE_V3_REF to a checkout of stackwalnuts/alive at refs/pull/32/head}"
v3="$ALIVE_V3_REF/plugins/alive/scripts/alive-p2p.py"
[ -f "$v3" ] || { echo "no $v3: ALIVE_V3_REF must be the repository root" >&2; exit 2; }
ours=(node "$here/dist/alive-p2p.mjs")
[ -f "$here/dist/alive-p2p.mjs" ] || { echo "run npm run build first" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/alive-v3-interop-XXXXXX")"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" ALIVE_HOME="$work/home/.alive"
mkdir -p "$HOME"
unset WALNUT_PASSPHRASE
export ALIVE_INTEROP_PASS="interop passphrase"

step() { printf '== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# A walnut in the v3 layout: root bundles with context.manifest.yaml, kernel JSON files.
w="$work/src/nova"
mkdir -p "$w/_kernel" "$w/launch/drafts" "$w/research/raw" "$w/docs"
printf -- '---\ntype: venture\ngoal: ship nova\n---\n# Nova\n' >"$w/_kernel/key.md"
printf -- '---\nwalnut: nova\n---\n\n## 2026-03-01 entry\nstarted\nsigned: squirrel:abc\n' >"$w/_kernel/log.md"
printf -- '---\nwalnut: nova\n---\n# Insights\n' >"$w/_kernel/insights.md"
printf '{"tasks": [{"id": "t1", "title": "draft", "status": "open"}]}\n' >"$w/_kernel/tasks.json"
printf '{"completed": []}\n' >"$w/_kernel/completed.json"
printf 'voice: plain\n' >"$w/_kernel/config.yaml"
printf '{"phase": "building"}\n' >"$w/_kernel/now.json"
printf 'goal: launch\nstatus: active\n' >"$w/launch/context.manifest.yaml"
printf 'draft\n' >"$w/launch/drafts/post.md"
printf 'goal: research\n' >"$w/research/context.manifest.yaml"
printf 'interview\n' >"$w/research/raw/interview.md"
printf 'the plan\n' >"$w/docs/plan.md"

"${ours[@]}" keygen --out "$work/keys/a" >/dev/null
"${ours[@]}" keygen --out "$work/keys/b" >/dev/null

n=0
v3_opens() { # PACKAGE SCOPE [v3 credentials...]
  local pkg="$1" scope="$2"
  shift 2
  python3 "$v3" verify --package "$pkg" "$@" >"$work/v3-verify.out" 2>&1 || { cat "$work/v3-verify.out"; fail "v3 verify $pkg"; }
  n=$((n + 1))
  local target="$work/v3-target-$n"
  if [ "$scope" = bundle ]; then
    mkdir -p "$target/_kernel"
    cp "$w/_kernel/key.md" "$target/_kernel/key.md"
    printf -- '---\nwalnut: nova\n---\n' >"$target/_kernel/log.md"
  fi
  python3 "$v3" receive "$pkg" --target "$target" --yes "$@" >"$work/v3-receive.out" 2>&1 || { cat "$work/v3-receive.out"; fail "v3 receive $pkg"; }
  [ -f "$target/launch/drafts/post.md" ] || fail "v3 receive of $pkg lost launch/drafts/post.md"
  if [ "$scope" = full ]; then
    for f in _kernel/tasks.json _kernel/completed.json _kernel/config.yaml research/raw/interview.md docs/plan.md; do
      cmp -s "$w/$f" "$target/$f" || fail "v3 receive of $pkg: $f differs or is missing"
    done
  fi
}

step "our 2.0 plain packages, opened by v3"
"${ours[@]}" create --walnut "$w" --scope full --output "$work/f20.walnut" >/dev/null
v3_opens "$work/f20.walnut" full
"${ours[@]}" create --walnut "$w" --scope bundle --bundle launch --output "$work/b20.walnut" >/dev/null
v3_opens "$work/b20.walnut" bundle

step "our 2.1 packages, opened by v3"
"${ours[@]}" create --walnut "$w" --scope full --format 2.1 --output "$work/f21.walnut" >/dev/null
v3_opens "$work/f21.walnut" full
WALNUT_PASSPHRASE="$ALIVE_INTEROP_PASS" "${ours[@]}" create --walnut "$w" --scope full --format 2.1 --encrypt passphrase --output "$work/p21.walnut" >/dev/null
v3_opens "$work/p21.walnut" full --passphrase-env ALIVE_INTEROP_PASS
"${ours[@]}" create --walnut "$w" --scope bundle --bundle launch --format 2.1 --encrypt rsa \
  --recipient "$work/keys/a/public.pem" --recipient "$work/keys/b/public.pem" --output "$work/r21.walnut" >/dev/null
v3_opens "$work/r21.walnut" bundle --private-key "$work/keys/a/private.pem"
v3_opens "$work/r21.walnut" bundle --private-key "$work/keys/b/private.pem"
"${ours[@]}" create --walnut "$w" --scope full --format 2.1 --encrypt rsa \
  --recipient "$work/keys/a/public.pem" --recipient "$work/keys/b/public.pem" --output "$work/rf21.walnut" >/dev/null
v3_opens "$work/rf21.walnut" full --private-key "$work/keys/b/private.pem"
"${ours[@]}" create --walnut "$w" --scope full --format 2.1 --encrypt rsa --sign "$work/keys/a/private.pem" --signer interop \
  --recipient "$work/keys/a/public.pem" --recipient "$work/keys/b/public.pem" --output "$work/rs21.walnut" >/dev/null
v3_opens "$work/rs21.walnut" full --private-key "$work/keys/a/private.pem"

step "v3's own packages, opened by us"
python3 "$v3" create --scope full --walnut "$w" --output "$work/v3-full.walnut" --include-full-history --yes >/dev/null 2>&1 ||
  python3 "$v3" create --scope full --walnut "$w" --output "$work/v3-full.walnut" --include-full-history >/dev/null
"${ours[@]}" verify "$work/v3-full.walnut" >/dev/null || fail "our verify of v3's plain package"
python3 "$v3" create --scope full --walnut "$w" --output "$work/v3-pass.walnut" --encrypt passphrase --passphrase-env ALIVE_INTEROP_PASS --yes >/dev/null 2>&1 ||
  python3 "$v3" create --scope full --walnut "$w" --output "$work/v3-pass.walnut" --encrypt passphrase --passphrase-env ALIVE_INTEROP_PASS >/dev/null
WALNUT_PASSPHRASE="$ALIVE_INTEROP_PASS" "${ours[@]}" verify "$work/v3-pass.walnut" >/dev/null || fail "our verify of v3's passphrase package"
mkdir -p "$work/world/.alive" "$work/world/03_Inbox"
"${ours[@]}" receive "$work/v3-full.walnut" --world "$work/world" >/dev/null || fail "our receive of v3's plain package"
cmp -s "$w/_kernel/tasks.json" "$work/world/03_Inbox/nova/_kernel/tasks.json" || fail "our receive of v3's package lost _kernel/tasks.json"

if [ -n "${ALIVE_V2_REF:-}" ]; then
  step "our plain packages, extracted by the 2.0 reference"
  v2="$ALIVE_V2_REF/plugins/alive/scripts/alive-p2p.py"
  for pkg in f20 b20; do
    python3 - "$v2" "$work/$pkg.walnut" "$work/v2-$pkg" <<'PY' || fail "2.0 reference extract of $pkg"
import importlib.util, sys
spec = importlib.util.spec_from_file_location("p2p", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
mod.extract_package(sys.argv[2], sys.argv[3])
PY
    [ -f "$work/v2-$pkg/bundles/launch/drafts/post.md" ] || fail "2.0 reference extract of $pkg lost a file"
  done
  step "our 2.0 encrypted packages, decrypted by the 2.0 reference"
  WALNUT_PASSPHRASE="$ALIVE_INTEROP_PASS" "${ours[@]}" create --walnut "$w" --scope full --encrypt passphrase --output "$work/p20.walnut" >/dev/null
  "${ours[@]}" create --walnut "$w" --scope full --encrypt rsa --recipient "$work/keys/a/public.pem" --output "$work/r20.walnut" >/dev/null
  for spec in "p20:" "r20:$work/keys/a/private.pem"; do
    pkg="${spec%%:*}" key="${spec#*:}"
    WALNUT_PASSPHRASE="$ALIVE_INTEROP_PASS" python3 - "$v2" "$work/$pkg.walnut" "$work/v2-$pkg.walnut" "$key" "$work/v2-$pkg" <<'PY' || fail "2.0 reference decrypt of $pkg"
import importlib.util, sys
spec = importlib.util.spec_from_file_location("p2p", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
plain = mod.decrypt_package(sys.argv[2], sys.argv[3], private_key=sys.argv[4] or None)
mod.extract_package(plain, sys.argv[5])
PY
    cmp -s "$w/_kernel/tasks.json" "$work/v2-$pkg/_kernel/tasks.json" || fail "2.0 reference decrypt of $pkg lost _kernel/tasks.json"
  done
  step "our signed 2.0 RSA package (recipients named), verified and decrypted by the 2.0 reference"
  "${ours[@]}" create --walnut "$w" --scope full --encrypt rsa --recipient "$work/keys/b/public.pem" \
    --sign "$work/keys/a/private.pem" --signer interop --output "$work/rs20.walnut" >/dev/null
  mkdir -p "$work/rs20-outer"
  tar -xzf "$work/rs20.walnut" -C "$work/rs20-outer" manifest.yaml
  grep -q '^recipients:$' "$work/rs20-outer/manifest.yaml" || fail "our signed RSA package names no recipients"
  python3 - "$v2" "$work/rs20-outer/manifest.yaml" "$work/keys/a/public.pem" "$work/rs20.walnut" "$work/v2-rs20.walnut" "$work/keys/b/private.pem" "$work/v2-rs20" <<'PY' || fail "2.0 reference verify or decrypt of rs20"
import importlib.util, sys
spec = importlib.util.spec_from_file_location("p2p", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
ok, signer = mod.verify_manifest(sys.argv[2], sys.argv[3])
assert ok and signer == "interop", (ok, signer)
with open(sys.argv[2]) as f:
    m = mod.parse_manifest(f.read())
valid, errors = mod.validate_manifest(m)
assert valid and not errors, errors
plain = mod.decrypt_package(sys.argv[4], sys.argv[5], private_key=sys.argv[6])
mod.extract_package(plain, sys.argv[7])
PY
  cmp -s "$w/_kernel/tasks.json" "$work/v2-rs20/_kernel/tasks.json" || fail "2.0 reference decrypt of rs20 lost _kernel/tasks.json"
fi

echo "OK: every package opened where docs/crypto.md says it does"
