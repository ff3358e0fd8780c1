/*
 * Checklist benchmark: generation (fw_checklist_build, then the text or
 * HTML renderer writing to /dev/null as `fedwiz checklist -o` writes, so
 * that the disk is left out) for a synthetic deployment of 200 IM&P
 * nodes, 20 IM&P domains, 50 OCS domains and 200 OCS servers in 50 pools,
 * and for four times each. Median of RUNS (of 3 at 4x). Prints "key
 * value" lines for bench/run.sh.
 *
 *	bench_checklist [RUNS]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "fw_checklist.h"
#include "fw_model.h"
#include "fw_out.h"
#include "fw_render.h"
#include "fw_util.h"

/* The deployment at scale k (1 = the size). */
static struct fw_deployment *
deployment(int k)
{
	struct fw_deployment *d = fw_deployment_new();
	char a[64], b[64], c[64], e[64];
	int i;

	d->transport = FW_TRANSPORT_TLS;
	d->edition = FW_EDITION_ENTERPRISE;
	d->name = xstrdup("bench");
	for (i = 0; i < 200 * k; i++) {
		snprintf(a, sizeof a, "cup%d.example.com", i);
		snprintf(b, sizeof b, "10.%d.%d.%d", i / 65536, i / 256 % 256,
		    i % 256);
		fw_add_imp_node(d, a, b);
	}
	for (i = 0; i < 20 * k; i++) {
		snprintf(a, sizeof a, "d%d.example.com", i);
		snprintf(b, sizeof b, "cup%d.example.com", i * 10);
		fw_add_imp_domain(d, a, b);
	}
	for (i = 0; i < 50 * k; i++) {
		snprintf(a, sizeof a, "o%d.ocs.test", i);
		fw_add_ocs_domain(d, a, NULL);
		snprintf(a, sizeof a, "pool%d.ocs.test", i);
		fw_add_ocs_pool(d, a);
	}
	for (i = 0; i < 200 * k; i++) {
		snprintf(a, sizeof a, "fe%d.ocs.test", i);
		snprintf(b, sizeof b, "172.16.%d.%d", i / 256, i % 256);
		snprintf(c, sizeof c, "o%d.ocs.test", i % (50 * k));
		snprintf(e, sizeof e, "pool%d.ocs.test", i % (50 * k));
		fw_add_ocs_server(d, a, b, c, e, i < 50 * k ? FW_ROUTE_PRIMARY :
		    FW_ROUTE_BACKUP);
	}
	return d;
}

/* Median ms of RUNS generations in format f; *bytes the document's size. */
static double
time_format(const struct fw_deployment *d, enum fw_render_format f, int runs,
    size_t *bytes)
{
	struct fw_render_info info;
	struct fw_checklist *cl;
	double *t = xcalloc((size_t)runs, sizeof *t), t0, med;
	struct fw_out *out;
	char *doc, *cause = NULL;
	int i;

	setenv("SOURCE_DATE_EPOCH", "0", 1);
	if (fw_render_info_init(&info, d, "bench.fedwiz", &cause) != 0) {
		fprintf(stderr, "bench_checklist: %s\n", cause);
		exit(2);
	}
	for (i = 0; i < runs; i++) {
		t0 = bench_now_ms();
		cl = fw_checklist_build(d);
		if (fw_out_open("/dev/null", 0600, NULL, &out, &cause) != 0) {
			fprintf(stderr, "bench_checklist: %s\n", cause);
			exit(2);
		}
		fw_render_write(f, cl, &info, out);
		if (fw_out_close(out, &cause) != 0) {
			fprintf(stderr, "bench_checklist: %s\n", cause);
			exit(2);
		}
		t[i] = bench_now_ms() - t0;
		fw_checklist_free(cl);
	}
	/* The size, from the same document kept whole. */
	cl = fw_checklist_build(d);
	doc = fw_render(f, cl, &info);
	*bytes = strlen(doc);
	free(doc);
	fw_checklist_free(cl);
	med = bench_median(t, (size_t)runs);
	free(t);
	return med;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		enum fw_render_format f;
	} formats[] = {
		{ "text", FW_RENDER_TEXT },
		{ "html", FW_RENDER_HTML },
	};
	struct fw_deployment *d;
	int runs = argc > 1 ? atoi(argv[1]) : 7, k;
	size_t i, bytes = 0;
	double ms;

	if (runs < 1)
		runs = 1;
	for (k = 1; k <= 4; k += 3) {
		d = deployment(k);
		for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
			/* The 4x document is some 15 times larger: 3 runs. */
			ms = time_format(d, formats[i].f, k == 1 || runs < 3 ?
			    runs : 3, &bytes);
			printf("checklist_%s_%dx_ms %.2f\n", formats[i].name, k,
			    ms);
			printf("checklist_%s_%dx_bytes %zu\n", formats[i].name,
			    k, bytes);
		}
		fw_deployment_free(d);
	}
	return 0;
}
