// libedit through dlopen: the library is mapped only when an interactive prompt starts
// (cel_load), never when omnipanel runs a script. <histedit.h> is needed at build time only,
// for the prototypes; nothing links against libedit.

#include "CEditLine.h"

#include <dlfcn.h>
#include <errno.h>
#include <histedit.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

_Static_assert(CEL_CC_NORM == CC_NORM, "CEL_CC_NORM differs from libedit's CC_NORM");
_Static_assert(CEL_CC_NEWLINE == CC_NEWLINE, "CEL_CC_NEWLINE differs from libedit's CC_NEWLINE");
_Static_assert(CEL_CC_REFRESH == CC_REFRESH, "CEL_CC_REFRESH differs from libedit's CC_REFRESH");
_Static_assert(CEL_CC_ERROR == CC_ERROR, "CEL_CC_ERROR differs from libedit's CC_ERROR");
_Static_assert(CEL_CC_REFRESH_BEEP == CC_REFRESH_BEEP, "CEL_CC_REFRESH_BEEP differs from libedit's CC_REFRESH_BEEP");

// Every libedit function the shim calls.
#define CEL_LIBEDIT_FUNCTIONS(X) \
    X(el_init) X(el_end) X(el_gets) X(el_reset) X(el_set) X(el_get) X(el_line) \
    X(el_insertstr) X(el_deletestr) X(el_getc) X(el_resize) X(history_init) X(history_end) X(history)

// One pointer per function, named after it. __typeof__ takes each prototype from <histedit.h>,
// variadic ones (el_set, el_get, history) included, so calls through them are type-checked and
// passed exactly as direct calls would be.
static struct {
#define CEL_POINTER(name) __typeof__(name) *name;
    CEL_LIBEDIT_FUNCTIONS(CEL_POINTER)
#undef CEL_POINTER
} edit;

// ---- Loading ----

/// 1 before the first cel_load, then its result.
static int load_status = 1;
static char load_error[512];

/// Resolves every function in `library`; on failure names the first one missing.
static int resolve(void *library, const char *path) {
#define CEL_RESOLVE(name)                                                        \
    if ((edit.name = (__typeof__(edit.name))dlsym(library, #name)) == NULL) {    \
        snprintf(load_error, sizeof load_error, "%s has no function %s", path, #name); \
        return -1;                                                               \
    }
    CEL_LIBEDIT_FUNCTIONS(CEL_RESOLVE)
#undef CEL_RESOLVE
    return 0;
}

/// Opens `path` and resolves it; keeps the loader's message in load_error when `record` is set.
static int load_from(const char *path, int record) {
    void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *message = dlerror();
        if (record)
            snprintf(load_error, sizeof load_error, "%s", message ? message : path);
        return -1;
    }
    if (resolve(library, path) != 0) {
        memset(&edit, 0, sizeof edit);
        dlclose(library);
        return -1;
    }
    return 0;
}

int cel_load(void) {
    if (load_status != 1)
        return load_status;
    const char *override = getenv("OMNIPANEL_LIBEDIT");
    if (override != NULL && override[0] != '\0') {
        load_status = load_from(override, 1);
        return load_status;
    }
    // The first name is the one to report: it is what Linux distributions ship (libedit2).
    static const char *const names[] = {"libedit.so.2", "libedit.so", "libedit.3.dylib"};
    load_status = -1;
    for (size_t index = 0; index < sizeof names / sizeof names[0] && load_status != 0; index++)
        load_status = load_from(names[index], index == 0);
    return load_status;
}

const char *cel_load_error(void) {
    return load_status == -1 ? load_error : NULL;
}

// ---- Editor ----

EditLine *cel_init(const char *program) {
    return edit.el_init(program, stdin, stdout, stderr);
}

void cel_end(EditLine *el) {
    edit.el_end(el);
}

const char *cel_gets(EditLine *el, int *count) {
    return edit.el_gets(el, count);
}

void cel_reset(EditLine *el) {
    edit.el_reset(el);
}

int cel_set_prompt(EditLine *el, cel_prompt_function prompt) {
    return edit.el_set(el, EL_PROMPT, prompt);
}

int cel_set_editor(EditLine *el, const char *mode) {
    return edit.el_set(el, EL_EDITOR, mode);
}

int cel_set_signal(EditLine *el, int on) {
    return edit.el_set(el, EL_SIGNAL, on);
}

int cel_set_history(EditLine *el, History *history_) {
    return edit.el_set(el, EL_HIST, edit.history, history_);
}

int cel_set_client_data(EditLine *el, void *data) {
    return edit.el_set(el, EL_CLIENTDATA, data);
}

void *cel_client_data(EditLine *el) {
    void *data = NULL;
    return edit.el_get(el, EL_CLIENTDATA, &data) == 0 ? data : NULL;
}

int cel_add_function(EditLine *el, const char *name, const char *help, cel_key_function function) {
    return edit.el_set(el, EL_ADDFN, name, help, function);
}

int cel_bind(EditLine *el, const char *keys, const char *function) {
    return edit.el_set(el, EL_BIND, keys, function, (const char *)NULL);
}

int cel_terminal_columns(EditLine *el) {
    int columns = 0;
    if (edit.el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0 || columns <= 0)
        return 80;
    return columns;
}

int cel_redraw(EditLine *el) {
    return edit.el_set(el, EL_REFRESH);
}

int cel_set_right_prompt(EditLine *el, cel_prompt_function prompt) {
    return edit.el_set(el, EL_RPROMPT, prompt);
}

/// The wait function of the key reader.
static cel_wait_function key_reader_wait;

/// Reads one character: waits with key_reader_wait, then reads bytes until they make a character,
/// dropping invalid bytes as libedit's own reader does. 1 with the character, 0 at the end of input,
/// -1 with errno set on an error or when the wait says so.
static int read_key(EditLine *el, wchar_t *character) {
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    *character = L'\0';
    for (;;) {
        // Only a character's first byte waits: the rest of a UTF-8 sequence comes with it.
        if (count == 0 && key_reader_wait(el) != 0)
            return -1;
        ssize_t got = read(STDIN_FILENO, bytes + count, 1);
        if (got < 0 && errno == EINTR)
            continue; // the wait looks at the signal before anything blocks again
        if (got <= 0)
            return (int)got;
        count++;
        for (;;) {
            mbstate_t state;
            memset(&state, 0, sizeof state);
            size_t result = mbrtowc(character, bytes, count, &state);
            if (result == (size_t)-2) { // incomplete: read another byte
                if (count < sizeof bytes)
                    break;
                errno = EILSEQ;
                return -1;
            }
            if (result != (size_t)-1)
                return 1;
            if (count == 1) { // an invalid byte: drop it
                count = 0;
                break;
            }
            bytes[0] = bytes[count - 1]; // an invalid sequence: keep its last byte, which may start the next
            count = 1;
        }
    }
}

int cel_set_key_reader(EditLine *el, cel_wait_function wait) {
    key_reader_wait = wait;
    return edit.el_set(el, EL_GETCFN, wait == NULL ? EL_BUILTIN_GETCFN : read_key);
}

void cel_resize(EditLine *el) {
    edit.el_resize(el);
}

void cel_write(EditLine *el, const char *text) {
    FILE *out = NULL;
    if (edit.el_get(el, EL_GETFP, 1, &out) != 0 || out == NULL)
        out = stdout;
    fputs(text, out);
    fflush(out);
}

cel_line_info cel_line(EditLine *el) {
    const LineInfo *info = edit.el_line(el);
    cel_line_info line = {info->buffer, info->cursor, info->lastchar};
    return line;
}

int cel_insert(EditLine *el, const char *text) {
    return edit.el_insertstr(el, text);
}

void cel_delete(EditLine *el, int count) {
    edit.el_deletestr(el, count);
}

int cel_read_key(EditLine *el) {
    char key;
    return edit.el_getc(el, &key) == 1 ? (unsigned char)key : -1;
}

// ---- History ----

History *cel_history_init(void) {
    return edit.history_init();
}

void cel_history_end(History *history_) {
    edit.history_end(history_);
}

int cel_history_set_size(History *h, int size) {
    HistEvent event;
    return edit.history(h, &event, H_SETSIZE, size);
}

int cel_history_set_unique(History *h, int on) {
    HistEvent event;
    return edit.history(h, &event, H_SETUNIQUE, on);
}

int cel_history_enter(History *h, const char *line) {
    HistEvent event;
    return edit.history(h, &event, H_ENTER, line);
}

int cel_history_load(History *h, const char *path) {
    HistEvent event;
    return edit.history(h, &event, H_LOAD, path);
}

int cel_history_save(History *h, const char *path) {
    HistEvent event;
    return edit.history(h, &event, H_SAVE, path);
}

int cel_history_save_to(History *h, int descriptor) {
    int copy = dup(descriptor);
    if (copy < 0) return -1;
    FILE *stream = fdopen(copy, "w");
    if (stream == NULL) {
        close(copy);
        return -1;
    }
    HistEvent event;
    int saved = edit.history(h, &event, H_SAVE_FP, stream);
    int saveError = errno;
    if (fclose(stream) != 0) return -1;
    if (saved < 0) errno = saveError;
    return saved;
}

int cel_history_clear(History *h) {
    HistEvent event;
    return edit.history(h, &event, H_CLEAR);
}
