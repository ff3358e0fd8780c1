/* Allocation wrappers, growable strings and bounded file reads for the core. */
#ifndef FW_UTIL_H
#define FW_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/* Exit codes of the fedwiz command, documented in fedwiz(1). */
enum fw_exit {
	FW_EXIT_OK = 0,
	FW_EXIT_FINDINGS = 1,	/* validate / cert-check found problems */
	FW_EXIT_USAGE = 2,	/* usage, I/O, not a project, newer schema */
	FW_EXIT_LOCKED = 3,	/* project held by another fedwiz */
};

/* Allocation never returns NULL: out of memory aborts with a message. */
void fw_oom(void) __attribute__((noreturn));
void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
char *xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Stores a formatted message in *cause (if cause is not NULL); the caller
 * frees it with free(). Always returns -1 so callers can `return fw_fail(...)`. */
int fw_fail(char **cause, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A growable NUL-terminated string. Free the buffer with free(sb.buf). */
struct fw_strbuf {
	char *buf;
	size_t len;
	size_t cap;
};
void fw_sb_init(struct fw_strbuf *);
void fw_sb_printf(struct fw_strbuf *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
/* Room for n more bytes and the NUL after them, so that a writer who knows
 * the size ahead grows the buffer once instead of doubling it all along. */
void fw_sb_reserve(struct fw_strbuf *, size_t n);

/* Inline: the renderers append a few bytes at a time, millions of times
 * for a large checklist, and the call around the copy was a fifth of the
 * text renderer's time. */
static inline void
fw_sb_addn(struct fw_strbuf *sb, const char *s, size_t n)
{
	if (sb->cap - sb->len <= n)
		fw_sb_reserve(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

static inline void
fw_sb_add(struct fw_strbuf *sb, const char *s)
{
	fw_sb_addn(sb, s, strlen(s));
}
/* Hands over the buffer (never NULL); the strbuf is empty afterwards. */
char *fw_sb_steal(struct fw_strbuf *);

/* Reads at most max bytes of a regular file into a NUL-terminated buffer
 * (*out, freed by the caller with free()). A directory, an unreadable or
 * over-long file is an error with a message naming the path. */
int fw_read_file(const char *path, size_t max, char **out, size_t *len,
    char **cause);

/* The login name of the user running fedwiz (never NULL, static storage). */
const char *fw_user_name(void);

/* Current time as "YYYY-MM-DD HH:MM:SS" UTC into buf (at least 20 bytes). */
void fw_now_utc(char *buf, size_t size);

/* Length of the UTF-8 sequence at s (1-4; at most left bytes), or 0 when
 * it is not valid. Strict: no overlong forms, no surrogates, nothing past
 * U+10FFFF. */
size_t fw_utf8_seq(const unsigned char *s, size_t left);
/* The code point of the n-byte sequence at s that fw_utf8_seq() passed. */
unsigned fw_utf8_cp(const unsigned char *s, size_t n);
/* Whether len bytes at s are valid UTF-8 (NUL bytes included). */
int fw_utf8_valid(const char *s, size_t len);

/* Longest message line fedwiz prints (see fw_printable()). */
#define FW_MESSAGE_MAX 280

/*
 * The one filter for text a terminal shows (messages, command output, the
 * wizard's screen): characters that could move the cursor, retitle the
 * window, reach the clipboard or turn text around, and bytes that are not
 * UTF-8, become visible escapes, so a value planted in a project or a file
 * shows as what it is. Unsafe: C0 controls, DEL, C1 controls (U+0080 to
 * U+009F) and the bidi embeddings, overrides and isolates (U+202A to
 * U+202E, U+2066 to U+2069).
 */
int fw_char_unsafe(unsigned cp);
/* Offset of the first character in len bytes at s that no stored text may
 * hold (unsafe above, tab excepted) with its code point in *cp, -1 for a
 * byte that is not UTF-8; len when there is none. */
size_t fw_unsafe_at(const char *s, size_t len, long *cp);
/* What fw_sb_add_shown() passes through unchanged: the renderers' own
 * tabs and newlines. */
#define FW_SHOWN_TAB 1
#define FW_SHOWN_NEWLINE 2
/* Appends len bytes at s to sb with every unsafe character written as
 * \xNN (C0, DEL, bytes that are not UTF-8) or \uNNNN (C1, bidi), but
 * those keep (FW_SHOWN_*) names. */
void fw_sb_add_shown(struct fw_strbuf *, const char *s, size_t len, int keep);
/* s itself when nothing in it is unsafe, else its filtered copy (tabs
 * kept, as fw_unsafe_at() allows them), which *owned holds for free()
 * (NULL otherwise). */
const char *fw_shown_text(const char *s, char **owned);
/* At most max bytes of s (cut at a character), filtered as one line
 * (free()); *more says whether s went on past them. */
char *fw_shown(const char *s, size_t max, int *more);

/* s filtered as one line (free()); past max bytes the middle is left out
 * ("..."), keeping the head and the tail where messages say what is
 * wrong. */
char *fw_printable(const char *s, size_t max);

/* Display columns of UTF-8 text, counting each character as one column
 * (enough for the Latin scripts fedwiz is translated into). */
size_t fw_utf8_width(const char *s, size_t len);

/* Spaces that pad s to columns (0 when it is as wide or wider), for
 * printf("%s%*s", s, fw_pad_width(s, 20), ""): "%-20s" pads by bytes,
 * one column short per umlaut in UTF-8. */
int fw_pad_width(const char *s, size_t columns);

/* Appends text to sb word-wrapped to width columns: the first line starts
 * with first, the others with rest; ends with a newline. */
void fw_sb_wrap(struct fw_strbuf *sb, const char *text, size_t width,
    const char *first, const char *rest);

/* Case-insensitive ASCII compare, for host names. */
int fw_strcaseeq(const char *, const char *);
/* A hash of s that ignores ASCII case (FNV-1a): names fw_strcaseeq calls
 * equal hash the same. */
size_t fw_strcasehash(const char *s);

#endif
