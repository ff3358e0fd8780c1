#include "config.h"

#include "fw_peer_cert.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/pem.h>

#include "fw_cert_check.h"
#include "fw_i18n.h"
#include "fw_rules.h"

/* Longest line of the report kept: a peer's certificate may carry names
 * of any length and number. */
#define LINE_MAX_BYTES 1000

size_t
fw_peer_cert_from_der(const struct fw_hello_reply *reply, X509 **out)
{
	const unsigned char *p;
	size_t i, n = 0;

	for (i = 0; i < reply->n_certs; i++) {
		p = reply->certs[i];
		if (reply->cert_lens[i] > (size_t)LONG_MAX ||
		    (out[n] = d2i_X509(NULL, &p, (long)reply->cert_lens[i])) ==
		    NULL)
			break;
		n++;
	}
	return n;
}

/* The chain as PEM text, the form the certificate rules read (free()). */
static char *
chain_pem(X509 *const *chain, size_t n)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *mem, *pem;
	size_t i;
	long len;

	if (b == NULL)
		return xstrdup("");
	for (i = 0; i < n; i++)
		PEM_write_bio_X509(b, chain[i]);
	len = BIO_get_mem_data(b, &mem);
	pem = xstrndup(mem, len > 0 ? (size_t)len : 0);
	BIO_free(b);
	return pem;
}

/* Appends text to report line by line, each made safe to show and to
 * store: the names in it are the peer's, and a certificate's strings may
 * hold control characters (fw_printable() escapes them) or any length. */
static void
add_clean(struct fw_strbuf *report, const char *text)
{
	const char *nl;
	char *line, *clean;

	while (*text != '\0') {
		nl = strchr(text, '\n');
		line = nl != NULL ? xstrndup(text, (size_t)(nl - text)) :
		    xstrdup(text);
		clean = fw_printable(line, LINE_MAX_BYTES);
		fw_sb_printf(report, "%s\n", clean);
		free(clean);
		free(line);
		text = nl != NULL ? nl + 1 : "";
	}
}

size_t
fw_peer_cert_judge(X509 *const *chain, size_t n, const char *host,
    const char *ca_pem, time_t now, struct fw_strbuf *report)
{
	struct fw_findings found = { NULL, 0 };
	struct fw_cert_expect want;
	struct fw_cert_info ci;
	struct fw_strbuf sb;
	char *pem, *why = NULL;
	size_t i, errors;

	if (n == 0) {
		fw_sb_printf(report, "%s\n", _("no certificate presented"));
		return 1;
	}
	fw_sb_init(&sb);
	pem = chain_pem(chain, n);
	if (fw_cert_inspect(pem, &ci, &why) == 0) {
		fw_sb_printf(&sb, _("certificate %s, issued by %s, valid "
		    "until %s; %zu in the chain\n"), ci.subject, ci.issuer,
		    ci.not_after_text, n);
		fw_cert_info_clear(&ci);
	}
	free(why);
	memset(&want, 0, sizeof want);
	want.label = _("the presented certificate");
	want.hosts = &host;
	want.n_hosts = host != NULL ? 1 : 0;
	want.ca_pem = ca_pem;
	want.now = now;
	errors = fw_cert_judge(pem, &want, &found);
	for (i = 0; i < found.n; i++)
		fw_sb_printf(&sb, "%s: %s\n",
		    fw_severity_name(found.items[i].severity),
		    found.items[i].message);
	add_clean(report, sb.buf);
	free(sb.buf);
	if (ca_pem == NULL)
		fw_sb_printf(report, "%s\n", _("chain not checked: the project "
		    "holds no CA certificate for this side"));
	else if (errors == 0)
		fw_sb_printf(report, "%s\n", _("chains to the project's CA"));
	fw_findings_free(&found);
	free(pem);
	return errors;
}
