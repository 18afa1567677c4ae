// libedit, loaded at run time: cel_load() dlopens the library and resolves every function the
// shim uses, so programs that never start the line editor never map libedit (nor libtinfo, libbsd).
// Non-variadic wrappers around libedit's variadic el_set/el_get/history calls, plus the few C
// helpers (stdio streams, signals, wcwidth) that Swift cannot do cleanly.
//
// This header does not include <histedit.h>: only CEditLine.c needs libedit's declarations.
#ifndef CEDITLINE_H
#define CEDITLINE_H

/// libedit's editor and history handles (the same struct tags as <histedit.h>).
typedef struct editline EditLine;
typedef struct history History;

/// An editor function added with EL_ADDFN; returns a CEL_CC_* code.
typedef unsigned char (*cel_key_function)(EditLine *el, int ch);
/// A prompt function for EL_PROMPT and EL_RPROMPT; returns the prompt text.
typedef char *(*cel_prompt_function)(EditLine *el);
/// Called by the shim's key reader (cel_set_key_reader) before it reads a key: returns 0 once a key
/// can be read from standard input without blocking, or -1 with errno set to end el_gets (EINTR: the
/// read was interrupted). It may write to the terminal and redraw the line meanwhile.
typedef int (*cel_wait_function)(EditLine *el);

/// What an editor function tells libedit to do next (libedit's CC_* codes; CEditLine.c checks they match).
#define CEL_CC_NORM 0
#define CEL_CC_NEWLINE 1
#define CEL_CC_REFRESH 4
#define CEL_CC_ERROR 6
#define CEL_CC_REFRESH_BEEP 9

/// The line being edited: text from `buffer` to `end`, the cursor at `cursor` (not NUL-terminated).
typedef struct {
    const char *buffer;
    const char *cursor;
    const char *end;
} cel_line_info;

// ---- Loading ----

/// Loads libedit and resolves its functions, once; later calls return the first result.
/// Tries $OMNIPANEL_LIBEDIT when set (and nothing else), otherwise libedit.so.2, libedit.so,
/// libedit.3.dylib. Returns 0 when loaded, -1 otherwise (see cel_load_error).
/// Every function in the Editor and History sections below may be called only after it returned 0.
/// Not thread-safe: call it from one thread.
int cel_load(void);
/// Why cel_load failed (the libraries tried and the loader's message), or NULL if it did not.
const char *cel_load_error(void);

// ---- Editor ----

/// el_init on stdin/stdout/stderr.
EditLine *cel_init(const char *program);
/// el_end.
void cel_end(EditLine *el);
/// el_gets: the line read (with its newline), or NULL with `count` -1 and errno set on error/EOF.
const char *cel_gets(EditLine *el, int *count);
/// el_reset: back to a clean state after an interrupted read.
void cel_reset(EditLine *el);
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
/// EL_RPROMPT: the prompt shown at the right edge of the first row while the line leaves room for it.
int cel_set_right_prompt(EditLine *el, cel_prompt_function prompt);
/// EL_GETCFN: reads keys from standard input with read(2), decoding them as libedit's own reader does
/// (mbrtowc in the current locale), after `wait` said a key is there. One reader for the process, like
/// libedit's signal handling. NULL puts libedit's own reader back.
int cel_set_key_reader(EditLine *el, cel_wait_function wait);
/// el_resize: reads the terminal's size again (after SIGWINCH).
void cel_resize(EditLine *el);
/// Writes text to the editor's output stream (EL_GETFP) and flushes it.
void cel_write(EditLine *el, const char *text);
/// el_line: the line being edited.
cel_line_info cel_line(EditLine *el);
/// el_insertstr at the cursor.
int cel_insert(EditLine *el, const char *text);
/// el_deletestr: deletes `count` characters before the cursor.
void cel_delete(EditLine *el, int count);
/// el_getc: reads one key (a byte) through the editor's key reader; -1 at the end of input.
int cel_read_key(EditLine *el);

// ---- History ----

/// history_init.
History *cel_history_init(void);
/// history_end.
void cel_history_end(History *history);
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
/// H_SAVE_FP on a stream over a copy of `descriptor` (a file the caller created safely), flushed and
/// closed; `descriptor` stays open. Number of entries saved, or -1 with errno set.
int cel_history_save_to(History *history, int descriptor);
/// H_CLEAR.
int cel_history_clear(History *history);

// ---- Text (no libedit needed) ----

/// wcwidth: terminal columns taken by a Unicode code point (-1 if not printable).
int cel_char_width(int codepoint);

// ---- SIGINT (no libedit needed) ----

/// Installs a do-nothing SIGINT handler without SA_RESTART (so a blocked read
/// fails with EINTR), remembering the previous disposition.
int cel_catch_sigint(void);
/// Restores the disposition saved by cel_catch_sigint.
int cel_restore_sigint(void);
/// Whether SIGINT arrived since the last call (1) or not (0); clears the record.
int cel_take_interrupt(void);

// ---- SIGWINCH (no libedit needed) ----

/// Catches SIGWINCH for the rest of the process: the handler only records it, without SA_RESTART,
/// so a blocked poll returns. (libedit's own handler, while el_gets runs, resizes and then passes the
/// signal on to the handler it found, this one.)
int cel_catch_window_change(void);
/// Whether the window changed size since the last call (1) or not (0); clears the record.
int cel_take_window_change(void);

// ---- Waiting (no libedit needed) ----

/// Sleeps until standard input can be read (1), `timeout_ms` milliseconds pass (0; -1 waits without
/// limit) or one of the signals above arrives (-1, errno EINTR; also at once when one is already
/// recorded). The signals are blocked between looking at the records and sleeping (ppoll), so none is
/// missed. No busy loop: the process uses no CPU while it sleeps.
int cel_wait_for_input(int timeout_ms);
/// The same for descriptor `fd` (a script read from a pipe).
int cel_wait_for_descriptor(int fd, int timeout_ms);
/// The same for up to 64 descriptors (a terminal and sockets): 1 + the index of the first one that can
/// be read (or that hung up), 0 when `timeout_ms` passed, -1 with errno set (EINTR: a signal above).
int cel_wait_for_descriptors(const int *fds, int count, int timeout_ms);

// ---- SIGTERM and SIGHUP (no libedit needed) ----

/// Catches SIGTERM and SIGHUP for the rest of the process: the handler only records the signal
/// (no SA_RESTART, so a blocked read returns and libedit puts the terminal back first). Both are
/// unblocked, in case the parent started the process with them blocked.
int cel_catch_termination(void);
/// The termination signal caught so far, or 0.
int cel_pending_termination(void);
/// Ends the process by `signo` with its default action, so the parent sees how it ended.
void cel_die_of(int signo);

// ---- SIGTSTP and SIGCONT (no libedit needed) ----

/// Catches SIGTSTP (Ctrl-Z) and SIGCONT for the rest of the process: the process still stops (after
/// libedit, while el_gets runs, has put the terminal back), and the time it spent stopped is added up.
int cel_catch_stop(void);
/// The seconds the process has spent stopped since cel_catch_stop.
double cel_stopped_seconds(void);

#endif
