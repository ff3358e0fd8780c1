/*
 * Where a command's output goes (-o FILE): standard output, a regular
 * file replaced atomically, or a character device or FIFO written
 * through. Written piece by piece, so that a large document never has to
 * be held whole.
 */
#ifndef FW_OUT_H
#define FW_OUT_H

#include <stddef.h>

struct fw_out;

/*
 * Opens path for writing; NULL is standard output. A new or
 * regular file is written to a temporary file beside it, renamed over it
 * by fw_out_close() (with mode); a symbolic link is followed and its
 * target replaced so, the link kept. A character device or a FIFO is
 * opened as it is and written through (no mode, no rename; a FIFO waits
 * for its reader). A directory, a socket, a block device or a link to
 * nothing is refused. With project set, the project's own files (itself,
 * -wal, -shm, -journal, .lock, .bak-vN) are refused however they are
 * named (another spelling, a symbolic or a hard link), before anything is
 * created. Returns 0 with *out, or -1 with *cause.
 */
int fw_out_open(const char *path, int mode, const char *project,
    struct fw_out **out, char **cause);

/* Appends len bytes. A failure is kept and reported by fw_out_close(). */
void fw_out_write(struct fw_out *, const char *data, size_t len);

/* Puts the output in place (for a file: fsync, rename). Returns 0, or -1
 * with *cause; frees the fw_out either way. */
int fw_out_close(struct fw_out *, char **cause);

/* Gives up: a temporary file is removed, the target left as it was. */
void fw_out_abort(struct fw_out *);

/* fw_out_open(), one write, fw_out_close(). */
int fw_out_file(const char *path, int mode, const char *project,
    const char *data, size_t len, char **cause);

#endif
