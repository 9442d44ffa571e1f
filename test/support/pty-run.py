"""Runs a command on a pseudo-terminal and answers its passphrase prompts (test helper).

usage: pty-run.py ARGV_JSON ANSWERS_JSON
Prints one JSON object: {"status": exit code, "output": everything the terminal showed}.
Each answer is typed (followed by Enter) when the next "Passphrase…: " prompt appears, so
nothing is typed before the program turned echo off.
"""
import json, os, pty, re, select, sys

argv = json.loads(sys.argv[1])
answers = json.loads(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)

out = b""
answered = 0
prompt = re.compile(rb"Passphrase(?: again)?: ")
while True:
    ready, _, _ = select.select([fd], [], [], 60)
    if not ready:
        os.kill(pid, 9)
        out += b"\n[pty-run: no output for 60 s, killed]"
        break
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
    while answered < len(answers) and len(prompt.findall(out)) > answered:
        os.write(fd, answers[answered].encode() + b"\r")
        answered += 1
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"status": code, "output": out.decode("utf-8", "replace")}))
