#!/usr/bin/env bash
# hardening-tmux.sh [BIN] — the wizard under abuse, in a real terminal (tmux):
# comments kept on save, an outside edit loaded, an outside edit while a change is pending
# (asked, saved elsewhere), a second wizard on the same file, SIGTERM and SIGHUP (terminal
# restored, edit kept), Ctrl+Z and fg, Ctrl+Q while saving fails, a huge paste.
# Prints "N passed, N failed"; exit status 1 on any failure.
set -uo pipefail
BIN=$(realpath "${1:-target/debug/privacybeleid}")
SEED=$(realpath "$(dirname "$0")/../../examples/seeds/kleine-toppers.toml")
WORK=$(mktemp -d)
T="tmux -L e2e-hard-$$ -f /dev/null"
S=e2e
PASSED=0
FAILED=0
LOCKED_DIR=""
cleanup() {
  [[ -n "$LOCKED_DIR" ]] && chattr -i "$LOCKED_DIR" 2>/dev/null
  $T kill-server 2>/dev/null || true
  sleep 0.2
  rm -rf "$WORK" 2>/dev/null
}
trap cleanup EXIT

screen() { $T capture-pane -p -t "$1"; }
flag() { $T display-message -p -t "$1" "#{$2}"; }
wait_for() { # wait_for WINDOW TEXT [SECONDS]
  local deadline=$((SECONDS + ${3:-10}))
  until screen "$1" | grep -qF -- "$2"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}
wait_file() { # wait_file FILE TEXT [SECONDS]
  local deadline=$((SECONDS + ${3:-10}))
  until grep -qF -- "$2" "$1" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}
ok() { PASSED=$((PASSED + 1)); echo "ok   $1"; }
bad() { FAILED=$((FAILED + 1)); echo "FAIL $1"; screen "$S:0" | sed 's/^/     | /'; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
keys() { local w=$1; shift; $T send-keys -t "$w" "$@"; }
text() { $T send-keys -t "$1" -l "$2"; }
wizard_pid() { pgrep -P "$(flag "$1" pane_pid)" -n; }
restored() { # restored WINDOW STTY-FILE: the shell's terminal is as before the wizard
  [[ "$(flag "$1" alternate_on)" == 0 && "$(flag "$1" cursor_flag)" == 1 ]] || return 1
  [[ "$(flag "$1" mouse_any_flag)$(flag "$1" mouse_button_flag)$(flag "$1" mouse_sgr_flag)" == 000 ]] || return 1
  keys "$1" "stty -g > $WORK/stty.now; echo STTY-SAVED" Enter
  wait_for "$1" 'STTY-SAVED' || return 1
  cmp -s "$WORK/stty.before" "$WORK/stty.now"
}
to_name() { # the cursor to the shop name (the form opens at the first empty field)
  for _ in $(seq 1 14); do keys "$1" Up; done
  sleep 0.3
}
start() { # start WINDOW FILE [ENV...]: the wizard on FILE from the shell of WINDOW
  local w=$1 f=$2
  shift 2
  keys "$w" clear Enter
  keys "$w" "$* '$BIN' wizard --answers '$f'; echo EXIT=\$?" Enter
}

$T new-session -d -s "$S" -x 120 -y 40 \
  "env -i PATH='$PATH' HOME='$WORK/home' TERM=tmux-256color PRIVACYBELEID_DATA_DIR='$WORK/data' PS1='PROMPT\$ ' bash --norc --noprofile"
$T new-window -t "$S:1" \
  "env -i PATH='$PATH' HOME='$WORK/home' TERM=tmux-256color PRIVACYBELEID_DATA_DIR='$WORK/data' PS1='PROMPT\$ ' bash --norc --noprofile"
mkdir -p "$WORK/home" "$WORK/klanten"
wait_for "$S:0" 'PROMPT$' || { echo "0 passed, 1 failed"; exit 1; }
wait_for "$S:1" 'PROMPT$'
keys "$S:0" "cd '$WORK'; stty -g > stty.before" Enter
keys "$S:1" "cd '$WORK'" Enter
A="$WORK/klanten/toppers.toml"
cp "$SEED" "$A"
COMMENTS=$(grep -c '#' "$A")

# 1. A change keeps every comment; a second wizard on the same file is told at start.
start "$S:0" "$A"
check "wizard opens the commented file" wait_for "$S:0" 'Gegevens van uw webwinkel'
check "lock file while open" test -f "$WORK/klanten/.toppers.toml.lock"
start "$S:1" "$A"
check "second wizard is told the file is open" wait_for "$S:1" 'al geopend in een andere wizard'
check "second wizard stops" wait_for "$S:1" 'EXIT=1'
to_name "$S:0"
text "$S:0" " Kids"
check "change saved" wait_file "$A" 'name = "Kleine Toppers Kids"'
check "every comment kept" test "$(grep -c '#' "$A")" -ge "$COMMENTS"
check "first comment kept" grep -qF '"Kleine Toppers is een Luminet webshop"' "$A"
check "inline comment kept" grep -qF '# fixed: seed writes "7742SE"' "$A"

# 2. An outside edit while open, no unsaved change: loaded, and the next change keeps it.
sed -i 's/city = "Coevorden"/city = "Emmen"/' "$A"
check "outside edit loaded" wait_for "$S:0" 'opnieuw geladen'
text "$S:0" "!"
check "next change saved" wait_file "$A" 'name = "Kleine Toppers Kids!"'
check "outside edit not reverted" grep -qF 'city = "Emmen"' "$A"

# 3. An outside edit that makes the file unreadable, then a change: asked, nothing lost.
cp "$A" "$WORK/good.toml"
printf '[shop\nkapot\n' > "$A"
check "unreadable outside edit noticed" wait_for "$S:0" 'onleesbaar'
text "$S:0" "?"
check "asked what to do" wait_for "$S:0" 'Bestand buiten de wizard gewijzigd'
check "broken outside version untouched" grep -qF 'kapot' "$A"
keys "$S:0" e
check "mine saved elsewhere" wait_file "$WORK/klanten/toppers-mijn-versie.toml" 'Kleine Toppers Kids!?'
check "elsewhere copy keeps comments" grep -qF '# fixed: seed writes "7742SE"' "$WORK/klanten/toppers-mijn-versie.toml"
check "outside version still untouched" grep -qF 'kapot' "$A"
check "status names the new file" wait_for "$S:0" 'toppers-mijn-versie.toml'
keys "$S:0" C-q
check "quit after conflict" wait_for "$S:0" 'EXIT=0'
check "terminal restored after quit" restored "$S:0"
check "lock released" test ! -e "$WORK/klanten/.toppers.toml.lock"

# 4. SIGTERM: terminal restored, the edit kept, exit 143; SIGHUP likewise (129).
cp "$WORK/good.toml" "$A"
for sig in TERM HUP; do
  start "$S:0" "$A"
  wait_for "$S:0" 'Gegevens van uw webwinkel'
  to_name "$S:0"
  text "$S:0" "$sig"
  wait_file "$A" "$sig\""
  kill -"$sig" "$(wizard_pid "$S:0")"
  code=143
  [[ $sig == HUP ]] && code=129
  check "SIG$sig ends the wizard ($code)" wait_for "$S:0" "EXIT=$code"
  check "SIG$sig restores the terminal" restored "$S:0"
  check "SIG$sig keeps the edit" grep -qF "$sig\"" "$A"
  check "SIG$sig says where the answers are" wait_for "$S:0" 'antwoorden bewaard in'
done

# 5. Ctrl+Z suspends and gives the shell back; fg resumes the wizard.
start "$S:0" "$A"
wait_for "$S:0" 'Gegevens van uw webwinkel'
to_name "$S:0"
keys "$S:0" C-z
check "Ctrl+Z: shell back" wait_for "$S:0" 'Stopped'
check "Ctrl+Z: terminal restored" test "$(flag "$S:0" alternate_on)" = 0
check "Ctrl+Z typed nothing" test "$(grep -c 'HUPz' "$A")" = 0
keys "$S:0" fg Enter
check "fg: wizard back" wait_for "$S:0" 'Gegevens van uw webwinkel'
check "fg: alternate screen again" test "$(flag "$S:0" alternate_on)" = 1

# 6. A huge paste is cut, with a message.
$T set-buffer -b big "$(head -c 6000 /dev/zero | tr '\0' 'x')"
$T paste-buffer -p -b big -t "$S:0"
check "huge paste cut" wait_for "$S:0" 'ingekort tot 2000 tekens'
keys "$S:0" C-q
wait_for "$S:0" 'EXIT=0'

# 7. Ctrl+Q while saving fails: asked first; saving elsewhere keeps the edit.
cp "$WORK/good.toml" "$A"
if chattr +i "$WORK/klanten" 2>/dev/null; then
  LOCKED_DIR="$WORK/klanten"
  start "$S:0" "$A"
  wait_for "$S:0" 'Gegevens van uw webwinkel'
  to_name "$S:0"
  text "$S:0" "Q"
  check "failing save shown" wait_for "$S:0" 'Niet opgeslagen'
  keys "$S:0" C-q
  check "Ctrl+Q asks first" wait_for "$S:0" 'gaan ze verloren'
  keys "$S:0" Escape
  check "Esc goes back to the wizard" wait_for "$S:0" 'Gegevens van uw webwinkel'
  keys "$S:0" C-q
  wait_for "$S:0" 'gaan ze verloren'
  keys "$S:0" e
  check "saved elsewhere, then quit" wait_for "$S:0" 'EXIT=0'
  check "the edit is in the data dir" wait_file "$WORK/data/toppers-mijn-versie.toml" 'Kids!Q'
  check "terminal restored" restored "$S:0"
  chattr -i "$WORK/klanten"
  LOCKED_DIR=""
else
  echo "skip Ctrl+Q with a failing save (chattr +i not supported here)"
fi

echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
