/*
 * ui_test.c: the "Test" action (t) on the steps that configure a route.
 * The focused next hop is probed with fw_probe_run() on a worker thread;
 * each result crosses to the main thread through a queue, and one byte on
 * a pipe the main loop polls (like the resolver's) says one is waiting.
 * Only the main thread touches the project: results are saved there, as
 * `fedwiz probe` saves them, the moment they arrive.
 */
#include "config.h"

#include "ui_app.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_probe.h"
#include "fw_util.h"

/* The lists whose rows are routes' targets, and what the target is:
 * step 2 routes IM&P to OCS servers, step 3 routes OCS to an IM&P node. */
static const struct {
	int step;
	enum fw_list list;
	enum fw_probe_role role;
} testable[] = {
	{ 2, FW_LIST_OCS_SERVER, FW_PROBE_OCS_NEXT_HOP },
	{ 3, FW_LIST_IMP_DOMAIN, FW_PROBE_IMP_NODE },
};

struct ui_test {
	int step;		/* where it was started: its lines show there */
	char *host;
	struct fw_deployment *d;	/* the worker's own copy */
	struct fw_probe_targets ts;
	struct fw_probe_target *target;	/* in ts */
	struct fw_probe_opts opts;
	volatile sig_atomic_t stop;
	pthread_t thread;
	int running;		/* the thread is not joined yet */
	int wake[2];		/* worker -> main loop */

	pthread_mutex_t lock;	/* guards queue, n_queue and finished */
	struct fw_probe_result *queue;
	size_t n_queue;
	int finished;

	char **lines;		/* shown in the findings pane */
	int *line_ok;
	size_t n_lines;
	int stopped;
};

static void
result_clear(struct fw_probe_result *r)
{
	free(r->host);
	free(r->kind);
	free(r->time);
	free(r->summary);
	free(r->detail);
}

static void
wake(struct ui_test *t)
{
	unsigned char b = 1;
	ssize_t w;

	w = write(t->wake[1], &b, 1);
	(void)w;		/* a full pipe already says "look" */
}

/* The worker's callback: a copy of r goes to the queue. */
static void
on_result(const struct fw_probe_target *target,
    const struct fw_probe_result *r, void *ctx)
{
	struct ui_test *t = ctx;
	struct fw_probe_result *q;

	(void)target;
	pthread_mutex_lock(&t->lock);
	t->queue = xreallocarray(t->queue, t->n_queue + 1, sizeof *t->queue);
	q = &t->queue[t->n_queue++];
	q->host = xstrdup(r->host);
	q->port = r->port;
	q->kind = xstrdup(r->kind);
	q->time = r->time != NULL ? xstrdup(r->time) : NULL;
	q->ok = r->ok;
	q->summary = xstrdup(r->summary);
	q->detail = r->detail != NULL ? xstrdup(r->detail) : NULL;
	pthread_mutex_unlock(&t->lock);
	wake(t);
}

static void *
worker(void *arg)
{
	struct ui_test *t = arg;

	fw_probe_run(t->d, t->target, &t->opts, on_result, t);
	pthread_mutex_lock(&t->lock);
	t->finished = 1;
	pthread_mutex_unlock(&t->lock);
	wake(t);
	return NULL;
}

static void
add_line(struct ui_test *t, int ok, char *line)
{
	t->lines = xreallocarray(t->lines, t->n_lines + 1, sizeof *t->lines);
	t->line_ok = xreallocarray(t->line_ok, t->n_lines + 1,
	    sizeof *t->line_ok);
	t->lines[t->n_lines] = line;
	t->line_ok[t->n_lines++] = ok;
}

static void
join(struct ui_test *t)
{
	if (!t->running)
		return;
	pthread_join(t->thread, NULL);
	t->running = 0;
}

void
ui_test_free(struct ui_test *t)
{
	size_t i;

	if (t == NULL)
		return;
	t->stop = 1;
	join(t);
	for (i = 0; i < t->n_queue; i++)
		result_clear(&t->queue[i]);
	free(t->queue);
	for (i = 0; i < t->n_lines; i++)
		free(t->lines[i]);
	free(t->lines);
	free(t->line_ok);
	fw_probe_targets_free(&t->ts);
	fw_deployment_free(t->d);
	free(t->host);
	if (t->wake[0] >= 0)
		close(t->wake[0]);
	if (t->wake[1] >= 0)
		close(t->wake[1]);
	pthread_mutex_destroy(&t->lock);
	free(t);
}

/* The testable entry for list field f on the current step, or -1. */
static int
testable_index(const struct ui_app *app, const struct fw_field *f)
{
	size_t i;

	if (f == NULL || f->type != FW_FIELD_LIST)
		return -1;
	for (i = 0; i < sizeof testable / sizeof testable[0]; i++) {
		if (testable[i].step == app->step &&
		    testable[i].list == f->list)
			return (int)i;
	}
	return -1;
}

int
ui_test_list(const struct ui_app *app, const struct fw_field *f)
{
	return testable_index(app, f) >= 0;
}

/* The host the focused row routes to and its role, or NULL when the row
 * is no route's target (another list, "Add…"). */
static const char *
focused_host(const struct ui_app *app, const struct fw_field *f,
    enum fw_probe_role *role)
{
	const struct fw_imp_node *node;
	int i = testable_index(app, f);

	if (i < 0)
		return NULL;
	*role = testable[i].role;
	if (f->list == FW_LIST_OCS_SERVER)
		return app->row < app->d->n_ocs_servers ?
		    app->d->ocs_servers[app->row].fqdn : NULL;
	if (app->row >= app->d->n_imp_domains)
		return NULL;
	node = fw_imp_domain_target(app->d, &app->d->imp_domains[app->row]);
	return node != NULL ? node->fqdn : NULL;
}

/* The first target of host in this role: a server that is next hop for
 * several domains is one host on one port. */
static struct fw_probe_target *
pick_target(struct fw_probe_targets *ts, const char *host,
    enum fw_probe_role role)
{
	size_t i;

	for (i = 0; i < ts->n; i++) {
		if (ts->items[i].role == role &&
		    fw_strcaseeq(ts->items[i].host, host))
			return &ts->items[i];
	}
	return NULL;
}

static struct ui_test *
test_new(struct ui_app *app, const char *host, enum fw_probe_role role,
    char **cause)
{
	struct ui_test *t = xcalloc(1, sizeof *t);
	int i;

	t->wake[0] = t->wake[1] = -1;
	pthread_mutex_init(&t->lock, NULL);
	t->step = app->step;
	t->host = xstrdup(host);
	/* The main loop replaces app->d on every change: the worker reads
	 * a deployment of its own. */
	if (fw_project_load(app->project, &t->d, cause) != 0 ||
	    fw_probe_targets(t->d, host, &t->ts, cause) != 0)
		goto fail;
	if ((t->target = pick_target(&t->ts, host, role)) == NULL) {
		fw_fail(cause, _("%s: not a next hop of this project"), host);
		goto fail;
	}
	if (t->target->addr == NULL || t->target->addr[0] == '\0') {
		fw_fail(cause, _("%s: no IP address to test: enter it in the "
		    "list"), host);
		goto fail;
	}
	if (pipe(t->wake) != 0) {
		fw_fail(cause, _("cannot create a pipe: %s"), strerror(errno));
		t->wake[0] = t->wake[1] = -1;
		goto fail;
	}
	for (i = 0; i < 2; i++) {
		fcntl(t->wake[i], F_SETFL, fcntl(t->wake[i], F_GETFL) |
		    O_NONBLOCK);
		fcntl(t->wake[i], F_SETFD, FD_CLOEXEC);
	}
	/* --probe-timeout and --client-cert/--client-key, or `fedwiz
	 * probe`'s default, so the wizard and the CLI judge a peer alike. */
	t->opts.timeout_ms = (app->opts->probe_timeout_s > 0 ?
	    app->opts->probe_timeout_s : FW_PROBE_TIMEOUT_DEFAULT_S) * 1000;
	t->opts.client = app->opts->client;
	t->opts.stop = &t->stop;
	if ((errno = pthread_create(&t->thread, NULL, worker, t)) != 0) {
		fw_fail(cause, _("cannot start a thread: %s"),
		    strerror(errno));
		goto fail;
	}
	t->running = 1;
	return t;
fail:
	ui_test_free(t);
	return NULL;
}

int
ui_test_running(const struct ui_app *app)
{
	return app->test != NULL && app->test->running;
}

void
ui_test_cancel(struct ui_app *app)
{
	if (ui_test_running(app))
		app->test->stop = 1;
}

/* t on a testable row: starts a test, or stops the one running. */
int
ui_test_key(struct ui_app *app, const struct fw_field *f)
{
	enum fw_probe_role role;
	const char *host;
	char *cause = NULL;

	if (ui_test_running(app)) {
		ui_test_cancel(app);
		return 1;
	}
	if ((host = focused_host(app, f, &role)) == NULL)
		return 0;
	/* Results are saved like `fedwiz probe`'s: nowhere to put them. */
	if (fw_project_read_only(app->project)) {
		ui_app_message(app, 1, "%s", _("read-only: a test saves its "
		    "results, so it runs only where the project can change"));
		return 1;
	}
	ui_test_free(app->test);
	app->test = test_new(app, host, role, &cause);
	if (app->test == NULL) {
		ui_app_message(app, 1, "%s", cause);
		free(cause);
	}
	return 1;
}

int
ui_test_fd(const struct ui_app *app)
{
	return ui_test_running(app) ? app->test->wake[0] : -1;
}

void
ui_test_drain(struct ui_app *app)
{
	struct ui_test *t = app->test;
	struct fw_probe_result *q;
	unsigned char buf[64];
	char *cause = NULL;
	size_t n, i;
	int finished;

	if (!ui_test_running(app))
		return;
	while (read(t->wake[0], buf, sizeof buf) > 0)
		;
	pthread_mutex_lock(&t->lock);
	q = t->queue;
	n = t->n_queue;
	t->queue = NULL;
	t->n_queue = 0;
	finished = t->finished;
	pthread_mutex_unlock(&t->lock);
	for (i = 0; i < n; i++) {
		if (fw_project_save_probe(app->project, &q[i], &cause) != 0) {
			add_line(t, 0, cause);
			cause = NULL;
		}
		add_line(t, q[i].ok, fw_probe_verified_line(&q[i]));
		result_clear(&q[i]);
	}
	free(q);
	if (!finished)
		return;
	join(t);
	t->stopped = t->stop != 0;
	/* The checklist's Verify items read the stored results. */
	ui_app_reload(app);
}

/* Draws the test's lines from y; returns the lines used. */
int
ui_test_draw(struct ui_app *app, int y, int x, int w, int bottom)
{
	const struct ui_test *t = app->test;
	unsigned long err = ui_attr(app, UI_LOOK_ERROR);
	int y0 = y;
	size_t i;
	char *head;

	if (t == NULL || t->step != app->step || y >= bottom)
		return 0;
	head = t->running ? xasprintf(_("testing %s (%s) port %d %s%s  t or "
	    "Esc stops"), t->host, t->target->addr, t->target->port,
	    t->target->tls ? "TLS" : "TCP", ui_mark(app, UI_MARK_ELLIPSIS)) :
	    t->stopped ? xasprintf(_("test of %s stopped"), t->host) :
	    xasprintf(_("tested %s port %d"), t->host, t->target->port);
	/* … while it runs, as a lookup still running is marked. */
	ui_text_put(y, x, 1, ui_mark(app, t->running ? UI_MARK_ELLIPSIS :
	    UI_MARK_DOT), A_NORMAL);
	y += ui_text_wrap(y, x + 2, w - 2, 1, head, A_BOLD, 1);
	free(head);
	for (i = 0; i < t->n_lines && y < bottom; i++) {
		unsigned long a = t->line_ok[i] ? ui_attr(app, UI_LOOK_GOOD) :
		    err;

		ui_text_put(y, x, 1, t->line_ok[i] ? ui_mark(app,
		    UI_MARK_DONE) : ui_mark(app, UI_MARK_ERROR), a);
		y += ui_text_wrap(y, x + 2, w - 2, 1, t->lines[i], a, 1);
	}
	return y - y0;
}
