#include "config.h"

#include "fw_readback.h"

#include <json-c/json.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_util.h"

/*
 * Each structure of fw_readback.h is read by one table of its properties:
 * the table says the JSON name, the type required and where the value
 * goes, so reading and freeing cannot drift apart.
 */

enum rb_type {
	RB_STRING,
	RB_DER,		/* a string up to FW_READBACK_MAX_DER */
	RB_INT,
	RB_BOOL,
	RB_STRINGS,
};

struct rb_field {
	const char *key;
	enum rb_type type;
	size_t offset;
};

#define F(st, key, type, member) { key, type, offsetof(struct st, member) }

static const struct rb_field route_fields[] = {
	F(fw_rb_route, "Scope", RB_STRING, scope),
	F(fw_rb_route, "MatchUri", RB_STRING, match_uri),
	F(fw_rb_route, "TransportType", RB_STRING, transport),
	F(fw_rb_route, "Destination", RB_STRING, destination),
	F(fw_rb_route, "Port", RB_INT, port),
	F(fw_rb_route, "Enabled", RB_BOOL, enabled),
	F(fw_rb_route, "MatchOnlyPhoneUri", RB_BOOL, phone_only),
	F(fw_rb_route, "ReplaceHostInRequestUri", RB_BOOL, replace_host),
};

static const struct rb_field pool_fields[] = {
	F(fw_rb_pool, "Identity", RB_STRING, identity),
	F(fw_rb_pool, "Registrar", RB_STRING, registrar),
	F(fw_rb_pool, "Site", RB_STRING, site),
	F(fw_rb_pool, "TreatAsAuthenticated", RB_BOOL, treat_auth),
	F(fw_rb_pool, "ThrottleAsServer", RB_BOOL, throttle),
	F(fw_rb_pool, "OutboundOnly", RB_BOOL, outbound_only),
	F(fw_rb_pool, "RequiresReplication", RB_BOOL, replication),
	F(fw_rb_pool, "Computers", RB_STRINGS, computers),
};

static const struct rb_field computer_fields[] = {
	F(fw_rb_computer, "Identity", RB_STRING, identity),
	F(fw_rb_computer, "Pool", RB_STRING, pool),
	F(fw_rb_computer, "Fqdn", RB_STRING, fqdn),
};

static const struct rb_field app_fields[] = {
	F(fw_rb_app, "Identity", RB_STRING, identity),
	F(fw_rb_app, "ApplicationId", RB_STRING, app_id),
	F(fw_rb_app, "TrustedApplicationPoolFqdn", RB_STRING, pool),
	F(fw_rb_app, "Port", RB_INT, port),
};

static const struct rb_field cert_fields[] = {
	F(fw_rb_cert, "Use", RB_STRING, use),
	F(fw_rb_cert, "Thumbprint", RB_STRING, thumbprint),
	F(fw_rb_cert, "Subject", RB_STRING, subject),
	F(fw_rb_cert, "AlternativeNames", RB_STRINGS, sans),
	F(fw_rb_cert, "EnhancedKeyUsage", RB_STRINGS, ekus),
	F(fw_rb_cert, "NotAfter", RB_STRING, not_after),
	F(fw_rb_cert, "Der", RB_DER, der),
};

/* After Format and Version, which say whether the rest can be read. */
static const struct rb_field top_fields[] = {
	F(fw_readback, "Target", RB_STRING, target),
	F(fw_readback, "TargetSite", RB_STRING, target_site),
	F(fw_readback, "Computer", RB_STRING, computer),
	F(fw_readback, "ComputerFqdn", RB_STRING, computer_fqdn),
	F(fw_readback, "Written", RB_STRING, written),
	F(fw_readback, "RoutingScopes", RB_STRINGS, scopes),
};

#define N(a) (sizeof (a) / sizeof (a)[0])

struct rb_list {
	const char *key;
	const struct rb_field *fields;
	size_t n_fields;
	size_t size;		/* of one entry */
	size_t items;		/* offsets in struct fw_readback */
	size_t count;
};

#define L(key, st, fields, member) { key, fields, N(fields), \
	sizeof (struct st), offsetof(struct fw_readback, member), \
	offsetof(struct fw_readback, n_ ## member) }

static const struct rb_list lists[] = {
	L("StaticRoutes", fw_rb_route, route_fields, routes),
	L("TrustedApplicationPools", fw_rb_pool, pool_fields, pools),
	L("TrustedApplicationComputers", fw_rb_computer, computer_fields,
	    computers),
	L("TrustedApplications", fw_rb_app, app_fields, apps),
	L("Certificates", fw_rb_cert, cert_fields, certs),
};

struct rb_ctx {
	const char *file;
	char **cause;
};

static const char *
type_word(json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_null:
		return _("null");
	case json_type_boolean:
		return _("true or false");
	case json_type_double:
		return _("a fraction");
	case json_type_int:
		return _("a number");
	case json_type_object:
		return _("an object");
	case json_type_array:
		return _("a list");
	case json_type_string:
		return _("a string");
	}
	return "?";
}

static const char *
wanted_word(enum rb_type t)
{
	switch (t) {
	case RB_STRING:
	case RB_DER:
		return _("a string");
	case RB_INT:
		return _("a whole number");
	case RB_BOOL:
		return _("true or false");
	case RB_STRINGS:
		return _("a list of strings");
	}
	return "?";
}

static int
wrong_type(struct rb_ctx *c, const char *path, enum rb_type want,
    json_object *v)
{
	return fw_fail(c->cause, _("%s: %s: %s expected, %s found"), c->file,
	    path, wanted_word(want), type_word(v));
}

/* A JSON string as C text: json-c decodes \u0000 and lone surrogates
 * into the value, so NULs and UTF-8 are checked again here. */
static int
take_string(struct rb_ctx *c, const char *path, json_object *v, size_t max,
    char **out)
{
	const char *s;
	int len;

	if (!json_object_is_type(v, json_type_string))
		return wrong_type(c, path, RB_STRING, v);
	s = json_object_get_string(v);
	len = json_object_get_string_len(v);
	if (len < 0 || (size_t)len > max)
		return fw_fail(c->cause, _("%s: %s: longer than %zu bytes"),
		    c->file, path, max);
	if (memchr(s, '\0', (size_t)len) != NULL)
		return fw_fail(c->cause, _("%s: %s: holds a NUL character"),
		    c->file, path);
	if (!fw_utf8_valid(s, (size_t)len))
		return fw_fail(c->cause, _("%s: %s: not valid UTF-8"),
		    c->file, path);
	*out = xstrndup(s, (size_t)len);
	return 0;
}

static int
take_strings(struct rb_ctx *c, const char *path, json_object *v,
    struct fw_rb_strv *out)
{
	size_t i, n;
	char *sub;
	int rc = 0;

	if (!json_object_is_type(v, json_type_array))
		return wrong_type(c, path, RB_STRINGS, v);
	n = json_object_array_length(v);
	if (n > FW_READBACK_MAX_ENTRIES)
		return fw_fail(c->cause, _("%s: %s: more than %d entries"),
		    c->file, path, FW_READBACK_MAX_ENTRIES);
	out->v = xcalloc(n + 1, sizeof *out->v);
	for (i = 0; i < n && rc == 0; i++) {
		sub = xasprintf("%s[%zu]", path, i);
		rc = take_string(c, sub, json_object_array_get_idx(v, i),
		    FW_READBACK_MAX_STRING, &out->v[i]);
		free(sub);
		if (rc == 0)
			out->n++;
	}
	return rc;
}

static int
take_field(struct rb_ctx *c, const char *path, json_object *v,
    const struct rb_field *f, char *base)
{
	void *at = base + f->offset;
	int64_t n;

	switch (f->type) {
	case RB_STRING:
		return take_string(c, path, v, FW_READBACK_MAX_STRING, at);
	case RB_DER:
		return take_string(c, path, v, FW_READBACK_MAX_DER, at);
	case RB_STRINGS:
		return take_strings(c, path, v, at);
	case RB_BOOL:
		if (!json_object_is_type(v, json_type_boolean))
			return wrong_type(c, path, f->type, v);
		*(int *)at = json_object_get_boolean(v) ? 1 : 0;
		return 0;
	case RB_INT:
		if (!json_object_is_type(v, json_type_int))
			return wrong_type(c, path, f->type, v);
		n = json_object_get_int64(v);
		if (n < 0 || n > 65535)
			return fw_fail(c->cause, _("%s: %s: %lld is no port "
			    "(0 to 65535)"), c->file, path, (long long)n);
		*(long long *)at = n;
		return 0;
	}
	return -1;
}

/* Reads the properties of table from obj into base; prefix names obj
 * ("StaticRoutes[2]", "" for the top). */
static int
take_object(struct rb_ctx *c, const char *prefix, json_object *obj,
    const struct rb_field *fields, size_t n, char *base)
{
	json_object *v;
	char *path;
	size_t i;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		path = prefix[0] != '\0' ? xasprintf("%s.%s", prefix,
		    fields[i].key) : xstrdup(fields[i].key);
		if (!json_object_object_get_ex(obj, fields[i].key, &v))
			rc = fw_fail(c->cause, _("%s: %s: missing"), c->file,
			    path);
		else
			rc = take_field(c, path, v, &fields[i], base);
		free(path);
	}
	return rc;
}

static int
take_list(struct rb_ctx *c, json_object *top, const struct rb_list *l,
    struct fw_readback *rb)
{
	char **items = (char **)((char *)rb + l->items);
	size_t *count = (size_t *)((char *)rb + l->count);
	json_object *arr, *e;
	size_t i, n;
	char *path;
	int rc = 0;

	if (!json_object_object_get_ex(top, l->key, &arr))
		return fw_fail(c->cause, _("%s: %s: missing"), c->file, l->key);
	if (!json_object_is_type(arr, json_type_array))
		return fw_fail(c->cause, _("%s: %s: a list expected, %s found"),
		    c->file, l->key, type_word(arr));
	n = json_object_array_length(arr);
	if (n > FW_READBACK_MAX_ENTRIES)
		return fw_fail(c->cause, _("%s: %s: more than %d entries"),
		    c->file, l->key, FW_READBACK_MAX_ENTRIES);
	*items = xcalloc(n + 1, l->size);
	for (i = 0; i < n && rc == 0; i++) {
		path = xasprintf("%s[%zu]", l->key, i);
		e = json_object_array_get_idx(arr, i);
		if (!json_object_is_type(e, json_type_object))
			rc = fw_fail(c->cause, _("%s: %s: an object expected, "
			    "%s found"), c->file, path, type_word(e));
		else
			rc = take_object(c, path, e, l->fields, l->n_fields,
			    *items + i * l->size);
		free(path);
		/* Counted even when half read, so that the free below
		 * reaches what was taken. */
		(*count)++;
	}
	return rc;
}

static void
free_fields(const struct rb_field *fields, size_t n, char *base)
{
	struct fw_rb_strv *sv;
	size_t i, j;

	for (i = 0; i < n; i++) {
		switch (fields[i].type) {
		case RB_STRING:
		case RB_DER:
			free(*(char **)(base + fields[i].offset));
			break;
		case RB_STRINGS:
			sv = (struct fw_rb_strv *)(base + fields[i].offset);
			for (j = 0; j < sv->n; j++)
				free(sv->v[j]);
			free(sv->v);
			break;
		case RB_INT:
		case RB_BOOL:
			break;
		}
	}
}

void
fw_readback_free(struct fw_readback *rb)
{
	char *items;
	size_t i, j, count;

	if (rb == NULL)
		return;
	for (i = 0; i < N(lists); i++) {
		items = *(char **)((char *)rb + lists[i].items);
		count = *(size_t *)((char *)rb + lists[i].count);
		for (j = 0; j < count; j++)
			free_fields(lists[i].fields, lists[i].n_fields,
			    items + j * lists[i].size);
		free(items);
	}
	free_fields(top_fields, N(top_fields), (char *)rb);
	free(rb->format);
	free(rb);
}

static size_t
line_at(const char *data, size_t off)
{
	size_t line = 1, i;

	for (i = 0; i < off; i++)
		line += data[i] == '\n';
	return line;
}

/* What json-c must never see: NUL bytes (a UTF-16 file has them) and
 * bytes that are not UTF-8. */
static int
check_bytes(const char *data, size_t len, const char *file, char **cause)
{
	const char *nul = memchr(data, '\0', len);
	size_t i, n;

	if (nul != NULL)
		return fw_fail(cause, _("%s:%zu: a NUL byte: not a UTF-8 JSON "
		    "file (UTF-16?); let the read-back script write it"), file,
		    line_at(data, (size_t)(nul - data)));
	for (i = 0; i < len; i += n) {
		n = fw_utf8_seq((const unsigned char *)data + i, len - i);
		if (n == 0)
			return fw_fail(cause, _("%s:%zu: not valid UTF-8"),
			    file, line_at(data, i));
	}
	return 0;
}

static json_object *
parse_json(const char *data, size_t len, const char *file, char **cause)
{
	json_tokener *tok = json_tokener_new_ex(FW_READBACK_MAX_DEPTH);
	enum json_tokener_error err;
	json_object *root;
	size_t end;

	if (tok == NULL) {
		fw_fail(cause, _("%s: out of memory"), file);
		return NULL;
	}
	/* Standard JSON only, as ConvertTo-Json writes it: no comments, no
	 * single quotes; what follows the document is judged below. */
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
	    JSON_TOKENER_ALLOW_TRAILING_CHARS | JSON_TOKENER_VALIDATE_UTF8);
	root = json_tokener_parse_ex(tok, data, (int)len);
	err = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	if (root == NULL && err == json_tokener_continue)
		fw_fail(cause, _("%s:%zu: the JSON ends too early"), file,
		    line_at(data, len));
	else if (root == NULL && err == json_tokener_error_depth)
		fw_fail(cause, _("%s:%zu: nested deeper than %d levels"), file,
		    line_at(data, end), FW_READBACK_MAX_DEPTH);
	else if (root == NULL)
		fw_fail(cause, _("%s:%zu: not JSON: %s"), file,
		    line_at(data, end), json_tokener_error_desc(err));
	json_tokener_free(tok);
	if (root == NULL)
		return NULL;
	for (; end < len; end++) {
		if (strchr(" \t\r\n", data[end]) == NULL) {
			fw_fail(cause, _("%s:%zu: more after the JSON "
			    "document"), file, line_at(data, end));
			json_object_put(root);
			return NULL;
		}
	}
	return root;
}

/* Format and Version first: a foreign file is told as foreign, not by
 * the first property it lacks. */
static int
check_format(struct rb_ctx *c, json_object *top, struct fw_readback *rb)
{
	json_object *v;

	if (!json_object_is_type(top, json_type_object) ||
	    !json_object_object_get_ex(top, "Format", &v) ||
	    !json_object_is_type(v, json_type_string) ||
	    strcmp(json_object_get_string(v), FW_READBACK_FORMAT) != 0)
		return fw_fail(c->cause, _("%s: not a fedwiz read-back (no "
		    "\"Format\": \"%s\"); write one with fedwiz powershell "
		    "PROJECT --read-back"), c->file, FW_READBACK_FORMAT);
	rb->format = xstrdup(FW_READBACK_FORMAT);
	if (!json_object_object_get_ex(top, "Version", &v) ||
	    !json_object_is_type(v, json_type_int))
		return fw_fail(c->cause, _("%s: Version: a whole number "
		    "expected"), c->file);
	rb->version = json_object_get_int64(v);
	if (rb->version != FW_READBACK_VERSION)
		return fw_fail(c->cause, _("%s: read-back version %lld; this "
		    "fedwiz reads version %d"), c->file, rb->version,
		    FW_READBACK_VERSION);
	return 0;
}

struct fw_readback *
fw_readback_parse(const char *data, size_t len, const char *file,
    char **cause)
{
	struct rb_ctx c = { file, cause };
	struct fw_readback *rb = NULL;
	json_object *top;
	size_t i;
	int rc;

	if (len > FW_READBACK_MAX_BYTES) {
		fw_fail(cause, _("%s: larger than %d bytes"), file,
		    FW_READBACK_MAX_BYTES);
		return NULL;
	}
	/* Notepad's byte order mark. */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (check_bytes(data, len, file, cause) != 0 ||
	    (top = parse_json(data, len, file, cause)) == NULL)
		return NULL;
	rb = xcalloc(1, sizeof *rb);
	rc = check_format(&c, top, rb);
	if (rc == 0)
		rc = take_object(&c, "", top, top_fields, N(top_fields),
		    (char *)rb);
	for (i = 0; i < N(lists) && rc == 0; i++)
		rc = take_list(&c, top, &lists[i], rb);
	json_object_put(top);
	if (rc != 0) {
		fw_readback_free(rb);
		return NULL;
	}
	return rb;
}

struct fw_readback *
fw_readback_read(const char *path, char **cause)
{
	struct fw_readback *rb;
	size_t len;
	char *data;

	if (fw_read_file(path, FW_READBACK_MAX_BYTES, &data, &len,
	    cause) != 0)
		return NULL;
	rb = fw_readback_parse(data, len, path, cause);
	free(data);
	return rb;
}
