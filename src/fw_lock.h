/*
 * One writer per project: an fcntl() lock on FILE.lock beside the project,
 * whose text names the holder (user, host, PID, since when). A lock file
 * nobody has locked whose process is gone on this host is stale and taken
 * over with a notice.
 */
#ifndef FW_LOCK_H
#define FW_LOCK_H

struct fw_lock;

struct fw_lock_holder {
	char user[64];
	char host[256];
	long pid;
	char since[32];
};

enum fw_lock_result {
	FW_LOCK_TAKEN,		/* we hold it */
	FW_LOCK_TAKEN_STALE,	/* we hold it after removing a stale one */
	FW_LOCK_BUSY,		/* another live fedwiz holds it: see holder */
	FW_LOCK_UNREADABLE,	/* a lock file fedwiz did not write: see cause */
	FW_LOCK_ERROR,		/* I/O error: see cause */
};

/* Takes the lock for project_path. On TAKEN*, *out is the lock (release
 * with fw_lock_release()); on BUSY, *holder describes the holder; on
 * TAKEN_STALE, *holder describes the stale holder. */
enum fw_lock_result fw_lock_acquire(const char *project_path,
    struct fw_lock **out, struct fw_lock_holder *holder, char **cause);

/* Removes the lock file, unlocks and frees the lock; NULL is accepted. */
void fw_lock_release(struct fw_lock *);

/* The lock file's path for a project (free()). */
char *fw_lock_path(const char *project_path);

#endif
