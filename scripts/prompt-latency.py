#!/usr/bin/env python3
"""Time each command typed at omnipanel's prompt, on a pseudo-terminal.

    scripts/prompt-latency.py COMMANDS PROGRAM [PROGRAM ...]

Each PROGRAM (split as a shell would, e.g. `"omnipanel --state s.db"`) starts its interactive prompt
in a fresh pseudo-terminal; each line of the file COMMANDS is typed with its Enter, and the clock
runs from the Enter to the next prompt (`omnipanel>` after the accepted line and the command's output). Prints one line
per program: the median and the 99th percentile in milliseconds, and how many commands answered.
"""
import os, pty, select, shlex, statistics, sys, tempfile, time

PROMPT = b"omnipanel>"


def read_until(terminal, text, seen=b""):
    while text not in seen:
        ready, _, _ = select.select([terminal], [], [], 10)
        chunk = os.read(terminal, 65536) if ready else b""
        if not chunk:
            return None
        seen += chunk
    return seen[seen.index(text) + len(text):]


def latencies(argv, commands, env):
    pid, terminal = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    times = []
    rest = read_until(terminal, PROMPT)
    for command in commands:
        if rest is None:
            break
        start = time.perf_counter()
        os.write(terminal, command.encode() + b"\r")
        # The editor draws the accepted line again (`omnipanel> COMMAND`, then a newline); the
        # command's output follows, then the next prompt.
        rest = read_until(terminal, command.encode() + b"\r\n", rest)
        rest = rest if rest is None else read_until(terminal, PROMPT, rest)
        if rest is not None:
            times.append(time.perf_counter() - start)
    try:
        os.write(terminal, b"quit\r")
        while os.read(terminal, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(terminal)
    return times


def main():
    commands = [line.rstrip("\n") for line in open(sys.argv[1]) if line.strip()]
    home = tempfile.mkdtemp()
    env = dict(os.environ, HOME=home, XDG_STATE_HOME=home, TERM="xterm-256color", NO_COLOR="1")
    for program in sys.argv[2:]:
        times = sorted(latencies(shlex.split(program), commands, env))
        median = statistics.median(times) * 1000 if times else float("nan")
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000 if times else float("nan")
        print(f"{median:.3f}\t{p99:.3f}\t{len(times)}\t{program}")


main()
