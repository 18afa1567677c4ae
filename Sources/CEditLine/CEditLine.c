#define _XOPEN_SOURCE 700 // wcwidth

#include "CEditLine.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

// ---- Editor ----

EditLine *cel_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

int cel_set_prompt(EditLine *el, cel_prompt_function prompt) {
    return el_set(el, EL_PROMPT, prompt);
}

int cel_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

int cel_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

int cel_set_history(EditLine *el, History *history_) {
    return el_set(el, EL_HIST, history, history_);
}

int cel_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

void *cel_client_data(EditLine *el) {
    void *data = NULL;
    return el_get(el, EL_CLIENTDATA, &data) == 0 ? data : NULL;
}

int cel_add_function(EditLine *el, const char *name, const char *help, cel_key_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

int cel_bind(EditLine *el, const char *keys, const char *function) {
    return el_set(el, EL_BIND, keys, function, (const char *)NULL);
}

int cel_terminal_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0 || columns <= 0)
        return 80;
    return columns;
}

int cel_redraw(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

void cel_write(EditLine *el, const char *text) {
    FILE *out = NULL;
    if (el_get(el, EL_GETFP, 1, &out) != 0 || out == NULL)
        out = stdout;
    fputs(text, out);
    fflush(out);
}

// ---- History ----

int cel_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

int cel_history_set_unique(History *h, int on) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, on);
}

int cel_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

int cel_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

int cel_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}

int cel_history_clear(History *h) {
    HistEvent event;
    return history(h, &event, H_CLEAR);
}

// ---- Text ----

int cel_char_width(int codepoint) {
    return wcwidth((wchar_t)codepoint);
}

// ---- SIGINT ----

static struct sigaction saved_sigint;

static void ignore_signal(int signo) {
    (void)signo;
}

// Installs `handler` for `signo` without SA_RESTART, so a blocked el_gets returns with EINTR.
static int install_handler(int signo, void (*handler)(int), struct sigaction *saved) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(signo, &action, saved);
}

int cel_catch_sigint(void) {
    return install_handler(SIGINT, ignore_signal, &saved_sigint);
}

int cel_restore_sigint(void) {
    return sigaction(SIGINT, &saved_sigint, NULL);
}

// ---- SIGTERM and SIGHUP ----

static volatile sig_atomic_t pending_termination = 0;

static void note_termination(int signo) {
    pending_termination = signo;
}

int cel_catch_termination(void) {
    if (install_handler(SIGTERM, note_termination, NULL) != 0)
        return -1;
    return install_handler(SIGHUP, note_termination, NULL);
}

int cel_pending_termination(void) {
    return pending_termination;
}

void cel_die_of(int signo) {
    signal(signo, SIG_DFL);
    raise(signo);
}

