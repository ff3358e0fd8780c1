#include "config.h"

#include "fw_util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fw_i18n.h"

void
fw_oom(void)
{
	fprintf(stderr, "fedwiz: %s\n", _("out of memory"));
	abort();
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		fw_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		fw_oom();
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		fw_oom();
	p = realloc(old, n * size != 0 ? n * size : 1);
	if (p == NULL)
		fw_oom();
	return p;
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		fw_oom();
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = strndup(s, n);

	if (p == NULL)
		fw_oom();
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char *p;

	if (vasprintf(&p, fmt, ap) < 0)
		fw_oom();
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

int
fw_fail(char **cause, const char *fmt, ...)
{
	va_list ap;

	if (cause == NULL)
		return -1;
	va_start(ap, fmt);
	*cause = xvasprintf(fmt, ap);
	va_end(ap);
	return -1;
}

void
fw_sb_init(struct fw_strbuf *sb)
{
	sb->cap = 64;
	sb->len = 0;
	sb->buf = xmalloc(sb->cap);
	sb->buf[0] = '\0';
}

void
fw_sb_reserve(struct fw_strbuf *sb, size_t n)
{
	if (sb->buf == NULL)
		fw_sb_init(sb);
	if (n >= SIZE_MAX - sb->len)
		fw_oom();
	if (sb->len + n + 1 > sb->cap) {
		while (sb->len + n + 1 > sb->cap)
			sb->cap = sb->cap > SIZE_MAX / 2 ? SIZE_MAX : sb->cap * 2;
		sb->buf = xreallocarray(sb->buf, sb->cap, 1);
	}
}

void
fw_sb_printf(struct fw_strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	size_t room;
	int n;

	/* Straight into the buffer: a checklist makes hundreds of thousands
	 * of these calls, and a temporary string each doubled their cost. */
	fw_sb_reserve(sb, 0);
	room = sb->cap - sb->len;
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		fw_oom();
	if ((size_t)n >= room) {
		fw_sb_reserve(sb, (size_t)n);
		va_start(ap, fmt);
		n = vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	sb->len += (size_t)n;
}

char *
fw_sb_steal(struct fw_strbuf *sb)
{
	char *s;

	if (sb->buf == NULL)
		fw_sb_init(sb);
	s = sb->buf;
	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return s;
}

int
fw_read_file(const char *path, size_t max, char **out, size_t *len,
    char **cause)
{
	struct stat st;
	char *buf = NULL;
	size_t have = 0, cap;
	ssize_t n;
	int fd, rc = -1;

	*out = NULL;
	/* O_NONBLOCK: opening a FIFO nobody writes to would wait forever;
	 * this way it reads as empty. Reads block again as usual. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return fw_fail(cause, _("%s: cannot open: %s"), path,
		    strerror(errno));
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
		fw_fail(cause, _("%s: %s"), path, strerror(errno));
		goto out_close;
	}
	if (fstat(fd, &st) != 0) {
		fw_fail(cause, _("%s: %s"), path, strerror(errno));
		goto out_close;
	}
	if (S_ISDIR(st.st_mode)) {
		fw_fail(cause, _("%s: is a directory, not a file"), path);
		goto out_close;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		fw_fail(cause, _("%s: file too large (%jd bytes; at most %zu)"),
		    path, (intmax_t)st.st_size, max);
		goto out_close;
	}
	cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 4096;
	buf = xmalloc(cap);
	for (;;) {
		if (have + 1 >= cap) {
			if (cap > max + 1) {
				fw_fail(cause, _("%s: file too large (at most %zu bytes)"),
				    path, max);
				goto out_free;
			}
			cap *= 2;
			buf = xreallocarray(buf, cap, 1);
		}
		n = read(fd, buf + have, cap - have - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fw_fail(cause, _("%s: read error: %s"), path,
			    strerror(errno));
			goto out_free;
		}
		if (n == 0)
			break;
		have += (size_t)n;
		if (have > max) {
			fw_fail(cause, _("%s: file too large (at most %zu bytes)"),
			    path, max);
			goto out_free;
		}
	}
	buf[have] = '\0';
	*out = buf;
	buf = NULL;
	if (len != NULL)
		*len = have;
	rc = 0;
out_free:
	free(buf);
out_close:
	close(fd);
	return rc;
}

const char *
fw_user_name(void)
{
	static char name[64];
	struct passwd *pw;
	const char *s;

	if (name[0] != '\0')
		return name;
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_name != NULL)
		s = pw->pw_name;
	else if ((s = getenv("USER")) == NULL || *s == '\0')
		s = "unknown";
	snprintf(name, sizeof name, "%s", s);
	return name;
}

void
fw_now_utc(char *buf, size_t size)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%d %H:%M:%S", &tm);
}

int
fw_strcaseeq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcasecmp(a, b) == 0;
}

size_t
fw_strcasehash(const char *s)
{
	size_t h = 14695981039346656037u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) *
		    1099511628211u;
	return h;
}

size_t
fw_utf8_seq(const unsigned char *s, size_t left)
{
	size_t n, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (n > left)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return n;
}

int
fw_utf8_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;

	while (i < len) {
		if ((n = fw_utf8_seq(u + i, len - i)) == 0)
			return 0;
		i += n;
	}
	return 1;
}

unsigned
fw_utf8_cp(const unsigned char *s, size_t n)
{
	static const unsigned char lead_mask[] = { 0, 0x7F, 0x1F, 0x0F, 0x07 };
	unsigned cp = s[0] & lead_mask[n];
	size_t i;

	for (i = 1; i < n; i++)
		cp = (cp << 6) | (s[i] & 0x3F);
	return cp;
}

int
fw_char_unsafe(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t
fw_unsafe_at(const char *s, size_t len, long *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;
	unsigned c;

	while (i < len) {
		if (u[i] >= 0x20 && u[i] < 0x7F) {
			i++;
			continue;
		}
		if ((n = fw_utf8_seq(u + i, len - i)) == 0) {
			*cp = -1;
			return i;
		}
		c = fw_utf8_cp(u + i, n);
		if (c != '\t' && fw_char_unsafe(c)) {
			*cp = (long)c;
			return i;
		}
		i += n;
	}
	return len;
}

void
fw_sb_add_shown(struct fw_strbuf *sb, const char *s, size_t len, int keep)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run, n;
	unsigned cp;

	while (i < len) {
		/* Printable ASCII, nearly all of it, goes in by the run. */
		for (run = i; run < len && u[run] >= 0x20 && u[run] < 0x7F;)
			run++;
		if (run > i) {
			fw_sb_addn(sb, s + i, run - i);
			i = run;
			continue;
		}
		if ((n = fw_utf8_seq(u + i, len - i)) == 0) {
			fw_sb_printf(sb, "\\x%02X", u[i++]);
			continue;
		}
		cp = fw_utf8_cp(u + i, n);
		if ((cp == '\t' && (keep & FW_SHOWN_TAB)) ||
		    (cp == '\n' && (keep & FW_SHOWN_NEWLINE)) ||
		    !fw_char_unsafe(cp))
			fw_sb_addn(sb, s + i, n);
		else if (cp < 0x80)
			fw_sb_printf(sb, "\\x%02X", cp);
		else
			fw_sb_printf(sb, "\\u%04X", cp);
		i += n;
	}
}

const char *
fw_shown_text(const char *s, char **owned)
{
	struct fw_strbuf sb;
	size_t len = strlen(s);
	long cp;

	*owned = NULL;
	if (fw_unsafe_at(s, len, &cp) == len)
		return s;
	fw_sb_init(&sb);
	fw_sb_add_shown(&sb, s, len, FW_SHOWN_TAB);
	return *owned = fw_sb_steal(&sb);
}

char *
fw_shown(const char *s, size_t max, int *more)
{
	struct fw_strbuf sb;
	size_t len = strnlen(s, max + 1);

	*more = len > max;
	if (*more) {
		len = max;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	fw_sb_init(&sb);
	fw_sb_add_shown(&sb, s, len, 0);
	return fw_sb_steal(&sb);
}

char *
fw_printable(const char *s, size_t max)
{
	struct fw_strbuf sb;
	size_t len, i, n, keep_tail;
	char *out, *cut;

	fw_sb_init(&sb);
	fw_sb_add_shown(&sb, s, strlen(s), 0);
	out = fw_sb_steal(&sb);
	len = strlen(out);
	if (max < 16 || len <= max)
		return out;
	/* Cut on character boundaries: never inside a UTF-8 sequence. */
	keep_tail = max / 2;
	n = max - keep_tail - 3;
	while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80)
		n--;
	i = len - keep_tail;
	while (i < len && ((unsigned char)out[i] & 0xC0) == 0x80)
		i++;
	cut = xasprintf("%.*s...%s", (int)n, out, out + i);
	free(out);
	return cut;
}

size_t
fw_utf8_width(const char *s, size_t len)
{
	size_t i, w = 0;

	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	}
	return w;
}

int
fw_pad_width(const char *s, size_t columns)
{
	size_t w = fw_utf8_width(s, strlen(s));

	return w < columns ? (int)(columns - w) : 0;
}

void
fw_sb_wrap(struct fw_strbuf *sb, const char *text, size_t width,
    const char *first, const char *rest)
{
	const char *word = text;
	size_t base = fw_utf8_width(first, strlen(first)), col = base, wlen;
	size_t wcols;

	fw_sb_add(sb, first);
	for (;;) {
		word += strspn(word, " ");
		if (*word == '\0')
			break;
		wlen = strcspn(word, " ");
		wcols = fw_utf8_width(word, wlen);
		/* A word longer than a line still goes on a line of its own. */
		if (col > base && col + 1 + wcols > width) {
			fw_sb_add(sb, "\n");
			fw_sb_add(sb, rest);
			base = col = fw_utf8_width(rest, strlen(rest));
		} else if (col > base) {
			fw_sb_add(sb, " ");
			col++;
		}
		fw_sb_addn(sb, word, wlen);
		col += wcols;
		word += wlen;
	}
	fw_sb_add(sb, "\n");
}
