#!/usr/bin/env bash
# Builds and runs the invoker/callee sample: a parent process starts a worker process, then
# asks it sleep(1000), max(1, 2, 3) and an operation that fails, and prints the results and
# the worker's error. The two processes talk over a Unix domain socket.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
dotnet build samples/InvokerCallee -c Release -nologo -v quiet
exec dotnet samples/InvokerCallee/bin/Release/net10.0/InvokerCallee.dll "$@"
