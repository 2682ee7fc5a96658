#!/usr/bin/env bash
# Splits Atelier into Maven modules: atelier-core (the library: every package but cli and web), atelier-app (the
# command line and the web app; target/atelier.jar as before) and atelier-spark (already a module), with the top
# pom.xml as their parent. Run it once, at the top of a clean checkout of the single-project tree, then build:
#
#   tools/split-modules.sh            # moves the files (staged as renames), writes the poms
#   mvn -B verify                     # every module's tests, Spark's included
#   git commit -m "Split into Maven modules (tools/split-modules.sh)"
#
# `--commit` commits for you once the files are moved. The launcher (./atelier) and .ci/run need no change: the
# launcher finds the layout itself, and .ci/run's `mvn -B verify` builds every module from the top.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "split-modules: the work tree has uncommitted changes; commit or stash them first" >&2
  exit 1
fi
python3 "$(dirname "$0")/split_modules.py"
if [ "${1:-}" = --commit ]; then
  git commit -q -m "Split into Maven modules: atelier-core, atelier-app, atelier-spark (tools/split-modules.sh)"
  echo "split-modules: committed $(git rev-parse --short HEAD)"
else
  echo "split-modules: done; run 'mvn -B verify', then commit" >&2
fi
