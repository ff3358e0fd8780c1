#!/bin/sh
# Under LANG=de_DE.UTF-8 fedwiz speaks German: --help, usage errors, project
# errors, answers-file errors (FILE:LINE kept) and `show`, whose step column
# stays aligned although German titles hold umlauts. LANGUAGE picks the
# language before LANG; a locale without a catalogue stays English.
#
# The catalogues come from the build tree: `make` lays po/*.gmo out under
# $top_builddir/locale as under the installed LOCALEDIR, and
# FEDWIZ_LOCALEDIR points fedwiz there (fedwiz(1), ENVIRONMENT).
. "${top_srcdir:-.}/tests/lib.sh"

if ! locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\{0,1\}8'; then
	echo "Bail out! no de_DE.UTF-8 locale; ./build.sh check generates it" \
		"(localedef -i de_DE -f UTF-8 de_DE.UTF-8)"
	exit 1
fi
FEDWIZ_LOCALEDIR=$top_builddir/locale
export FEDWIZ_LOCALEDIR
ok "the build tree holds the German catalogue" \
	test -s "$FEDWIZ_LOCALEDIR/de/LC_MESSAGES/fedwiz.mo"

LANG=de_DE.UTF-8
export LANG

run "$FEDWIZ" --help
is "$STATUS" 0 "fedwiz --help exits 0"
is "$(head -n 1 "$OUT")" "Aufruf: fedwiz [OPTIONEN] [PROJEKT]" \
	"--help starts with the German usage line"
ok "--help explains the tool in German, umlauts intact" \
	grep -q '^Führt Administratoren von Cisco IM and Presence Schritt für Schritt' "$OUT"
ok "--help lists the commands under 'Befehle:'" grep -qx 'Befehle:' "$OUT"
ok "--help lists 'export' with its German summary" \
	grep -qx '  export  *Die Antworten eines Projekts als Antwortdatei ausgeben\.' "$OUT"
ok "--help describes --read-only in German" \
	grep -q -- '--read-only  PROJEKT öffnen, ohne es zu ändern' "$OUT"
ok "every --help line fits 79 columns" test "$(wc -L <"$OUT")" -le 79

run "$FEDWIZ" init --help
is "$STATUS" 0 "fedwiz init --help exits 0"
is "$(head -n 1 "$OUT")" "Aufruf: fedwiz init PROJECT [--answers FILE]" \
	"init --help: German usage line around the untranslated syntax"
ok "init --help: the option text is German" \
	grep -q -- '-a, --answers DATEI  das Projekt aus dieser Antwortdatei füllen' "$OUT"

run "$FEDWIZ" --bogus
is "$STATUS" 2 "an unknown option still exits 2"
is "$(cat "$ERR")" "fedwiz: unbekannte Option '--bogus'
Weitere Informationen mit 'fedwiz --help'." "an unknown option is reported in German"

run "$FEDWIZ" show
is "$STATUS" 2 "show without PROJECT exits 2"
is "$(head -n 1 "$ERR")" "fedwiz show: PROJEKT fehlt" \
	"a missing operand is reported in German"

run "$FEDWIZ" show nowhere.fedwiz
is "$STATUS" 2 "show of a missing project exits 2"
is "$(cat "$ERR")" "fedwiz: nowhere.fedwiz: kein solches Projekt" \
	"a missing project is reported in German"

printf '[deployment]\ntransport = udp\n[imp_node]\nfqdn = a.test\nip = 192.0.2.300\n' \
	>bad.answers
run "$FEDWIZ" init p.fedwiz --answers bad.answers
is "$STATUS" 2 "init with bad answers exits 2"
ok "answers errors are German and keep FILE:LINE" grep -qxF \
	"fedwiz: bad.answers:2: transport: 'udp' ist keiner von: tls, tcp" "$ERR"
ok "a bad IP address is reported in German" grep -qxF \
	"fedwiz: bad.answers:5: ip: '192.0.2.300' ist keine IPv4- oder IPv6-Adresse" "$ERR"
ok "init names what to fix, in German" grep -qxF \
	"fedwiz: p.fedwiz: nicht angelegt; beheben Sie zuerst die Fehler in bad.answers" "$ERR"
ok "nothing was created" test ! -e p.fedwiz

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"
run "$FEDWIZ" show p.fedwiz
is "$STATUS" 0 "show exits 0"
ok "show labels are German" grep -q '^OCS-Edition:   ' "$OUT"
ok "show lists the steps under 'Schritte:'" grep -qx 'Schritte:' "$OUT"
ok "step 1 has its German title with umlauts" \
	grep -q '^  1 Föderierte Domänen  ' "$OUT"
# The state of every step starts in column 49, umlauts or not (printf pads
# by bytes; fedwiz pads by columns).
grep '^  [1-9] ' "$OUT" >steps
is "$(wc -l <steps)" 9 "show lists nine steps"
is "$(LC_ALL=C.UTF-8 sed -n 's/^.\{48\}\(..\).*/\1/p' steps |
	grep -c '^ [^ ]$')" 9 "the state column is aligned in every step line"

run "$FEDWIZ" validate --offline p.fedwiz
is "$STATUS" 0 "validate of the example exits 0 (warnings only)"
ok "validate counts in German" grep -qx 'Fehler: 0, Warnungen: [0-9]*, Hinweise: [0-9]*' "$OUT"
ok "validate findings name severity and step in German" \
	grep -q '^Warnung: Schritt 8 (FIPS auf OCS): fips: FIPS ist auf OCS nicht bestätigt' "$OUT"

# A server certificate without Client Authentication, made now.
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem \
	-days 30 -subj "/CN=fe1.ocs.test" -addext "extendedKeyUsage=serverAuth" \
	-addext "subjectAltName=DNS:fe1.ocs.test" 2>/dev/null ||
	echo "Bail out! openssl cannot make a test certificate"
run "$FEDWIZ" cert-check cert.pem
is "$STATUS" 1 "cert-check of a Server-Auth-only certificate exits 1"
ok "cert-check gives its verdict in German" \
	grep -qx 'Ergebnis:     NICHT geeignet für die Föderation IM and Presence - OCS' "$OUT"
ok "cert-check names the missing EKU in German" \
	grep -q '^Fehler: cert.pem: Clientauthentifizierung fehlt; ' "$OUT"
# Labels with umlauts ("Gültig ab:") pad to the same column as the rest.
is "$(LC_ALL=C.UTF-8 sed -n '1,/^Ergebnis:/s/^.\{13\}\(..\).*/\1/p' "$OUT" |
	grep -c '^ [^ ]$')" "$(sed -n '1,/^Ergebnis:/p' "$OUT" | wc -l)" \
	"every cert-check label pads to the same column"
ok "the umlaut labels are there" grep -q '^Gültig ab:    2' "$OUT"

# The checklist: German prose, Cisco's labels as its English UI shows them,
# OCS labels as the German OCS UI does, 80 columns.
run "$FEDWIZ" checklist p.fedwiz
is "$STATUS" 0 "checklist exits 0"
ok "checklist header in German, umlauts upper-cased" \
	grep -qx 'CHECKLISTE: FÖDERATION IM AND PRESENCE - MICROSOFT OCS' "$OUT"
ok "checklist items are German" \
	grep -q '^\[ \] Die SIP-föderierte Domäne .* hinzufügen$' "$OUT"
ok "Cisco's UI labels stay English" grep -q '^    - Domain Name: ' "$OUT"
ok "the Cisco field Description too, beside the wizard's German heading" \
	grep -q '^    - Description: OCS 2007 R2, headquarters$' "$OUT"
ok "OCS labels are the German OCS UI's" \
	grep -q '^    - Als Server drosseln (Throttle as Server): ' "$OUT"
ok "the German checklist fits 80 columns" test "$(wc -L <"$OUT")" -le 80
run "$FEDWIZ" tick p.fedwiz no.such.item
is "$STATUS" 2 "tick of an unknown item exits 2"
ok "tick names the unknown item in German" \
	grep -q "^fedwiz: p.fedwiz: kein Checklistenpunkt 'no.such.item'; " "$ERR"

# LANGUAGE comes first; an English request gets the original messages.
run env LANGUAGE=en "$FEDWIZ" show
is "$(head -n 1 "$ERR")" "fedwiz show: missing PROJECT" \
	"LANGUAGE=en wins over LANG=de_DE.UTF-8"
# Without the catalogue, German locale or not, the messages stay English.
run env FEDWIZ_LOCALEDIR="$FW_TMP/none" "$FEDWIZ" show
is "$(head -n 1 "$ERR")" "fedwiz show: missing PROJECT" \
	"without a catalogue the messages are English"
# fedwiz explain in German, with its umlauts.
run "$FEDWIZ" explain "SIP/2.0 408 Request Timeout"
is "$STATUS" 0 "explain in German: exit 0"
ok "explain says what it means in German" grep -q "^Bedeutung: " "$OUT"
ok "and lists the causes with umlauts intact" \
	grep -q "^Mögliche Ursachen, die wahrscheinlichste zuerst:$" "$OUT"
run "$FEDWIZ" explain "the coffee machine is empty"
is "$STATUS" 1 "explain of unknown text in German: exit 1"
ok "... said in German" sh -c "grep -q '^fedwiz: ' '$ERR' && ! grep -q 'no known symptom' '$ERR'"

run env LANG=C.UTF-8 "$FEDWIZ" show
is "$(head -n 1 "$ERR")" "fedwiz show: missing PROJECT" \
	"LANG=C.UTF-8 gives English"

done_testing
