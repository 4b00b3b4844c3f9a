#!/usr/bin/env bash
# clients-tmux.sh [BIN] — a consultant in the real wizard (issue 9), in tmux: `wizard --dir`
# opens the clients screen with every answers file of the folder; Enter opens a client in the
# wizard; Ctrl+S exports it, which keeps version 1 beside the file; the start screen's recent
# list shows the shop's name. Prints "N passed, N failed"; exit status 1 on any failure.
set -uo pipefail
BIN=$(realpath "${1:-target/debug/privacybeleid}")
WORK=$(mktemp -d)
T="tmux -L e2e-clients-$$ -f /dev/null"
S=e2e
PASSED=0
FAILED=0
trap '$T kill-server 2>/dev/null || true; sleep 0.2; rm -rf "$WORK" 2>/dev/null' EXIT

source "$(dirname "$0")/lib.sh"

K="$WORK/klanten"
mkdir -p "$K"
for shop in "Bakkerij de Korenschoof:bakkerij" "Zoë's Bloemen:bloemen"; do
  name=${shop%%:*}
  file=${shop##*:}
  cat > "$K/$file.toml" <<TOML
[shop]
name = "$name"
website = "https://www.voorbeeld.nl"
effective_date = 2025-01-31
street = "Dorpsstraat 1"
postcode = "1234 AB"
city = "Utrecht"
email = "info@voorbeeld.nl"
kvk = "12345678"
privacy_contact = "Jan Jansen"
[providers]
webshop = ["shopify"]
payments = ["mollie"]
shipping = ["postnl"]
[export]
dir = "$WORK/export"
formats = ["md"]
documents = ["policy"]
TOML
done
DATA="$WORK/data"
$T new-session -d -s "$S" -x 120 -y 40 \
  "env -i PATH='$PATH' HOME='$WORK' TERM=tmux-256color PRIVACYBELEID_DATA_DIR='$DATA' PS1='PROMPT\$ ' bash --norc --noprofile"
need "shell started" wait_for 'PROMPT$'
keys "cd '$WORK'; clear" Enter
sleep 0.2

# 1. The clients screen lists the folder.
keys "'$BIN' wizard --dir '$K'; echo EXIT=\$?" Enter
need "clients screen" wait_for 'Klanten in'
check "both clients listed" wait_for "Zoë's Bloemen"
check "never exported" wait_for 'ja: nog nooit geëxporteerd'

# 2. Enter on the second client opens it in the wizard.
keys Down
sleep 0.2
keys Enter
need "client opened in the wizard" wait_for "privacybeleid — Zoë's Bloemen — stap"

# 3. Export with the remembered settings: a missing folder is asked about, then made.
keys C-s
need "export step" wait_for '[ Exporteren ]'
need "button under the cursor" down_to '›[ Exporteren ]'
keys Enter
need "asked to make the folder" wait_for 'bestaat niet'
keys j
check "export done, version kept" wait_for 'bewaard in de geschiedenis'
check "policy exported" test -f "$WORK/export/zoes-bloemen-privacybeleid.md"
check "the policy states its version" grep -q 'Dit is versie 1' "$WORK/export/zoes-bloemen-privacybeleid.md"
check "version kept" test -f "$K/bloemen.toml.history/versie-001.md"
check "folder made" test -d "$WORK/export"
keys C-q
need "wizard exited" wait_for 'EXIT=0'

# 4. The start screen's recent list shows the shop's name.
keys "clear; '$BIN' wizard; echo EXIT=\$?" Enter
need "start screen" wait_for 'Beginnen met een preset'
check "recent file shown with its shop name" wait_for "Zoë's Bloemen — "
keys C-q
check "wizard exited again" wait_for 'EXIT=0'

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
