#include "config.h"

#include "fw_render.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fw_i18n.h"
#include "fw_util.h"

static const struct {
	const char *name;
	enum fw_render_format format;
	void (*render)(const struct fw_checklist *,
	    const struct fw_render_info *, struct fw_render_out *);
} formats[] = {
	{ "text", FW_RENDER_TEXT, fw_render_text },
	{ "markdown", FW_RENDER_MARKDOWN, fw_render_markdown },
	{ "html", FW_RENDER_HTML, fw_render_html },
};

#define N_FORMATS (sizeof formats / sizeof formats[0])

int
fw_render_format_parse(const char *s, enum fw_render_format *out)
{
	size_t i;

	for (i = 0; i < N_FORMATS; i++) {
		if (strcmp(formats[i].name, s) == 0) {
			*out = formats[i].format;
			return 0;
		}
	}
	return -1;
}

/* Written out once this much has been put together: large enough that
 * the writes cost nothing next to the rendering, small enough to stay in
 * the cache. */
#define RENDER_CHUNK (64 * 1024)

static void
render(enum fw_render_format f, const struct fw_checklist *cl,
    const struct fw_render_info *info, struct fw_render_out *ro)
{
	size_t i;

	for (i = 0; i < N_FORMATS; i++) {
		if (formats[i].format == f) {
			formats[i].render(cl, info, ro);
			return;
		}
	}
	fw_render_text(cl, info, ro);
}

char *
fw_render(enum fw_render_format f, const struct fw_checklist *cl,
    const struct fw_render_info *info)
{
	struct fw_render_out ro;

	fw_sb_init(&ro.sb);
	ro.out = NULL;
	render(f, cl, info, &ro);
	return fw_sb_steal(&ro.sb);
}

void
fw_render_write(enum fw_render_format f, const struct fw_checklist *cl,
    const struct fw_render_info *info, struct fw_out *out)
{
	struct fw_render_out ro;

	fw_sb_init(&ro.sb);
	/* An item rarely takes more than a few KiB: one buffer for all. */
	fw_sb_reserve(&ro.sb, 2 * RENDER_CHUNK);
	ro.out = out;
	render(f, cl, info, &ro);
	fw_out_write(out, ro.sb.buf, ro.sb.len);
	free(ro.sb.buf);
}

void
fw_render_drain(struct fw_render_out *ro)
{
	if (ro->out == NULL || ro->sb.len < RENDER_CHUNK)
		return;
	fw_out_write(ro->out, ro->sb.buf, ro->sb.len);
	ro->sb.len = 0;
	ro->sb.buf[0] = '\0';
}

/* https://reproducible-builds.org/specs/source-date-epoch/ */
static int
render_time(time_t *out, char **cause)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (sde == NULL || sde[0] == '\0') {
		*out = time(NULL);
		return 0;
	}
	errno = 0;
	v = strtoll(sde, &end, 10);
	if (errno != 0 || *end != '\0' || end == sde || v < 0 ||
	    (long long)(time_t)v != v)
		return fw_fail(cause, _("SOURCE_DATE_EPOCH: '%s' is not a "
		    "count of seconds since 1970"), sde);
	*out = (time_t)v;
	return 0;
}

/* "TLS, Enterprise Edition: Lync Server 2013, ..." for a deployment with
 * Lync or Skype for Business: the products its domains run. */
static void
setup_servers(struct fw_render_info *info, const struct fw_deployment *d)
{
	char *products = fw_deployment_products(d);

	snprintf(info->setup, sizeof info->setup, "%s, %s: %s",
	    d->transport == FW_TRANSPORT_TLS ? "TLS" : "TCP",
	    d->edition == FW_EDITION_ENTERPRISE ? _("Enterprise Edition") :
	    _("Standard Edition"), products);
	free(products);
}

int
fw_render_info_init(struct fw_render_info *info,
    const struct fw_deployment *d, const char *file, char **cause)
{
	struct tm tm;
	time_t t;

	memset(info, 0, sizeof *info);
	if (render_time(&t, cause) != 0)
		return -1;
	if (gmtime_r(&t, &tm) == NULL)
		return fw_fail(cause, _("SOURCE_DATE_EPOCH: out of range"));
	strftime(info->date, sizeof info->date, "%Y-%m-%d %H:%M UTC", &tm);
	info->project = d->name;
	info->file = file;
	info->version = PACKAGE_VERSION;
	if (!fw_deployment_has_lync(d)) {
		snprintf(info->setup, sizeof info->setup, "%s, %s",
		    d->transport == FW_TRANSPORT_TLS ? "TLS" : "TCP",
		    d->edition == FW_EDITION_ENTERPRISE ?
		    _("OCS Enterprise Edition") : _("OCS Standard Edition"));
		return 0;
	}
	setup_servers(info, d);
	return 0;
}

const char *
fw_render_box(enum fw_item_state st)
{
	switch (st) {
	case FW_ITEM_OPEN:
		return "[ ]";
	case FW_ITEM_DONE:
		return "[x]";
	case FW_ITEM_CHANGED:
		return "[~]";
	}
	return "[ ]";
}

const char *
fw_render_title(const struct fw_checklist *cl, int upper)
{
	if (cl->lync)
		return upper ? _("COMPLETION CHECKLIST: IM AND PRESENCE - "
		    "MICROSOFT LYNC / SKYPE FOR BUSINESS FEDERATION") :
		    _("Completion checklist: IM and Presence - Microsoft Lync / "
		    "Skype for Business federation");
	return upper ? _("COMPLETION CHECKLIST: IM AND PRESENCE - MICROSOFT "
	    "OCS FEDERATION") : _("Completion checklist: IM and Presence - "
	    "Microsoft OCS federation");
}

const char *
fw_render_ms_signoff(const struct fw_checklist *cl)
{
	return cl->lync ? _("Microsoft server administrator:") :
	    _("OCS administrator:");
}

size_t
fw_render_rows(const struct fw_checklist *cl,
    const struct fw_render_info *info, struct fw_render_row *rows)
{
	size_t n = 0;

	rows[n].label = _("Project");
	rows[n++].value = xstrdup(info->project != NULL ? info->project :
	    _("(no name)"));
	rows[n].label = _("File");
	rows[n++].value = xstrdup(info->file);
	rows[n].label = _("Date");
	rows[n++].value = xstrdup(info->date);
	rows[n].label = _("Setup");
	rows[n++].value = xstrdup(info->setup);
	rows[n].label = "fedwiz";
	rows[n++].value = xstrdup(info->version);
	rows[n].label = _("Progress");
	rows[n++].value = xasprintf(_("%zu of %zu done"), cl->n_done,
	    cl->n_items);
	if (info->todo) {
		rows[n].label = _("Shown");
		rows[n++].value = xstrdup(_("only the items still to do"));
	}
	if (cl->n_changed > 0) {
		rows[n].label = "";
		rows[n++].value = xasprintf(_("%zu changed since done: do "
		    "them again"), cl->n_changed);
	}
	return n;
}

void
fw_render_rows_free(struct fw_render_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(rows[i].value);
}

size_t
fw_render_group_done(const struct fw_check_group *g)
{
	size_t i, done = 0;

	for (i = 0; i < g->n_items; i++)
		done += g->items[i].state == FW_ITEM_DONE;
	return done;
}

char *
fw_render_ticked(const struct fw_check_item *it)
{
	if (it->ticked_by == NULL || it->ticked_at == NULL)
		return NULL;
	return xasprintf(_("Ticked by %s, %s UTC"), it->ticked_by,
	    it->ticked_at);
}
