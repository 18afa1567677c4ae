// The C helpers that need no libedit: character widths, signal dispositions, waiting for a key.

#define _GNU_SOURCE // wcwidth, ppoll

#include "CEditLine.h"

#include <errno.h>
#include <stdint.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

// ---- Text ----

int cel_char_width(int codepoint) {
    return wcwidth((wchar_t)codepoint);
}

// ---- SIGINT ----

static struct sigaction saved_sigint;
static volatile sig_atomic_t pending_interrupt = 0;

static void note_interrupt(int signo) {
    (void)signo;
    pending_interrupt = 1;
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
    pending_interrupt = 0;
    return install_handler(SIGINT, note_interrupt, &saved_sigint);
}

int cel_restore_sigint(void) {
    return sigaction(SIGINT, &saved_sigint, NULL);
}

int cel_take_interrupt(void) {
    int taken = pending_interrupt;
    pending_interrupt = 0;
    return taken;
}

// ---- SIGWINCH ----

static volatile sig_atomic_t pending_window_change = 0;

static void note_window_change(int signo) {
    (void)signo;
    pending_window_change = 1;
}

int cel_catch_window_change(void) {
    return install_handler(SIGWINCH, note_window_change, NULL);
}

int cel_take_window_change(void) {
    int taken = pending_window_change;
    pending_window_change = 0;
    return taken;
}

// ---- SIGTERM and SIGHUP ----

static volatile sig_atomic_t pending_termination = 0;

static void note_termination(int signo) {
    pending_termination = signo;
}

int cel_catch_termination(void) {
    if (install_handler(SIGTERM, note_termination, NULL) != 0)
        return -1;
    if (install_handler(SIGHUP, note_termination, NULL) != 0)
        return -1;
    // A parent may have started us with them blocked (the mask is inherited): caught, they must arrive.
    sigset_t caught;
    sigemptyset(&caught);
    sigaddset(&caught, SIGTERM);
    sigaddset(&caught, SIGHUP);
    return sigprocmask(SIG_UNBLOCK, &caught, NULL);
}

int cel_pending_termination(void) {
    return pending_termination;
}

void cel_die_of(int signo) {
    signal(signo, SIG_DFL);
    raise(signo);
}


// ---- SIGTSTP and SIGCONT ----

static volatile int64_t stopped_at_ns = -1;
static volatile int64_t stopped_total_ns = 0;

static int64_t monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now); // async-signal-safe
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

// Notes when the process stops, then stops it as the default action would: the signal, blocked
// while the handler runs, is delivered with the default disposition once it returns.
static void note_stop(int signo) {
    int saved = errno;
    stopped_at_ns = monotonic_ns();
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signo, &action, NULL);
    raise(signo);
    errno = saved;
}

static void note_continue(int signo) {
    (void)signo;
    int saved = errno;
    if (stopped_at_ns >= 0) {
        stopped_total_ns += monotonic_ns() - stopped_at_ns;
        stopped_at_ns = -1;
    }
    install_handler(SIGTSTP, note_stop, NULL);
    errno = saved;
}

int cel_catch_stop(void) {
    if (install_handler(SIGTSTP, note_stop, NULL) != 0)
        return -1;
    return install_handler(SIGCONT, note_continue, NULL);
}

double cel_stopped_seconds(void) {
    return (double)stopped_total_ns / 1e9;
}

// ---- Waiting ----

int cel_wait_for_input(int timeout_ms) {
    return cel_wait_for_descriptor(STDIN_FILENO, timeout_ms);
}

int cel_wait_for_descriptor(int fd, int timeout_ms) {
    int ready = cel_wait_for_descriptors(&fd, 1, timeout_ms);
    return ready > 0 ? 1 : ready;
}

int cel_wait_for_descriptors(const int *fds, int count, int timeout_ms) {
    enum { most = 64 };
    if (count < 1 || count > most) {
        errno = EINVAL;
        return -1;
    }
    sigset_t watched, previous;
    sigemptyset(&watched);
    sigaddset(&watched, SIGINT);
    sigaddset(&watched, SIGWINCH);
    sigaddset(&watched, SIGTERM);
    sigaddset(&watched, SIGHUP);
    sigprocmask(SIG_BLOCK, &watched, &previous);
    int ready;
    struct pollfd inputs[most];
    for (int i = 0; i < count; i++) {
        inputs[i] = (struct pollfd){.fd = fds[i], .events = POLLIN, .revents = 0};
    }
    if (pending_interrupt || pending_window_change || pending_termination) {
        errno = EINTR;
        ready = -1;
    } else {
#if defined(__linux__)
        struct timespec timeout = {.tv_sec = timeout_ms / 1000, .tv_nsec = (long)(timeout_ms % 1000) * 1000000L};
        ready = ppoll(inputs, (nfds_t)count, timeout_ms < 0 ? NULL : &timeout, &previous);
#else
        sigprocmask(SIG_SETMASK, &previous, NULL); // no ppoll: a signal between here and poll waits for the timeout
        ready = poll(inputs, (nfds_t)count, timeout_ms);
#endif
    }
    int saved = errno;
    sigprocmask(SIG_SETMASK, &previous, NULL);
    errno = saved;
    if (ready > 0) {
        for (int i = 0; i < count; i++) {
            if (inputs[i].revents != 0) return i + 1;
        }
    }
    return ready;
}
