#!/bin/sh
# Crash safety through the wizard (SQLite's crash9.test way; the import
# side is tests/cli/cli_crash_edits.sh): 500 scripted edits in tmux over
# many sessions, each session ended by kill -9 at a random moment.
#
# An edit sets the project name, the Peer Auth port or the OCS CA
# certificate (one of two made with openssl, or none), or adds, changes or
# deletes an IM and Presence node or an OCS domain (only rows the test
# added: the example's rows are referenced by others). A session sends a
# first batch of edits ending in a name edit and waits until the top line
# shows that name: the screen has confirmed every edit of the batch as
# saved, and the file must hold them then. It then sends a second batch
# in one burst while a kill -9 is on its way: at once, at a random moment
# within the batch's typical time (aimed by where the last such kill
# landed), or well after it, so that it lands before, amid or after the
# saves. Every seventh session is killed while
# the wizard starts instead, and must change nothing.
#
# awk keeps a model of what the project must hold after each edit. After
# each kill the file must equal the model after the confirmed batch plus
# some prefix of the second: every confirmed edit is there, the one in
# flight is wholly there or wholly absent, and the keys the wizard had not
# read yet changed nothing. The compared state includes PRAGMA
# integrity_check and the audit log's row count (one row per edit that
# landed); the project must open (fedwiz show) and the next session must
# take over the stale lock.
#
# FW_CRASH_SEED=N replays a run's edits (the seed is printed as a
# diagnostic); where the kills land depends on the machine's timing.
# FW_CRASH_EDITS=N scripts N edits instead of 500.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

need sqlite3

EDITS=${FW_CRASH_EDITS:-500}
crash_seed
# Batches are confirmed by polling the screen: poll often.
TUI_POLL=0.05

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"

# state: what the project holds, in the model's words, as SQLite sees it.
state() {
	sqlite3 p.fedwiz "PRAGMA integrity_check;
		SELECT 'name ' || value FROM setting WHERE key = 'name';
		SELECT 'port ' || value FROM setting
			WHERE key = 'peer_auth_port';
		SELECT 'node ' || fqdn || ' ' || ip FROM imp_node ORDER BY id;
		SELECT 'dom ' || name || ' ' || coalesce(description, '')
			FROM ocs_domain ORDER BY id;
		SELECT 'cert ' || role || ' ' || coalesce(source, '')
			FROM certificate ORDER BY role;
		SELECT 'audit ' || count(*) FROM audit;" 2>&1
}

# gen.awk reads the model (a state) and writes one session's edits: the
# tmux keys of batch A (keys.a, one argument a line) and of batch B
# (keys.b), the state after batch A (exp.0) and after each edit j of
# batch B (exp.j). It prints "K NAME NB KILL": the last edit's number,
# the name batch A ends with, batch B's size, and when the kill comes
# (now, late, or a fraction of batch B's time). Edit k's values carry k,
# so no two edits write the same value.
cat >gen.awk <<'AWK'
function load(   i, f, n, rest) {
	for (i = 1; i <= nl; i++) {
		n = split(line[i], f, " ")
		rest = substr(line[i], length(f[1]) + 2)
		if (f[1] == "name") name = rest
		else if (f[1] == "port") port = rest
		else if (f[1] == "audit") audit = rest
		else if (f[1] == "cert") cert = f[3]
		else if (f[1] == "node") { nn++; nf[nn] = f[2]; ni[nn] = f[3] }
		else if (f[1] == "dom") {
			nd++; dn[nd] = f[2]
			dd[nd] = substr(rest, length(f[2]) + 2)
		}
	}
}
function save(file,   i) {
	print "ok" >file
	print "name " name >file
	print "port " port >file
	for (i = 1; i <= nn; i++) print "node " nf[i] " " ni[i] >file
	for (i = 1; i <= nd; i++) print "dom " dn[i] " " dd[i] >file
	if (cert != "") print "cert ocs_ca " cert >file
	print "audit " audit >file
	close(file)
}
function out(s) { print s >keys }
# The rows this test added (its names end in .crash.test): a random one.
function added(names, n,   i, c) {
	c = 0
	for (i = 1; i <= n; i++) if (names[i] ~ /\.crash\.test$/) pos[++c] = i
	return c
}
function pick_row(names, n,   c) {
	c = added(names, n)
	return pos[1 + int(rand() * c)]
}
function downs(r,   i) { for (i = 1; i < r; i++) out("Down") }
function pick(   kinds, w, n, i, t, r) {
	n = split("name port cert node_add node_edit node_del dom_add " \
	    "dom_edit dom_del", kinds, " ")
	w["name"] = 2; w["port"] = 1; w["cert"] = 1
	t = added(nf, nn)
	w["node_add"] = t < 6 ? 2 : 0
	w["node_edit"] = w["node_del"] = t > 0 ? 1.5 : 0
	t = added(dn, nd)
	w["dom_add"] = t < 6 ? 2 : 0
	w["dom_edit"] = w["dom_del"] = t > 0 ? 1.5 : 0
	t = 0
	for (i = 1; i <= n; i++) t += w[kinds[i]]
	r = rand() * t
	for (i = 1; i <= n; i++) {
		r -= w[kinds[i]]
		if (r < 0) return kinds[i]
	}
	return "name"
}
function edit(kind,   r, ip) {
	k++
	audit++
	ip = "203.0.113." (k % 250 + 1)
	if (kind == "name") {
		out("F2"); out("0"); out("Enter"); out("C-u")
		name = "n-" k
		out(name); out("Enter")
	} else if (kind == "port") {
		out("F2"); out("4"); out("Enter"); out("C-u")
		port = 5100 + k % 800
		out(port); out("Enter")
	} else if (kind == "cert") {
		# Step 6's first field; an empty path removes the certificate.
		out("F2"); out("6"); out("Enter"); out("C-u")
		if (cert != "" && rand() < 0.3)
			cert = ""
		else {
			cert = cert == certa ? certb : certa
			out(cert)
		}
		# The path, then the dialog's "For" (every server without its
		# own, the default) saves.
		out("Enter"); out("Enter")
	} else if (kind ~ /^node_/) {
		out("F2"); out("0"); out("Tab"); out("Tab"); out("Tab")
		if (kind == "node_add") {
			nn++; nf[nn] = "h" k ".crash.test"; ni[nn] = ip
			out("a"); out(nf[nn]); out("Enter"); out(ip); out("Enter")
			return
		}
		r = pick_row(nf, nn)
		downs(r)
		if (kind == "node_edit") {
			nf[r] = "e" k ".crash.test"; ni[r] = ip
			out("Enter"); out("C-u"); out(nf[r]); out("Enter")
			out("C-u"); out(ip); out("Enter")
			return
		}
		out("d"); out("y")
		for (; r < nn; r++) { nf[r] = nf[r + 1]; ni[r] = ni[r + 1] }
		nn--
	} else {
		out("F2"); out("1")
		if (kind == "dom_add") {
			nd++; dn[nd] = "d" k ".crash.test"; dd[nd] = "Zürich " k
			out("a"); out(dn[nd]); out("Enter"); out(dd[nd])
			out("Enter"); out("Enter")
			return
		}
		r = pick_row(dn, nd)
		downs(r)
		if (kind == "dom_edit") {
			dn[r] = "c" k ".crash.test"; dd[r] = "Genève " k
			out("Enter"); out("C-u"); out(dn[r]); out("Enter")
			out("C-u"); out(dd[r]); out("Enter"); out("Enter")
			return
		}
		out("d"); out("y")
		for (; r < nd; r++) { dn[r] = dn[r + 1]; dd[r] = dd[r + 1] }
		nd--
	}
}
{ line[++nl] = $0 }
END {
	srand(seed * 1000 + session)
	load()
	if (na == "") na = 1 + int(rand() * 5)
	if (nb == "") nb = 3 + int(rand() * 8)
	keys = "keys.a"
	printf "" >keys
	for (i = 1; i < na; i++) edit(pick())
	edit("name")
	last = name
	close(keys)
	save("exp.0")
	keys = "keys.b"
	printf "" >keys
	for (i = 1; i <= nb; i++) {
		edit(pick())
		save("exp." i)
	}
	close(keys)
	kill = session % 6 == 1 ? "now" : session % 6 == 2 ? "late" : \
	    sprintf("%.3f", rand())
	print k, last, nb, kill
}
AWK

# gen SESSION [AWK-OPTION...]: that session's plan (gen.awk) from the
# model and the last edit's number $k.
gen() {
	_s=$1
	shift
	awk -v seed="$seed" -v session="$_s" -v k="$k" \
		-v certa="$FW_TMP/ca-a.pem" -v certb="$FW_TMP/ca-b.pem" "$@" \
		-f gen.awk model >plan
}

# send FILE: its keys, one tmux argument a line, in one burst.
send() {
	tr '\n' '\0' <"$1" | xargs -0 tmux -L "$TUI_SOCK" \
		-f "$FW_TMP/tmux.conf" send-keys -t "$TUI_TARGET"
}

# now_ms: the clock in milliseconds.
now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

# The two certificates the OCS CA field alternates between.
for c in a b; do
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
		-keyout "ca-$c.key" -out "ca-$c.pem" -subj "/CN=Crash CA $c" \
		-days 30 2>/dev/null ||
		echo "Bail out! openssl cannot make a certificate"
done

state >model
name=$(sed -n 's/^name //p' model)
k=0

# start.sh: the wizard stopped before its first instruction, so that a
# kill can be timed from its start (tui_start needs a moment to learn the
# PID, more than the wizard needs to open the project).
cat >start.sh <<START
kill -STOP \$\$
exec "$FEDWIZ" --offline p.fedwiz
START

# stopped PID: waits (2 s at most) until the process is stopped.
stopped() {
	_i=0
	while [ "$_i" -lt 100 ]; do
		[ "$(cut -d ' ' -f 3 "/proc/$1/stat" 2>/dev/null)" = T ] &&
			return 0
		sleep 0.02
		_i=$((_i + 1))
	done
	return 1
}

# Session 0 measures how long the wizard takes to start and an edit takes
# here (sanitizer builds and a loaded machine are slower): 20 edits in one
# burst, then F10.
gen 0 -v na=20 -v nb=0
read -r k name _ _ <plan
tui_start 100x30 "sh start.sh"
stopped "$TUI_PID" || echo "Bail out! the wizard did not stop before it ran"
t0=$(now_ms)
kill -CONT "$TUI_PID"
tui_seen "0 · Deployment" || echo "Bail out! the wizard did not start"
boot=$(($(now_ms) - t0))
tui_settle
t0=$(now_ms)
send keys.a
t1=$(now_ms)
# Polled finely: at the default 0.1 s poll the wait itself was most of
# what was measured, so on a quick machine every kill came after the burst.
TUI_POLL=0.005 tui_seen " fedwiz · $name · " ||
	echo "Bail out! 20 edits did not land"
# (less half a poll: the screen showed the name before it was seen)
ms=$((($(now_ms) - t1 - 3) / 20))
[ "$ms" -ge 1 ] || ms=1
diag "starting takes about $boot ms, one edit about $ms ms in a burst," \
    "sending keys $((t1 - t0)) ms"
tui_keys F10
is "$(tui_exit_status)" 0 "20 edits in one burst, then F10"
state >now
is_file now exp.0 "and the project holds all 20"
cp exp.0 model
scripted=20 landed=20

# check_open SESSION: the project opens after a kill.
check_open() {
	"$FEDWIZ" show p.fedwiz >/dev/null 2>"$ERR" && return
	bad_open=$((bad_open + 1))
	[ "$bad_open" -gt 3 ] || diag "session $1: show failed: $(cat "$ERR")"
}

# Every seventh session is killed while the wizard starts (taking over the
# last session's stale lock, recovering the WAL, loading), at a random
# moment within its measured start-up time: nothing may change.
kill_at_start() {
	tui_start 100x30 "sh start.sh"
	if ! stopped "$TUI_PID"; then
		bad_start=$((bad_start + 1))
		kill -9 "$TUI_PID" 2>/dev/null
		tui_exit_status >/dev/null
		return
	fi
	delay=$(awk -v seed="$seed$session" -v t="$boot" \
	    'BEGIN { srand(seed); printf "%.4f", rand() * 1.2 * t / 1000 }')
	(sleep "$delay"; kill -9 "$TUI_PID") 2>/dev/null &
	killer=$!
	kill -CONT "$TUI_PID"
	wait "$killer" && kills=$((kills + 1))
	tui_exit_status >/dev/null
	check_open "$session"
	state >now
	if [ "$(head -n 1 now)" != ok ]; then
		bad_integrity=$((bad_integrity + 1))
	elif ! cmp -s now model; then
		bad_state=$((bad_state + 1))
		diag "session $session: killed at start, yet the file changed:" \
		    "$(diff model now)"
		cp now model
	fi
	at_start=$((at_start + 1))
}

session=0 kills=0 at_start=0 before=0 amid=0 after=0
# ms the kills meant for amid a burst are moved by (see below).
aim=0
bad_start=0 bad_confirm=0 bad_open=0 bad_integrity=0 bad_state=0
while [ "$scripted" -lt "$EDITS" ]; do
	session=$((session + 1))
	if [ $((session % 7)) -eq 3 ]; then
		kill_at_start
		continue
	fi
	gen "$session"
	read -r k last nb when <plan
	na=$(grep -c '^F2$' keys.a)
	scripted=$((scripted + na + nb))

	tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
	if ! tui_seen " fedwiz · $name · " 10; then
		bad_start=$((bad_start + 1))
		kill -9 "$TUI_PID" 2>/dev/null
		tui_exit_status >/dev/null
		continue
	fi
	t0=$(now_ms)
	send keys.a
	# Keys reach the wizard this long after a send starts.
	lag=$(($(now_ms) - t0))
	seen=0
	tui_seen " fedwiz · $last · " 10 && seen=1
	state >now
	if [ "$seen" -eq 1 ] && cmp -s now exp.0; then
		landed=$((landed + na))
	else
		bad_confirm=$((bad_confirm + 1))
		[ "$bad_confirm" -gt 3 ] ||
			diag "session $session: batch A not as confirmed;" \
			    "keys: $(tr '\n' ' ' <keys.a)" "$(diff exp.0 now)"
	fi
	name=$last

	case $when in
	now) delay=0 ;;
	late) delay=$(awk -v l="$lag" -v t="$((ms * nb))" \
	    'BEGIN { print (l + 3 * t) / 1000 }') ;;
	*) delay=$(awk -v l="$lag" -v t="$((ms * nb))" -v f="$when" \
	    -v a="$aim" 'BEGIN { d = l + a + f * t; if (d < 0) d = 0;
	    printf "%.4f", d / 1000 }') ;;
	esac
	(sleep "$delay"; kill -9 "$TUI_PID") 2>/dev/null &
	killer=$!
	send keys.b
	wait "$killer" && kills=$((kills + 1))
	tui_exit_status >/dev/null

	check_open "$session"
	state >now
	j=0
	while [ "$j" -le "$nb" ] && ! cmp -s now "exp.$j"; do
		j=$((j + 1))
	done
	if [ "$j" -gt "$nb" ]; then
		if [ "$(head -n 1 now)" != ok ]; then
			bad_integrity=$((bad_integrity + 1))
		else
			bad_state=$((bad_state + 1))
		fi
		[ $((bad_integrity + bad_state)) -gt 3 ] ||
			diag "session $session: the file is no prefix of" \
			    "batch B; against its start:" "$(diff exp.0 now)"
		# Go on from what the file holds.
		cp now model
	else
		landed=$((landed + j))
		if [ "$j" -eq 0 ]; then
			before=$((before + 1))
		elif [ "$j" -eq "$nb" ]; then
			after=$((after + 1))
		else
			amid=$((amid + 1))
		fi
		# A kill meant to land amid the burst that came before or
		# after it moves the next one by half the burst's time: when
		# the keys reach the wizard varies with the machine's load
		# by about as much as the burst takes.
		case $when in
		now | late) ;;
		*)
			[ "$j" -eq 0 ] && aim=$((aim + ms * nb / 2 + 1))
			[ "$j" -eq "$nb" ] && aim=$((aim - ms * nb / 2 - 1))
			;;
		esac
		cp "exp.$j" model
	fi
	name=$(sed -n 's/^name //p' model)
done

diag "$session sessions killed with SIGKILL: $at_start while starting;" \
    "of the others, before the second batch's first save in $before, amid" \
    "the batch in $amid, after its last save in $after; $scripted edits" \
    "scripted, $landed landed"
is "$bad_start" 0 "the wizard starts after each of the $session kills (stale lock taken over)"
is "$kills" "$session" "every session was killed with SIGKILL"
is "$bad_confirm" 0 "every edit the screen confirmed is in the file"
is "$bad_integrity" 0 "integrity_check is ok after each kill"
is "$bad_state" 0 "after each kill the file holds the confirmed edits and a whole prefix of the rest: at most the edit in flight is lost, never half of it"
is "$bad_open" 0 "the project opens after each kill"
# A burst whose edits take under 3 ms each is over sooner than sleep(1)
# and kill(1) can aim inside it: there, landing amid the saves is luck, and
# the import storm (cli_crash_edits.sh) kills inside writes instead.
if [ "$ms" -ge 3 ]; then
	ok "the kills landed while starting, before, amid and after the saves" \
		test "$at_start" -gt 0 -a "$before" -gt 0 -a "$amid" -gt 0 -a \
		"$after" -gt 0
else
	diag "edits take about $ms ms here: kills cannot be aimed amid a burst"
	ok "the kills landed while starting, before and after the saves" \
		test "$at_start" -gt 0 -a "$before" -gt 0 -a "$after" -gt 0
fi

# The project is still fully usable: one more edit through the wizard.
gen $((session + 1)) -v na=1 -v nb=0
read -r k last _ _ <plan
tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_seen " fedwiz · $name · " || echo "Bail out! the wizard did not start"
send keys.a
tui_seen " fedwiz · $last · "
tui_keys F10
is "$(tui_exit_status)" 0 "a session after the kills ends normally"
state >now
is_file now exp.0 "and its edit is saved"
ok "no lock file is left behind" test ! -e p.fedwiz.lock

done_testing
