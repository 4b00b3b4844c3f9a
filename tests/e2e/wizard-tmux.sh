#!/usr/bin/env bash
# wizard-tmux.sh [BIN] — drives the real wizard in tmux (recipe: /work/shared/docs/terminal-testing.md):
# preset → shop details (typed and pasted) → toggle a provider → export (and overwrite) → quit;
# checks the exported file, the answers file, resuming, the parse-error case, a tiny window,
# and that the terminal is restored. Prints "N passed, N failed"; exit status 1 on any failure.
set -uo pipefail
BIN=$(realpath "${1:-target/debug/privacybeleid}")
WORK=$(mktemp -d)
T="tmux -L e2e-wizard-$$ -f /dev/null"
S=e2e
PASSED=0
FAILED=0
trap '$T kill-server 2>/dev/null || true; sleep 0.2; rm -rf "$WORK" 2>/dev/null' EXIT

source "$(dirname "$0")/lib.sh"
text() { $T send-keys -t "$S" -l "$1"; }

ANS="$WORK/winkel.toml"
DATA="$WORK/data"
$T new-session -d -s "$S" -x 120 -y 40 \
  "env -i PATH='$PATH' HOME='$WORK' TERM=tmux-256color PRIVACYBELEID_DATA_DIR='$DATA' PS1='PROMPT\$ ' bash --norc --noprofile"
need "shell started" wait_for 'PROMPT$'
keys "cd '$WORK'; stty -g > stty.before; clear" Enter
sleep 0.2

# 1. Start with a new answers file; the start screen lists the presets.
keys "'$BIN' wizard --answers '$ANS'; echo EXIT=\$?" Enter
need "start screen" wait_for 'Beginnen met een preset'
check "alternate screen on" test "$(flag alternate_on)" = 1
check "answers file created at start" test -f "$ANS"
need "preset highlighted" down_to '› Minimale starter' 20
keys Enter
need "name asked first" wait_for 'Naam van uw webwinkel'
text "Zoë's Bloemen"
keys Enter
need "shop form" wait_for 'Gegevens van uw webwinkel'
check "title carries the name" wait_for "privacybeleid — Zoë's Bloemen — stap 1"

# 2. Shop details: typed (accents), a bad value with its message, and a bracketed paste.
# The cursor is on the first empty field (operator); the website is next.
keys Down
text "www.zoesbloemen.nl"
keys Down
check "https:// added on leaving the field" wait_for 'bewaard als https://www.zoesbloemen.nl'
keys Down # street (effective_date keeps today's date)
$T set-buffer -b e2e "Plakstraat 1"
$T paste-buffer -p -b e2e -t "$S"
check "pasted text in the street field" wait_for 'Plakstraat 1'
keys Down Down Down Down Down
text "info@zoesbloemen.nl"
keys Down Down Down
text "Zoë de Vries"
check "required fields filled" wait_for 'Zoë de Vries'

# 3. Jump to the payments step in the sidebar and toggle a provider.
keys Tab
for _ in 1 2 3 4 5 6 7; do keys Down; done
keys Enter
need "payments step" wait_for 'Hoe betalen uw klanten?'
check "preset provider chosen" wait_for '[x] Mollie'
keys Down
keys Space
check "provider toggled" wait_for '[x] MultiSafepay'
check "preview shows the provider" wait_for 'Betalingen in onze webwinkel lopen via'

# 4. Export (Ctrl+S), then again: the overwrite question.
keys C-s
need "export screen" wait_for '[ Exporteren ]'
# Down to the button (the register and agreements rows come after the policy's formats).
need "button under the cursor" down_to '›[ Exporteren ]'
keys Enter
need "files written" wait_for 'Geschreven:'
MD="$WORK/zoes-bloemen-privacybeleid.md"
check "markdown exported" test -f "$MD"
check "html fragment exported" test -f "$WORK/zoes-bloemen-privacybeleid.fragment.html"
check "fragment without its own h1" bash -c "! grep -q '<h1>' '$WORK/zoes-bloemen-privacybeleid.fragment.html'"
check "export has the shop name" grep -qF "Zoë's Bloemen" "$MD"
check "export has the toggled provider" grep -qF "MultiSafepay" "$MD"
check "export has the e-mail address" grep -qF "info@zoesbloemen.nl" "$MD"
check "export has the pasted street" grep -qF "Plakstraat 1" "$MD"
echo "oud" > "$MD"
keys Enter
check "overwrite question" wait_for 'Overschrijven?'
keys j
check "written after yes" wait_for 'Geschreven:'
check "file overwritten" grep -qF "MultiSafepay" "$MD"

# 5. Help overlay, too-small window, then quit.
keys F1
check "help overlay" wait_for 'Toetsen: Exporteren'
keys Escape
$T resize-window -t "$S" -x 30 -y 8
check "tiny window notice" wait_for 'Venster te klein'
$T resize-window -t "$S" -x 120 -y 40
check "normal again after resize" wait_for '[ Exporteren ]'
keys C-q
need "wizard exited" wait_for 'EXIT=0'
check "alternate screen off" test "$(flag alternate_on)" = 0
check "cursor visible" test "$(flag cursor_flag)" = 1
check "mouse reporting off" test "$(flag mouse_any_flag)$(flag mouse_button_flag)$(flag mouse_standard_flag)$(flag mouse_sgr_flag)" = 0000
keys "stty -g > stty.after; echo STTY-SAVED" Enter
wait_for 'STTY-SAVED'
check "tty modes restored" cmp -s "$WORK/stty.before" "$WORK/stty.after"
check "answers saved: provider" grep -qF '"multisafepay"' "$ANS"
check "answers saved: step" grep -qF 'step = "export"' "$ANS"
check "recent list written" grep -qF "winkel.toml" "$DATA/recent.toml"

# 6. Reopening resumes at the saved step; Ctrl+C quits.
keys clear Enter
keys "'$BIN' wizard --answers '$ANS'; echo EXIT=\$?" Enter
check "resumes at the export step" wait_for 'stap 17 van 17: Exporteren'
keys C-c
check "Ctrl+C exits cleanly" wait_for 'EXIT=0'
check "alternate screen off after Ctrl+C" test "$(flag alternate_on)" = 0

# 7. A file that does not parse: Dutch message with line and column, file untouched.
printf '[shop]\nname = "x"\nname = "y"\n' > "$WORK/kapot.toml"
cp "$WORK/kapot.toml" "$WORK/kapot.orig"
keys clear Enter
keys "'$BIN' wizard --answers '$WORK/kapot.toml'; echo EXIT=\$?" Enter
check "parse error shown" wait_for 'regel 3'
check "parse error exit code" wait_for 'EXIT=2'
check "broken file not overwritten" cmp -s "$WORK/kapot.toml" "$WORK/kapot.orig"

# 8. A panic (debug builds panic on F12 when PRIVACYBELEID_TEST_PANIC is set): terminal restored.
keys clear Enter
keys "PRIVACYBELEID_TEST_PANIC=1 '$BIN' wizard --answers '$ANS'; echo EXIT=\$?" Enter
if wait_for 'stap 17 van 17'; then
  keys F12
  if wait_for 'EXIT=101' 5; then
    check "panic message printed" wait_for 'testpaniek'
    check "alternate screen off after panic" test "$(flag alternate_on)" = 0
    check "cursor visible after panic" test "$(flag cursor_flag)" = 1
    check "mouse reporting off after panic" test "$(flag mouse_any_flag)$(flag mouse_button_flag)$(flag mouse_standard_flag)$(flag mouse_sgr_flag)" = 0000
    keys "stty -g > stty.panic; echo STTY-PANIC" Enter
    wait_for 'STTY-PANIC'
    check "tty modes restored after panic" cmp -s "$WORK/stty.before" "$WORK/stty.panic"
  else
    echo "skip panic check (release build: F12 does not panic)"
    keys C-q
    wait_for 'EXIT=0'
  fi
else
  bad "wizard started for the panic check"
fi

echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
