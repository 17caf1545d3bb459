#!/usr/bin/env bash
# Builds and runs two samples, each a cluster of processes (Akka.NET nodes over Akka.Remote, TCP
# on 127.0.0.1):
#   invoker-callee  a parent process starts a worker process, which registers its callee under a
#                   service key; the parent calls it by that key with the invoker, sleep(1000),
#                   max(1, 2, 3) and an operation that fails, and prints the results and the
#                   worker's error.
#   worker-pool     a parent process's fleet starts two worker processes from worker-pool.conf; the
#                   parent calls them by key every 5 ms, kills one with SIGKILL, and prints how the
#                   calls went on to the other worker, the restart, and the restarted worker serving
#                   again, with the times measured and the calls each worker answered.
# ./run-cluster.sh runs both, one after the other; ./run-cluster.sh NAME runs one of them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
case "${1:-all}" in
  all) samples=(InvokerCallee WorkerPool) ;;
  invoker-callee) samples=(InvokerCallee) ;;
  worker-pool) samples=(WorkerPool) ;;
  *) echo "usage: $0 [invoker-callee|worker-pool]" >&2; exit 2 ;;
esac
# WorkerPool is published ReadyToRun, as an application deploys its workers: a restarted worker
# then serves about 0.3 s sooner (it does not compile Akka's code as it starts). The others build.
rid="linux-$(uname -m | sed 's/^x86_64$/x64/; s/^aarch64$/arm64/')"
for sample in "${samples[@]}"; do
  if [ "$sample" = WorkerPool ]; then
    dotnet publish "samples/$sample" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "out/$sample" -nologo -v quiet -clp:NoSummary
  else
    dotnet build "samples/$sample" -c Release -nologo -v quiet
  fi
done
for sample in "${samples[@]}"; do
  [ "${#samples[@]}" -gt 1 ] && echo "== samples/$sample"
  if [ "$sample" = WorkerPool ]; then
    dotnet "out/$sample/$sample.dll"
  else
    dotnet "samples/$sample/bin/Release/net10.0/$sample.dll"
  fi
done
