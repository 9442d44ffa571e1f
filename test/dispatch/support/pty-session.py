"""Runs a command on a pseudo-terminal and plays a script of steps against it (tests of `dispatch repl`).

usage: pty-session.py STEPS_JSON -- COMMAND...
Steps: {"expect": text, "timeout": s} waits for text in the output (since the last expect);
{"send": text} writes to the terminal; {"file_in": dir} waits until a file appears in dir;
{"exit": code} waits for the process to end with that status.
Prints the whole output on stdout; exits 1 (with the reason on stderr) when a step fails.
"""
import json, os, pty, select, sys, time

steps = json.loads(sys.argv[1])
cmd = sys.argv[sys.argv.index('--') + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)

out = b''
mark = 0

def pump(timeout):
    global out
    r, _, _ = select.select([fd], [], [], timeout)
    if not r:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    if not chunk:
        return False
    out += chunk
    return True

def fail(reason):
    sys.stdout.write(out.decode('utf8', 'replace'))
    sys.stderr.write(reason + '\n')
    try:
        os.kill(pid, 9)
    except OSError:
        pass
    sys.exit(1)

for step in steps:
    end = time.time() + step.get('timeout', 20)
    if 'expect' in step:
        want = step['expect'].encode()
        while want not in out[mark:]:
            if time.time() > end or not pump(max(0.0, end - time.time())):
                fail('did not see %r' % step['expect'])
        mark = out.index(want, mark) + len(want)
    elif 'send' in step:
        os.write(fd, step['send'].encode())
    elif 'file_in' in step:
        while not [n for n in os.listdir(step['file_in']) if n.startswith('msg-')] if os.path.isdir(step['file_in']) else True:
            if time.time() > end:
                fail('no file appeared in %s' % step['file_in'])
            pump(0.02)
    elif 'exit' in step:
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.time() > end:
                fail('the process did not end')
            pump(0.05)
        while pump(0.05) and time.time() < end:
            pass
        code = os.waitstatus_to_exitcode(status)
        if code != step['exit']:
            fail('exit status %d, expected %d' % (code, step['exit']))
sys.stdout.write(out.decode('utf8', 'replace'))
