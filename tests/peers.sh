# tests/peers.sh: real TLS and SIP peers on loopback for the probe tests.
# Source after tests/lib.sh. Every peer is started here, recorded by PID and
# ended by that PID when the test exits; nothing listens past the test.
#
#	need gnutls-serv openssl
#	sh "$top_srcdir/tests/certs.sh" certs   the test certificates
#	free_port VAR              a free TCP port into VAR
#	start_peer NAME PORT CMD... run CMD in the background as peer NAME
#	make_project FILE TRANSPORT PORT [PEER_AUTH_PORT]
#	start_script_peer NAME PORT MODE  a scripted peer: hostile answers,
#	                           a reset

# The report wraps at $COLUMNS when set; the tests read it unwrapped.
unset COLUMNS

_peer_pids=
trap 'stop_peers; cd / && rm -rf "$FW_TMP"' EXIT

stop_peers() {
	for _p in $_peer_pids; do
		kill "$_p" 2>/dev/null
	done
	for _p in $_peer_pids; do
		wait "$_p" 2>/dev/null
	done
	_peer_pids=
}

# need TOOL...: the tools ./build.sh installs; missing ones are a failure,
# never a skip.
need() {
	for _t in "$@"; do
		command -v "$_t" >/dev/null 2>&1 || {
			echo "Bail out! $_t not found: run ./build.sh check, which installs it"
			exit 1
		}
	done
}

# listening PORT: true when something listens on 127.0.0.1:PORT (TCP),
# read from /proc so that no connection disturbs the peer.
listening() {
	_hex=$(printf '%04X' "$1")
	grep -q "^ *[0-9]*: [0-9A-F]*:$_hex [0-9A-F]*:0000 0A" /proc/net/tcp \
	    /proc/net/tcp6 2>/dev/null
}

# free_port VAR: a TCP port nobody listens on into VAR, from a range
# picked by PID so that concurrent test runs rarely meet; never the same
# twice in one test (not in a subshell, so the counter moves on).
_next_port=$((20000 + ($$ * 13) % 30000))
free_port() {
	while listening "$_next_port"; do
		_next_port=$((_next_port + 1))
	done
	eval "$1=$_next_port"
	_next_port=$((_next_port + 3))
}

# start_peer NAME PORT CMD...: starts CMD (output in NAME.log) and waits
# until it listens on PORT.
start_peer() {
	_name=$1 _port=$2
	shift 2
	"$@" </dev/null >"$_name.log" 2>&1 &
	_peer_pids="$_peer_pids $!"
	eval "pid_$_name=$!"
	_i=0
	while ! listening "$_port"; do
		_i=$((_i + 1))
		if [ "$_i" -gt 100 ]; then
			echo "Bail out! $_name did not listen on $_port"
			sed 's/^/# /' "$_name.log"
			exit 1
		fi
		sleep 0.1
	done
}

# make_project FILE TRANSPORT PORT [PEER_AUTH_PORT]: a project whose OCS
# server fe1.ocs.test (the name in tests/certs.sh) is 127.0.0.1, with
# next_hop_port PORT and $PROJECT_CA (default certs/ca.pem, empty for none)
# as the OCS CA; with PEER_AUTH_PORT also an IM&P node cup1.example.com on
# 127.0.0.1.
make_project() {
	{
		printf '[deployment]\nname = probe test\ntransport = %s\n' "$2"
		printf 'next_hop_port = %s\n' "$3"
		[ -n "${4:-}" ] && printf 'peer_auth_port = %s\n' "$4"
		printf '[imp_domain]\nname = cup.example.com\n'
		[ -n "${4:-}" ] &&
		    printf '[imp_node]\nfqdn = cup1.example.com\nip = 127.0.0.1\n'
		printf '[ocs_domain]\nname = ocs.example.com\n'
		printf '[ocs_server]\nfqdn = fe1.ocs.test\nip = 127.0.0.1\n'
		printf 'domain = ocs.example.com\n'
		[ -n "${PROJECT_CA-certs/ca.pem}" ] &&
		    printf '[certificates]\nocs_ca = %s\n' "${PROJECT_CA-certs/ca.pem}"
	} >"$1.answers"
	"$FEDWIZ" init "$1" --answers "$1.answers" || {
		echo "Bail out! cannot create project $1"
		exit 1
	}
}

# start_script_peer NAME PORT MODE: a TCP peer (python3) that reads each
# request and does what MODE says:
#   reason  answers "SIP/2.0 200 \0" and 199 B: a NUL starting the reason
#   server  answers 200 OK with "Server: \0" and 300 C
#   trying  answers "SIP/2.0 100 Trying" 10,000 times, never a final one
#   reset   resets the connection (SO_LINGER 0, then close sends RST)
start_script_peer() {
	start_peer "$1" "$2" python3 -c 'import socket, struct, sys
answers = {
    "reason": b"SIP/2.0 200 \0" + b"B" * 199 + b"\r\n\r\n",
    "server": b"SIP/2.0 200 OK\r\nServer: \0" + b"C" * 300 + b"\r\n\r\n",
    "trying": b"SIP/2.0 100 Trying\r\n\r\n" * 10000,
}
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(5)
while True:
    c, _ = s.accept()
    try:
        c.recv(4096)
        if sys.argv[2] == "reset":
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                         struct.pack("ii", 1, 0))
        else:
            c.sendall(answers[sys.argv[2]])
    except OSError:
        pass  # fedwiz hung up first, as it should on "trying"
    c.close()' "$2" "$3"
}
