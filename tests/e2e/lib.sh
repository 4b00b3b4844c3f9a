# Helpers shared by the tmux end-to-end scripts (sourced after T and S are set):
# T is the tmux command with its own socket, S the session name.
screen() { $T capture-pane -p -t "$S"; }
flag() { $T display-message -p -t "$S" "#{$1}"; }
keys() { $T send-keys -t "$S" "$@"; }
wait_for() { # wait_for TEXT [SECONDS]
  local deadline=$((SECONDS + ${2:-10}))
  until screen | grep -qF -- "$1"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}
wait_gone() { # wait_gone TEXT [SECONDS]
  local deadline=$((SECONDS + ${2:-10}))
  while screen | grep -qF -- "$1"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}
down_to() { # down_to TEXT [TRIES]: ↓ until TEXT is on the screen (the row under the cursor)
  local i before
  for ((i = 0; i < ${2:-30}; i++)); do
    screen | grep -qF -- "$1" && return 0
    before=$(screen)
    keys Down
    # The next key only once this one's frame is there: a busy machine draws late, and keys
    # sent blind run past the row.
    for _ in {1..50}; do
      [[ $(screen) != "$before" ]] && break
      sleep 0.1
    done
  done
  wait_for "$1" 1
}
ok() { PASSED=$((PASSED + 1)); echo "ok   $1"; }
bad() { FAILED=$((FAILED + 1)); echo "FAIL $1"; screen | sed 's/^/     | /'; }
check() { # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then ok "$name"; else bad "$name"; return 1; fi
}
# Fatal: later steps make no sense without this one.
need() { check "$@" || { echo "$PASSED passed, $((FAILED)) failed"; exit 1; }; }
