/* Where projects live by default. */
#ifndef FW_PATHS_H
#define FW_PATHS_H

/* $XDG_DATA_HOME/fedwiz (default ~/.local/share/fedwiz), created 0700 when
 * create is set. Returns an allocated path (free()) or NULL with *cause. */
char *fw_paths_data_dir(int create, char **cause);

/* The default project file, default.fedwiz in the data folder. */
char *fw_paths_default_project(int create_dir, char **cause);

#endif
