"""Runs Ralph's LRS API with its file backend, in this process, for the tests.

Usage: ralph_server.py HOST PORT DATA_DIR (with RALPH_APP_DIR pointing at the
folder whose auth.json `ralph auth` wrote). Unlike `ralph runserver` it does
not start a file-watching reloader. Ralph 5.1's file backend opens its one
statements file in "create" mode, so the second write fails with "already
exists"; an LRS keeps every statement, so writes append here.
"""
import os
import sys

host, port, data = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = data

from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402

uvicorn.run("ralph.api:app", host=host, port=port, log_level="warning")
