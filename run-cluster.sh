#!/usr/bin/env bash
# Builds and runs the invoker/callee sample: a parent process starts a worker process, which
# registers its callee under a service key; the parent calls it by that key with the invoker,
# sleep(1000), max(1, 2, 3) and an operation that fails, and prints the results and the
# worker's error. The two processes are nodes of one Akka.NET cluster (Akka.Remote, TCP on
# 127.0.0.1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
dotnet build samples/InvokerCallee -c Release -nologo -v quiet
exec dotnet samples/InvokerCallee/bin/Release/net10.0/InvokerCallee.dll "$@"
