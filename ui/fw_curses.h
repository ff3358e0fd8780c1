/*
 * fw_curses.h: the one place that picks the curses and CDK headers for ui/
 * (htop's ProvideCurses.h does the same). Nothing in src/ may include this
 * file, curses or CDK: tests/cli/no_curses_in_core.sh checks.
 *
 * Include after config.h. Wide-character ncurses (ncursesw) only: the wide
 * API (cchar_t, wget_wch, mvwaddwstr, box_set) is visible only when
 * NCURSES_WIDECHAR / _XOPEN_SOURCE_EXTENDED are defined before the first
 * curses header, and CDK's cdk.h includes curses itself, so it comes after.
 */
#ifndef FW_CURSES_H
#define FW_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#ifdef HAVE_NCURSESW_CURSES_H
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

/* configure checks for both layouts: Debian's (PREFIX/include/cdk/cdk.h)
 * and upstream's (PREFIX/include/cdk.h). */
#ifdef HAVE_CDK_CDK_H
#include <cdk/cdk.h>
#else
#include <cdk.h>
#endif

#endif /* FW_CURSES_H */
