#!/usr/bin/env bash
# lotus-tmux.sh [BIN] — the Theehuis Lotus run of issue 13, as a new user would do it: a Shopify
# shop in Utrecht with Mollie and PayPal, Klaviyo, Trustpilot, Sendcloud + PostNL + DHL, Moneybird,
# Bol.com, Google Analytics, Meta pixel and Hotjar, from the start screen to an exported Markdown
# policy and HTML fragment. Counts the keys: navigation keys (every key that is not typed text)
# and detours (keys that go back or away from the goal). Prints "NAV=… TYPED=… DETOURS=…" and
# "N passed, N failed"; fails when a check fails or the run needs more than MAX_NAV keys or any
# detour. Size: LOTUS_SIZE=WxH (default 160x48).
set -uo pipefail
BIN=$(realpath "${1:-target/debug/privacybeleid}")
SIZE=${LOTUS_SIZE:-160x48}
MAX_NAV=${LOTUS_MAX_NAV:-50}
WORK=$(mktemp -d)
T="tmux -L e2e-lotus-$$ -f /dev/null"
S=e2e
PASSED=0
FAILED=0
NAV=0
TYPED=0
DETOURS=0
trap '$T kill-server 2>/dev/null || true; sleep 0.2; rm -rf "$WORK" 2>/dev/null' EXIT

source "$(dirname "$0")/lib.sh"
finish() {
  echo "NAV=$NAV TYPED=$TYPED DETOURS=$DETOURS"
  echo "$PASSED passed, $FAILED failed"
  ((FAILED == 0))
  exit
}
need() { check "$@" || finish; }
# nav KEY...: navigation keys (counted one by one).
nav() {
  for key in "$@"; do
    $T send-keys -t "$S" "$key"
    NAV=$((NAV + 1))
    # An Escape straight before a letter would reach the wizard as Alt+letter.
    if [[ $key == Escape ]]; then sleep 0.4; else sleep 0.05; fi
  done
}
# detour KEY...: keys that only undo or leave the way (counted as navigation and as detours).
detour() {
  DETOURS=$((DETOURS + $#))
  nav "$@"
}
# text STRING: typed text (counted per character, not as navigation).
text() {
  $T send-keys -t "$S" -l "$1"
  TYPED=$((TYPED + ${#1}))
  sleep 0.05
}
# step LABEL: waits until the title bar names the step.
step() {
  ((SECONDS < 180)) || need "run finished within 3 minutes" false
  need "step $1" wait_for ": $1"
}

W=${SIZE%x*}
H=${SIZE#*x}
$T new-session -d -s "$S" -x "$W" -y "$H" \
  "cd '$WORK' && env -i PATH='$PATH' HOME='$WORK' TERM=tmux-256color PRIVACYBELEID_DATA_DIR='$WORK/data' '$BIN'; echo EXIT=\$?; sleep 600"

# Start screen: the Shopify preset, then the shop's name.
need "start screen" wait_for 'Beginnen met een preset'
# One key at a time: the next Down only once the cursor has moved (a busy machine draws late).
while ! screen | grep -qF '› Shopify met Shopify Payments'; do
  before=$(screen | grep -F ' › ')
  nav Down
  for _ in {1..50}; do
    [[ $(screen | grep -F ' › ') != "$before" ]] && break
    sleep 0.1
  done
  ((NAV < 20)) || need "preset in the list" false
done
need "preset shows what it ticks" wait_for 'Betalingen: Shopify Payments, PayPal'
nav Enter
need "name asked" wait_for 'Naam van uw webwinkel'
text "Theehuis Lotus"
nav Enter

# Shop details: the cursor starts on the first empty field (company name, left empty).
step "Gegevens webwinkel"
nav Down
text "www.theehuislotus.nl"
nav Down Down # the effective date keeps today's date
text "Oudegracht 12"
nav Down
text "3511ab"
nav Down
text "Utrecht"
nav Down Down Down # country (Nederland by default), phone
text "info@theehuislotus.nl"
nav Down Down Down # chamber of commerce and VAT numbers left for later
text "Lin de Vries"
check "website normalised" wait_for 'https://www.theehuislotus.nl'
nav Enter

# pick SEARCH: type to search, Enter ticks the first match and clears the search.
pick() {
  text "$1"
  nav Enter
}
step "Webwinkelsoftware"
nav Enter
step "Hosting"
nav Enter
step "Nieuwsbrief"
pick klaviyo
check "Klaviyo chosen" wait_for '[x] Klaviyo'
nav Enter
step "Transactiemail"
nav Enter
step "Zakelijke e-mail"
nav Enter
step "Klantenservice"
nav Enter
step "Betalingen"
text "shopify"
nav Space # untick Shopify Payments
nav Escape # clear the search
# Typed straight after Escape, a letter would reach a busy wizard as Alt+letter.
need "search cleared" wait_for '(typ om te zoeken)'
pick mollie
check "Mollie and PayPal, not Shopify Payments" wait_for 'PayPal, Mollie'
nav Enter
step "Reviews"
pick trustpilot
nav Enter
step "Verzending"
pick dhl
check "DHL added" wait_for 'Sendcloud, PostNL, DHL'
nav Enter
step "Boekhouding"
nav Enter
step "Verkoopkanalen"
pick bol
nav Enter
step "Cookies"
pick meta
pick hotjar
check "cookie tools chosen" wait_for 'Hotjar'
nav Enter
step "Ingesloten inhoud"
nav Enter
step "Beleidskeuzes"
while screen | grep -qF 'stap 15 van 17: Beleidskeuzes'; do
  nav Enter # Enter walks the fields, then on
  ((NAV < 100)) || need "policy options left" false
done
step "Controle"
nav Enter
step "Exporteren"
need "export button" wait_for '[ Exporteren ]'
while ! screen | grep -qF '›[ Exporteren ]'; do
  nav Down
  ((NAV < 100)) || need "export button reached" false
done
nav Enter
need "files written" wait_for 'Geschreven:'
echo "keys to the exported files: NAV=$NAV TYPED=$TYPED DETOURS=$DETOURS"

MD="$WORK/theehuis-lotus-privacybeleid.md"
FRAG="$WORK/theehuis-lotus-privacybeleid.fragment.html"
check "markdown exported" test -f "$MD"
check "html fragment exported" test -f "$FRAG"
for name in "Theehuis Lotus" Shopify Mollie PayPal Klaviyo Trustpilot Sendcloud PostNL DHL Moneybird \
  Bol.com "Google Analytics" Meta Hotjar "3511 AB" "https://www.theehuislotus.nl" "Lin de Vries"; do
  check "policy names $name" grep -qF "$name" "$MD"
  check "fragment names $name" grep -qF "$name" "$FRAG"
done
check "Shopify Payments not in the policy" bash -c "! grep -qF 'Shopify Payments' '$MD'"
check "at most $MAX_NAV navigation keys (used $NAV)" test "$NAV" -le "$MAX_NAV"
check "no detour (made $DETOURS)" test "$DETOURS" -eq 0
nav C-q
check "wizard exited" wait_for 'EXIT=0'
finish
