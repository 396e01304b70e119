#!/bin/bash
# End-to-end run of `strata darwin-agent` against `strata serve` (gateway + matrix role) on this
# machine: a LocalAI-shaped repository with two pushes touching backend/python/mlx, fake
# brew/go/make, a directory cache store. Usage: darwin-agent/src/bench/agent-over-serve.sh [WORKDIR]
# (after `mvn -B -q -DskipTests -pl launcher -am package`; needs port 8080 free).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
JAR=$ROOT/launcher/target/strata.jar
S=${1:-$(mktemp -d)}
rm -rf $S; mkdir -p $S/bin $S/home $S/brew
R=$S/repos/mudler/LocalAI
mkdir -p $R && cd $R && git init -q -b master && git config user.email s@x && git config user.name s
mkdir -p .github/workflows backend/python/mlx backend/cpp/llama-cpp
cp ${STRATA_FIXTURES:-/work/shared/fixtures/localai}/backend-matrix.head.yml .github/backend-matrix.yml
cp ${STRATA_FIXTURES:-/work/shared/fixtures/localai}/backend.head.proto backend/backend.proto
echo "google.golang.org/grpc v1.70.0 h1:abc=" > go.sum
echo "name: darwin" > .github/workflows/backend_build_darwin.yml
echo "LLAMA_VERSION?=b1234" > backend/cpp/llama-cpp/Makefile
echo "mlx==0.1" > backend/python/mlx/requirements.txt
git add -A && git commit -qm one && C1=$(git rev-parse HEAD)
echo "mlx==0.2" > backend/python/mlx/requirements.txt
git commit -qam two && C2=$(git rev-parse HEAD)
echo "mlx==0.3" > backend/python/mlx/requirements-mps.txt
git add -A && git commit -qm three && C3=$(git rev-parse HEAD)
cd "$S"
# fake tools (the darwin-agent tests' shapes, Homebrew prefix baked in)
cat > $S/bin/brew <<B
#!/bin/sh
cmd=\$1; shift
case "\$cmd" in
  install|reinstall) mkdir -p "\$HOME/Library/Caches/Homebrew/downloads"
    for f in "\$@"; do mkdir -p "$S/brew/Cellar/\$f/1.0/bin"; echo k > "$S/brew/Cellar/\$f/1.0/bin/\$f"; echo b > "\$HOME/Library/Caches/Homebrew/downloads/\$f.bottle"; done ;;
  link) exit 1 ;;
esac
B
cat > $S/bin/go <<'B'
#!/bin/sh
[ "$1" = version ] && echo 'go version go1.25.3 darwin/arm64'
exit 0
B
cat > $S/bin/make <<'B'
#!/bin/sh
case "$1" in
  protogen-go) mkdir -p "$HOME/go/pkg/mod/x" "$HOME/Library/Caches/go-build/00"; echo m > "$HOME/go/pkg/mod/x/go.mod"; echo o > "$HOME/Library/Caches/go-build/00/o" ;;
  build-darwin-*-backend) mkdir -p "$HOME/Library/Caches/pip" "$HOME/Library/Caches/uv" build/$BACKEND
    head -c 200000 /dev/urandom > "$HOME/Library/Caches/pip/wheel-$BACKEND.whl"; echo u > "$HOME/Library/Caches/uv/u"
    echo '#!/bin/sh' > build/$BACKEND/run.sh ;;
esac
B
chmod +x $S/bin/*
sed 's#    platform: darwin/arm64#    platform: darwin/arm64\n    packageDir: build/{backend}#' $ROOT/profiles/localai.yml > $S/profile.yml
java -jar $JAR serve --data-dir $S/data --profile $S/profile.yml --repo $R > $S/serve.log 2>&1 &
SERVE=$!
trap 'kill $SERVE ${AGENTPID:-} 2>/dev/null || true' EXIT
for i in $(seq 60); do grep -q "gateway: http" $S/serve.log && break; sleep 1; done
cat $S/serve.log | grep -i "gateway\|matrix" | head -5
CI=$(grep '^ci=' $S/data/tokens.properties | cut -d= -f2)
AG=$(grep '^agent=' $S/data/tokens.properties | cut -d= -f2)
ADMIN=$(grep '^admin=' $S/data/tokens.properties | cut -d= -f2)
legstate() { curl -s -H "Authorization: Bearer $CI" http://127.0.0.1:8080/v1/runs/$1 | python3 -c 'import json,sys
try:
  d=json.load(sys.stdin); print([l.get("state") for l in d.get("legs",[]) if l.get("legId")=="darwin:mlx"])
except Exception as e: print("?", e)'; }
trigger() { curl -s -X POST http://127.0.0.1:8080/v1/triggers -H "Authorization: Bearer $CI" -H 'Content-Type: application/json' \
  -d "{\"deliveryId\":\"$1\",\"event\":\"push\",\"repository\":\"mudler/LocalAI\",\"payload\":{\"ref\":\"refs/heads/master\",\"before\":\"$2\",\"after\":\"$3\",\"repository\":{\"full_name\":\"mudler/LocalAI\"}}}"; echo; }
ImageOS=ubuntu24 HOME=$S/home PATH=$S/bin:/usr/bin:/bin java -jar $JAR darwin-agent --gateway http://127.0.0.1:8080 --token $AG \
  --cache-store dir:$S/cache --profile $S/profile.yml --work-dir $S/work --repo-url "file://$S/repos/{repository}" \
  --brew-prefix $S/brew --name smoke-mac > $S/agent.log 2>&1 &
AGENTPID=$!
R1=$(trigger d1 $C1 $C2 | sed 's/.*"runId":"\([^"]*\)".*/\1/'); echo run1 $R1
for i in $(seq 120); do legstate $R1 | grep -q "BUILT\|FAILED" && break; sleep 1; done; legstate $R1
curl -s -H "Authorization: Bearer $CI" http://127.0.0.1:8080/v1/runs/$R1 > $S/run1.json
# its Linux legs have no builder here: cancel it so the next push of the branch can start
curl -s -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d '{"reason":"smoke: no Linux builder"}' http://127.0.0.1:8080/v1/runs/$R1/cancel; echo
R2=$(trigger d2 $C2 $C3 | sed 's/.*"runId":"\([^"]*\)".*/\1/'); echo run2 $R2
for i in $(seq 120); do legstate $R2 | grep -q "BUILT\|FAILED" && break; sleep 1; done; legstate $R2
curl -s -H "Authorization: Bearer $CI" http://127.0.0.1:8080/v1/runs/$R2 > $S/run2.json
curl -s -H "Authorization: Bearer $CI" "http://127.0.0.1:8080/v1/runs/$R2/events" > $S/events2.json || true
echo "--- agent output"; cat $S/agent.log | grep -v "ProcessRunner" | tail -60
