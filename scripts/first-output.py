#!/usr/bin/env python3
"""Time from starting a program on a terminal to its first output there.

    scripts/first-output.py RUNS PROGRAM TEXT [PROGRAM TEXT ...]

Each PROGRAM runs RUNS times in a fresh pseudo-terminal (so omnipanel starts its interactive prompt,
line editor and all); the clock stops when TEXT appears on the terminal (`omnipanel>` for the
prompt, `hello` for a hello-world). The programs take turns, so load on the machine hits them
alike. A PROGRAM may carry arguments, split as a shell would (`"omnipanel --state s.db"`). Prints one line per program: the median in milliseconds and how many runs saw TEXT.
"""
import os, pty, select, shlex, statistics, sys, tempfile, time


def first_output(argv, text, env):
    start = time.perf_counter()
    pid, terminal = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    seen, elapsed = b"", None
    while elapsed is None:
        ready, _, _ = select.select([terminal], [], [], 5)
        chunk = os.read(terminal, 4096) if ready else b""
        if not chunk:
            break
        seen += chunk
        if text in seen:
            elapsed = time.perf_counter() - start
    try:
        os.write(terminal, b"quit\n")
        while os.read(terminal, 4096):
            pass
    except OSError:
        pass  # the program has ended and closed the terminal
    os.waitpid(pid, 0)
    os.close(terminal)
    return elapsed


def main():
    runs = int(sys.argv[1])
    programs = [(sys.argv[i], sys.argv[i + 1].encode()) for i in range(2, len(sys.argv), 2)]
    home = tempfile.mkdtemp()  # an empty history, the same for every run
    env = dict(os.environ, HOME=home, XDG_STATE_HOME=home, TERM="xterm-256color")
    times = {program: [] for program, _ in programs}
    for _ in range(runs):
        for program, text in programs:
            elapsed = first_output(shlex.split(program), text, env)
            if elapsed is not None:
                times[program].append(elapsed)
    for program, _ in programs:
        found = times[program]
        median = statistics.median(found) * 1000 if found else float("nan")
        print(f"{median:.3f}\t{len(found)}\t{program}")


main()
