#!/usr/bin/env python3
"""Role-play latency: from a trainer's `say` sent on the socket to its text on the trainee's terminal.

    scripts/roleplay-latency.py [RUNS] [OMNIPANEL]
    scripts/roleplay-latency.py --flood [RUNS] [OMNIPANEL]

Starts the trainee's prompt (`OMNIPANEL --state shift.db`, default .build/release/omnipanel, else
.build/debug/omnipanel) in a fresh pseudo-terminal and a temporary folder, connects to its socket as
`omnipanel customer` does, brings Kenny Smith (`arrive`), then sends RUNS (default 100) `say` requests
one at a time, each with its own text; the clock stops when the text shows on the terminal. Prints
the median, the 90th percentile and the slowest, in milliseconds (issue 19's target: a median under 50 ms).

With --flood a second trainer sends 100 `say` a second (without reading the answers: a trainer who
stalls) while the trainee types `clock` RUNS times; the clock stops when its answer shows: the
trainee's own command latency under a trainer's flood.
"""
import json, os, pty, select, shutil, socket, statistics, sys, tempfile, threading, time


def main():
    arguments = sys.argv[1:]
    flood = arguments[:1] == ["--flood"]
    arguments = arguments[1:] if flood else arguments
    runs = int(arguments[0]) if arguments else 100
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    program = arguments[1] if len(arguments) > 1 else next(
        (path for path in (f"{root}/.build/release/omnipanel", f"{root}/.build/debug/omnipanel") if os.path.exists(path)),
        None)
    if program is None:
        sys.exit("roleplay-latency: build omnipanel first (swift build -c release)")
    program = os.path.abspath(program)
    folder = tempfile.mkdtemp(prefix="roleplay-")
    env = dict(os.environ, HOME=folder, XDG_STATE_HOME=folder, TERM="xterm-256color", LANG="C.UTF-8")
    pid, terminal = pty.fork()
    if pid == 0:
        os.chdir(folder)
        os.execve(program, [program, "--state", "shift.db"], env)
    screen = b""

    def read_until(text, timeout=10):
        nonlocal screen
        deadline = time.perf_counter() + timeout
        while text not in screen:
            ready, _, _ = select.select([terminal], [], [], max(0, deadline - time.perf_counter()))
            if not ready:
                sys.exit(f"roleplay-latency: {text!r} never showed")
            screen += os.read(terminal, 65536)
        screen = screen[screen.index(text) + len(text):]

    read_until(b"omnipanel>")
    trainer = socket.socket(socket.AF_UNIX)
    trainer.connect(os.path.join(folder, "shift.db.sock"))
    replies = trainer.makefile("rb")

    def request(**members):
        trainer.sendall(json.dumps(members).encode() + b"\n")

    request(command="arrive", customer="Kenny Smith", channel="chat")
    replies.readline()
    read_until(b"Kenny Smith: incoming")
    times = []
    if flood:
        flooding = threading.Event()
        flooder = socket.socket(socket.AF_UNIX)
        flooder.connect(os.path.join(folder, "shift.db.sock"))
        flooder.setblocking(False)

        def send_flood():
            number = 0
            while not flooding.is_set():
                line = json.dumps(dict(command="say", customer="Kenny Smith", text=f"flood {number}")).encode()
                try:
                    flooder.send(line + b"\n")
                except BlockingIOError:
                    pass  # the trainee's prompt is busy: this line is dropped, as a trainer's typing would wait
                number += 1
                time.sleep(0.01)

        thread = threading.Thread(target=send_flood)
        thread.start()
        for number in range(runs):
            start = time.perf_counter()
            os.write(terminal, b"clock\n")
            read_until(b"Clock: ")
            times.append((time.perf_counter() - start) * 1000)
            time.sleep(0.05)
        flooding.set()
        thread.join()
        flooder.close()
    else:
        for number in range(runs):
            text = f"ping {number:04d}"
            start = time.perf_counter()
            request(command="say", customer="Kenny Smith", text=text)
            read_until(text.encode())
            times.append((time.perf_counter() - start) * 1000)
            replies.readline()  # the answer, so that nothing piles up
    trainer.close()
    os.write(terminal, b"quit\n")
    try:
        while os.read(terminal, 65536):
            pass
    except OSError:
        pass  # the prompt has ended and closed the terminal
    os.waitpid(pid, 0)
    shutil.rmtree(folder, ignore_errors=True)
    times.sort()
    print(f"{runs} {'clock under a flood of say' if flood else 'say'}: median {statistics.median(times):.1f} ms, "
          f"p90 {times[int(len(times) * 0.9) - 1]:.1f} ms, slowest {times[-1]:.1f} ms ({os.path.basename(program)} at {program})")


if __name__ == "__main__":
    main()
