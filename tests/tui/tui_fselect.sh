#!/bin/sh
# The certificate file picker (f on a certificate field) draws every file
# name through the terminal filter: an ESC sequence, a C1 control, a bidi
# override, a newline, bytes that are not UTF-8 and CDK markup in a name
# show as escapes or plain text, and none of them reaches the terminal.
# The hostile-named certificate can still be picked and is stored; a FIFO
# in the folder neither blocks the listing nor is read when picked.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

sh "$top_srcdir/tests/certs.sh" certs >certs.log 2>&1 ||
	{ echo "Bail out! tests/certs.sh failed"; cat certs.log; exit 1; }
cat >p.answers <<'EOF2'
[deployment]
transport = tls
[ocs_domain]
name = ocs.test
[ocs_server]
fqdn = fe1.ocs.test
ip = 198.51.100.21
domain = ocs.test
EOF2
"$FEDWIZ" init p.fedwiz --answers p.answers ||
	echo "Bail out! cannot create the project"

esc=$(printf '\033')
# The hostile names; the certificate's sorts last ('z').
mkdir pick pick/sub "pick/d${esc}[2J"
cert="z${esc}[31m<C>cert$(printf '\342\200\256').pem"
cp certs/both.pem "pick/$cert"
: >"pick/a${esc}[2Jclear"
: >"pick/b$(printf '\233')1mcsi"
: >"pick/c$(printf '\302\233')c1"
: >"pick/e$(printf '\342\200\256')txt.pem"
: >"pick/<C><#UL>bold"
: >"pick/n
newline"
: >"pick/f$(printf '\377\376')bad"
mkfifo pick/fifo
ln -s "$cert" pick/link
mkdir big
(cd big && seq 1 10001 | xargs touch)

tui_start 80x24 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
tui_keys F2 6
tui_wait "OCS server certificate" || echo "Bail out! step 6 did not show"
tui_keys Tab f
tui_wait "Enter open or pick" || echo "Bail out! f did not open the picker"
ok "the picker lists the folder the wizard started in" \
	grep -qF "Folder  $FW_TMP" "$TUI_SCREEN"

# Tab to the path field, a folder typed: it is listed.
tui_keys Tab
tui_type pick
tui_keys Enter
tui_wait "Folder  $FW_TMP/pick" || echo "Bail out! the typed folder was not listed"
tui_capture screen.pick
ok "ESC[2J in a name shows as its escape" grep -qF 'a\x1B[2Jclear' screen.pick
ok "a raw 0x9b byte shows as its escape" grep -qF 'b\x9B1mcsi' screen.pick
ok "the C1 CSI character shows as its escape" grep -qF 'c\u009Bc1' screen.pick
ok "U+202E shows as its escape" grep -qF 'e\u202Etxt.pem' screen.pick
ok "CDK markup in a name is plain text" grep -qF '<C><#UL>bold' screen.pick
ok "a newline in a name shows as its escape" grep -qF 'n\x0Anewline' screen.pick
ok "bytes that are not UTF-8 show as their escapes" grep -qF 'f\xFF\xFEbad' screen.pick
ok "a folder with ESC[2J ends in /, listed before the files" \
	grep -qF 'd\x1B[2J/' screen.pick
ok "the FIFO is listed, as a FIFO" grep -qE ' fifo +FIFO ' screen.pick
ok "the symlink is listed as a link" grep -qE ' link +link ' screen.pick
ok "folders come first, .. at the top" \
	awk '/\.\.\/ +parent folder/ { u = NR } /sub\// { s = NR }
	    /<C><#UL>bold/ { b = NR } END { exit !(u && u < s && s < b) }' screen.pick
ok "the top line is still there (no ESC[2J reached the terminal)" \
	grep -q '^ fedwiz · ' screen.pick
ok "the picker's border is whole" grep -qE '^└─+┘$' screen.pick
is "$(wc -L <screen.pick)" 80 "nothing runs past 80 columns"

# With -e the capture holds the attributes tmux draws: SGR sequences only.
# Anything else (a cursor move, a clear, a C1 or a bidi override) came
# from a name.
tui capture-pane -e -p -t "$TUI_TARGET" >screen.raw
sed "s/${esc}\[[0-9;]*m//g" screen.raw >screen.sgr
is "$(tr -d '\n' <screen.sgr | LC_ALL=C grep -c '[[:cntrl:]]')" 0 \
	"no control character but SGR reached the screen"
is "$(LC_ALL=C grep -c "$(printf '\342\200\256\|\302\233')" screen.raw)" 0 \
	"no raw U+202E or C1 reached the screen"

# The FIFO: picking it is refused without opening it (it would block).
tui_keys Tab
tui_type fifo
tui_keys Enter
tui_wait "not a regular file"
ok "picking the FIFO is refused, the wizard still answers" \
	grep -qF "fifo: not a regular file" "$TUI_SCREEN"
# A file that is no certificate keeps the picker open, with the reason.
tui_keys C-u
tui_type '<C><#UL>bold'
tui_keys Enter
tui_wait "Enter open the path"
tui_settle
ok "an empty file is refused, the picker stays open" \
	grep -qF "Enter open the path" "$TUI_SCREEN"
ok "the refusal names the file as plain text" grep -qF "<C><#UL>bold: empty" "$TUI_SCREEN"

# Resizing redraws the picker from scratch.
tui_resize 100x30
tui_wait "┐"
tui_settle
ok "at 100x30 the picker fills the wider screen" grep -qE '^└─{98}┘$' "$TUI_SCREEN"
tui_resize 80x24
tui_settle
ok "back at 80x24 it is whole" grep -qE '^└─{78}┘$' "$TUI_SCREEN"

# A folder of 10,001 files: the list says the rest were left out.
tui_keys C-u
tui_type ../big
tui_keys Enter
tui_wait "Folder  $FW_TMP/big"
ok "a folder of more than 10,000 entries says the rest are left out" \
	grep -qF "more than 10000 entries" "$TUI_SCREEN"
# Backspace in the list goes up, onto the folder left.
tui_keys Tab BSpace
tui_wait "Folder  $FW_TMP "
tui_settle
ok "Backspace lists the parent folder" grep -qF "Folder  $FW_TMP " "$TUI_SCREEN"

# The hostile-named certificate, from the list: into pick/, End, Enter.
tui_keys C-u Tab
tui_type pick
tui_keys Enter
tui_wait "Folder  $FW_TMP/pick"
tui_keys Tab End Enter
tui_wait_gone "Enter open or pick" 5 || diag "the picker did not close"
tui_wait "CN=fe1.ocs.test"
ok "step 6 shows the picked certificate" grep -qF "CN=fe1.ocs.test" "$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits with status 0"

"$FEDWIZ" export p.fedwiz >out.answers
sed -n '/^ocs_cert = <<PEM$/,/^PEM$/p' out.answers | sed '1d;$d' >stored.pem
openssl x509 -in certs/both.pem >want.pem
ok "the export holds the certificate picked under the hostile name" \
	cmp -s stored.pem want.pem
done_testing
