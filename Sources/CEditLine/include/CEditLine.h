// Non-variadic wrappers around libedit's variadic el_set/el_get/history calls,
// plus the few C helpers (stdio streams, SIGINT) that Swift cannot do cleanly.
#ifndef CEDITLINE_H
#define CEDITLINE_H

#include <histedit.h>

/// An editor function added with EL_ADDFN; returns a CC_* code.
typedef unsigned char (*cel_key_function)(EditLine *el, int ch);
/// A prompt function for EL_PROMPT; returns the prompt text.
typedef char *(*cel_prompt_function)(EditLine *el);

// ---- Editor ----

/// el_init on stdin/stdout/stderr.
EditLine *cel_init(const char *program);
/// EL_PROMPT.
int cel_set_prompt(EditLine *el, cel_prompt_function prompt);
/// EL_EDITOR ("emacs" or "vi").
int cel_set_editor(EditLine *el, const char *mode);
/// EL_SIGNAL: let libedit restore the terminal on signals.
int cel_set_signal(EditLine *el, int on);
/// EL_HIST with the narrow history() function.
int cel_set_history(EditLine *el, History *history);
/// EL_CLIENTDATA (set).
int cel_set_client_data(EditLine *el, void *data);
/// EL_CLIENTDATA (get).
void *cel_client_data(EditLine *el);
/// EL_ADDFN: register a named editor function.
int cel_add_function(EditLine *el, const char *name, const char *help, cel_key_function function);
/// EL_BIND: bind a key sequence to a named editor function.
int cel_bind(EditLine *el, const char *keys, const char *function);
/// EL_GETTC "co": terminal width in columns (80 if unknown).
int cel_terminal_columns(EditLine *el);
/// EL_REFRESH: forget what is on screen and redraw prompt and line at the cursor.
int cel_redraw(EditLine *el);
/// Writes text to the editor's output stream (EL_GETFP) and flushes it.
void cel_write(EditLine *el, const char *text);

// ---- History ----

/// H_SETSIZE.
int cel_history_set_size(History *history, int size);
/// H_SETUNIQUE: drop immediate duplicates when on.
int cel_history_set_unique(History *history, int on);
/// H_ENTER.
int cel_history_enter(History *history, const char *line);
/// H_LOAD: number of entries loaded, or -1.
int cel_history_load(History *history, const char *path);
/// H_SAVE: number of entries saved, or -1.
int cel_history_save(History *history, const char *path);
/// H_CLEAR.
int cel_history_clear(History *history);

// ---- Text ----

/// wcwidth: terminal columns taken by a Unicode code point (-1 if not printable).
int cel_char_width(int codepoint);

// ---- SIGINT ----

/// Installs a do-nothing SIGINT handler without SA_RESTART (so a blocked read
/// fails with EINTR), remembering the previous disposition.
int cel_catch_sigint(void);
/// Restores the disposition saved by cel_catch_sigint.
int cel_restore_sigint(void);

// ---- SIGTERM and SIGHUP ----

/// Catches SIGTERM and SIGHUP for the rest of the process: the handler only records the signal
/// (no SA_RESTART, so a blocked el_gets returns and libedit puts the terminal back first).
int cel_catch_termination(void);
/// The termination signal caught so far, or 0.
int cel_pending_termination(void);
/// Ends the process by `signo` with its default action, so the parent sees how it ended.
void cel_die_of(int signo);

#endif
