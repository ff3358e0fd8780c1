#!/bin/sh
# The HTML checklist printed to PDF by headless Chromium (as an admin's
# browser would print it): one server per page, every page numbered, and
# the admin's text intact. ./build.sh installs chromium and poppler-utils.
. "${top_srcdir:-.}/tests/lib.sh"

for tool in chromium pdfinfo pdftotext; do
	command -v "$tool" >/dev/null 2>&1 ||
		echo "Bail out! $tool missing: run ./build.sh check, which installs it"
done

SOURCE_DATE_EPOCH=1764000000
export SOURCE_DATE_EPOCH

# pdf NAME: NAME.html printed to NAME.pdf (local file, nothing fetched).
pdf() {
	timeout 180 chromium --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$FW_TMP/chromium-$1" --no-pdf-header-footer \
	    --print-to-pdf="$FW_TMP/$1.pdf" "file://$FW_TMP/$1.html" \
	    >"$1.chromium.log" 2>&1
}

pages() {
	pdfinfo "$1" | sed -n 's/^Pages: *//p'
}

for dep in tcp-standard tls-enterprise; do
	"$FEDWIZ" init "$dep.fedwiz" --answers "$top_srcdir/tests/fixtures/$dep.answers"
	"$FEDWIZ" checklist "$dep.fedwiz" --format html -o "$dep.html"
	ok "$dep: Chromium prints the HTML to PDF" pdf "$dep"
	pdftotext -layout "$dep.pdf" "$dep.pdf.txt"
done

# Page counts measured with Chromium 156 on Letter paper. TCP /
# Standard: publisher (two pages with the header), node, one OCS server,
# Verify (two, with the incoming ACL and the IM and presence test).
is "$(pages tcp-standard.pdf)" 6 "TCP / Standard: 6 pages"
# TLS / Enterprise: 3 IM&P nodes, 2 pools and 4 front ends on their own
# pages; the publisher takes 3, each pool 2.
is "$(pages tls-enterprise.pdf)" 17 "TLS / Enterprise: 17 pages (Verify 3)"
n=$(pages tls-enterprise.pdf)
is "$(grep -c "Page [0-9]* / $n" tls-enterprise.pdf.txt)" "$n" \
	"every page is numbered 'Page N / $n'"
is "$(grep -c '^ *OCS front end server fe' tls-enterprise.pdf.txt)" 4 \
	"each front end has its header"
ok "the admin's description survives escaping" \
	grep -q 'R&D <pilot> "east" wing' tls-enterprise.pdf.txt
ok "the running header names the project" \
	grep -q 'fedwiz checklist: Northwind <TLS> federation & "pilot"' tls-enterprise.pdf.txt

# A page break comes before each server's header: no page holds two.
awk -v RS='\f' '{ n = gsub(/(IM and Presence (publisher|node)|OCS (Enterprise Edition pool|front end server)) [a-z0-9]/, "&"); if (n > 1) bad++ }
    END { exit bad > 0 }' tls-enterprise.pdf.txt
is "$?" 0 "no page holds two servers"

# Ticked items print checked.
"$FEDWIZ" tick tcp-standard.fedwiz imp.listener
"$FEDWIZ" checklist tcp-standard.fedwiz --format html -o ticked.html
ok "a ticked item is a checked box" \
	grep -q '<input type="checkbox" disabled checked> Check the SIP Proxy listener ports' ticked.html

done_testing
