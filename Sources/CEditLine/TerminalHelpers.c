// The C helpers that need no libedit: character widths and signal dispositions.

#define _XOPEN_SOURCE 700 // wcwidth

#include "CEditLine.h"

#include <signal.h>
#include <string.h>
#include <wchar.h>

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

