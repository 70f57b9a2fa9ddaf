"""Which process owns something, in a form that survives reboots and process-id reuse.

A process id alone is not an identity: after a crash and a reboot (or just a long day) the id
of a dead presskit is given to another process, and "is process 123 alive?" answers yes for a
stranger. So an owner is recorded as its process id, host, user and a *start token*: on Linux
the boot id (``/proc/sys/kernel/random/boot_id``) and the process's start time in clock ticks
since boot (field 22 of ``/proc/PID/stat``), which together name one process for ever;
elsewhere the time this process first recorded itself, which at least tells processes of this
run apart from a later run's. Locks (``file_lock``) and the app's autosave notes use it to
decide whether their owner still runs.
"""

from __future__ import annotations

import getpass
import os
import socket
import time
from dataclasses import dataclass
from functools import cache

#: Larger than any process id any system hands out (Linux allows up to 2**22); larger values
#: in a file are nonsense, and ``os.kill`` would raise ``OverflowError`` on them.
MAX_PID = 2**31 - 1
#: Longest host, user or token kept from a file (longer ones are nonsense too).
MAX_TEXT = 256


@dataclass(frozen=True)
class Owner:
    """A process: its id, host, user and start token ("" when unknown)."""

    pid: int
    host: str
    user: str = ""
    started: str = ""

    def describe(self) -> str:
        if self.pid <= 0:
            return "an unknown process"
        who = f"{self.user}@{self.host}" if self.user else self.host
        return f"process {self.pid} on {who}" if self.host else f"process {self.pid}"

    def as_json(self) -> dict[str, object]:
        return {"pid": self.pid, "host": self.host, "user": self.user, "started": self.started}


UNKNOWN = Owner(0, "")


def _read_small(path: str) -> str:
    try:
        with open(path, encoding="ascii", errors="replace") as file:
            return file.read(4096)
    except OSError:
        return ""


@cache
def boot_id() -> str:
    """This boot of this machine (Linux), else ""."""
    return _read_small("/proc/sys/kernel/random/boot_id").strip()


def linux_start_ticks(pid: int) -> str:
    """When process ``pid`` started, in clock ticks since boot; "" if unknown or gone."""
    if not 0 < pid <= MAX_PID:
        return ""
    stat = _read_small(f"/proc/{pid}/stat")
    # Field 2 (the command name) is in parentheses and may hold spaces or ')': the fields
    # after the last ')' start at field 3, so field 22 is the 20th of them.
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 and fields[19].isdigit() else ""


def start_token(pid: int) -> str:
    """The start token of a running process ``pid`` on this host (Linux), else ""."""
    boot, ticks = boot_id(), linux_start_ticks(pid)
    return f"{boot}/{ticks}" if boot and ticks else ""


@cache
def _first_seen() -> str:
    return f"t/{time.time_ns()}"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name at all (a container without passwd entry)
        return str(os.getuid()) if hasattr(os, "getuid") else ""


def this_process() -> Owner:
    """This process, as any other process would record it."""
    pid = os.getpid()
    return Owner(pid, socket.gethostname(), _user(), start_token(pid) or _first_seen())


def pid_is_running(pid: int) -> bool:
    """Whether some process has id ``pid`` on this host (``True`` where that cannot be told:
    a warning too many beats two silent editors)."""
    if not 0 < pid <= MAX_PID:
        return False
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, but alive
    return True


def is_running(owner: Owner) -> bool:
    """Whether ``owner`` (a process of this host) still runs.

    Its id must be in use and, when its start token was recorded on Linux, by the process
    that recorded it: another boot, or another start time, means the id was reused.
    """
    if not pid_is_running(owner.pid):
        return False
    recorded_boot, _, recorded_ticks = owner.started.partition("/")
    if recorded_boot == "t":  # a start time from a system without /proc: cannot be compared
        return True
    if recorded_boot and boot_id() and recorded_boot != boot_id():
        return False  # recorded before a reboot: every process of that boot is gone
    current = linux_start_ticks(owner.pid)
    return not (recorded_ticks and current and recorded_ticks != current)


def same_host(owner: Owner) -> bool:
    return owner.host == socket.gethostname()


def owner_from_json(data: object) -> Owner | None:
    """The owner a JSON object names, or ``None`` when it is not a sensible one (an absurd
    pid, a non-text host, anything else odd): never an exception."""
    if not isinstance(data, dict):
        return None
    pid, host = data.get("pid"), data.get("host")
    user, started = data.get("user", ""), data.get("started", "")
    if (type(pid) is not int or not 0 < pid <= MAX_PID
            or not all(isinstance(v, str) and len(v) <= MAX_TEXT
                       for v in (host, user, started))):
        return None
    return Owner(pid, str(host), str(user), str(started))

