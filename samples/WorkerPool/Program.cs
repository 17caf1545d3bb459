using System.Diagnostics;
using System.Globalization;
using ActorIpc;
using ActorIpc.Hosting;
using Akka.Actor;
using WorkerPool;

// One program, two roles. Without arguments it is the parent, the cluster's seed: its fleet starts
// the pool that worker-pool.conf describes (two copies of this program, run with "worker") and keeps
// it alive; the parent calls the workers by key at a steady pace, kills one with SIGKILL, and shows
// what follows. With "worker" it is a worker: its parent's fleet hands it the seed, its replica and
// its role in the environment; it registers its callee under both keys and lives until its parent
// closes its stdin (or dies).
const string Pool = "worker";

// Calls each worker must have answered on each key before the kill, and the restarted one after.
const int Warm = 50;
var pace = TimeSpan.FromMilliseconds(5);
var patience = TimeSpan.FromSeconds(30);

return args is ["worker"] ? await RunWorkerAsync() : await RunParentAsync();

static NodeOptions Options() => new() { ConfigFile = Path.Combine(AppContext.BaseDirectory, "worker-pool.conf") };

static async Task<int> RunWorkerAsync()
{
    await using var node = await ActorIpcNode.StartAsync(Options());
    var replica = int.Parse(Environment.GetEnvironmentVariable("ACTORIPC_REPLICA") ?? "0", CultureInfo.InvariantCulture);
    var worker = node.System.ActorOf(Props.Create(typeof(PoolWorker), replica), "worker");
    var receptionist = Receptionist.Get(node.System);
    receptionist.Register(Keys.Work, worker);
    receptionist.Register(Keys.WorkIdempotent, worker);

    // The node ends when the parent closes this process's stdin: it leaves the cluster first.
    await node.System.WhenTerminated;
    return 0;
}

async Task<int> RunParentAsync()
{
    // Disposing the node stops the fleet in order, whatever happened: no worker outlives the sample.
    await using var node = await ActorIpcNode.StartAsync(Options());
    try
    {
        return await ShowAsync(node.System);
    }
    catch (Exception e) when (e is TimeoutException or InvocationException or ReplicaFailedException)
    {
        Console.Error.WriteLine($"the sample failed: {e}");
        return 1;
    }
}

async Task<int> ShowAsync(ActorSystem system)
{
    var fleet = Fleet.Get(system);
    var started = Stopwatch.GetTimestamp();
    await fleet.StartAsync().WaitAsync(patience);
    var (first, second) = (ProcessId(fleet.Status, 0), ProcessId(fleet.Status, 1));
    Console.WriteLine($"pool of 2 workers started from worker-pool.conf: worker 0 (pid {first}) and worker 1 (pid {second}), ready after {Seconds(started, Stopwatch.GetTimestamp())}");

    var invoker = Invoker.Get(system);
    var plain = new PacedCalls(invoker, Keys.Work, pace);
    var idempotent = new PacedCalls(invoker, Keys.WorkIdempotent, pace);
    plain.Start();
    idempotent.Start();
    await Task.WhenAll(new[] { first, second }.SelectMany(pid => new[] { plain.AnsweredAsync(pid, Warm), idempotent.AnsweredAsync(pid, Warm) })).WaitAsync(patience);
    Console.WriteLine($"calling '{Keys.Work.Name}' and '{Keys.WorkIdempotent.Name}' (idempotent) every {pace.TotalMilliseconds:0} ms each; both workers answer");

    // The moment this process stops listing worker 1's callee is when calls stop going there.
    var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var unlisted = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
    var watcher = system.ActorOf(Props.Create(typeof(GoneFromListing), fleet.Status.Find(Pool, 1)!.Address!, subscribed, unlisted));
    Receptionist.Get(system).Subscribe(Keys.Work, watcher);
    await subscribed.Task.WaitAsync(patience);

    var killedAt = DateTimeOffset.UtcNow;
    var killed = Stopwatch.GetTimestamp();
    using (var victim = Process.GetProcessById(second))
    {
        victim.Kill();
    }

    Console.WriteLine($"worker 1 (pid {second}) killed with SIGKILL");

    // The fleet sees its child exit, downs its member and drops its callees from this node's view.
    var exit = (await WaitForAsync(fleet, s => s.Find(Pool, 1)?.LastExit?.ProcessId == second)).Find(Pool, 1)!.LastExit!;
    Console.WriteLine($"the fleet saw it {Span(exit.At - killedAt)} after the kill: {exit}");

    var unlistedAt = await unlisted.Task.WaitAsync(patience);
    var failedEarly = (await plain.StartedBeforeAsync(unlistedAt)).Concat(await idempotent.StartedBeforeAsync(unlistedAt)).Where(c => c.Error is not null);
    var rerouted = failedEarly.Select(c => c.Ended).Append(unlistedAt).Max();
    Console.WriteLine($"calls re-routed to worker 0 {Milliseconds(killed, rerouted)} after the kill: no call went to pid {second} from then on");

    // The fleet restarts worker 1 after its backoff; it serves again once it has joined and registered.
    var restarted = (await WaitForAsync(fleet, s => s.Find(Pool, 1) is { ProcessId: { } pid } && pid != second)).Find(Pool, 1)!;
    var third = restarted.ProcessId!.Value;
    Console.WriteLine($"worker 1 restarted by the fleet as pid {third}, {Span(restarted.StartedAt!.Value - killedAt)} after the kill");
    var serving = (await Task.WhenAll(plain.FirstAnswerFromAsync(third), idempotent.FirstAnswerFromAsync(third)).WaitAsync(patience)).Min();
    Console.WriteLine($"worker 1 (pid {third}) serving again {Milliseconds(killed, serving)} after the kill");

    await Task.WhenAll(new[] { first, third }.SelectMany(pid => new[] { plain.AnsweredAsync(pid, Warm), idempotent.AnsweredAsync(pid, Warm) })).WaitAsync(patience);
    var plainCalls = await plain.StopAsync();
    var idempotentCalls = await idempotent.StopAsync();
    var calls = plainCalls.Concat(idempotentCalls).ToArray();
    var errors = calls.Where(c => c.Error is not null).ToArray();
    var idempotentErrors = idempotentCalls.Count(c => c.Error is not null);
    Console.WriteLine($"failed calls: {errors.Length - idempotentErrors} of '{Keys.Work.Name}', {idempotentErrors} of '{Keys.WorkIdempotent.Name}'");
    Console.WriteLine(errors.Length == 0 ? "  first failure: none" : $"  first failure: {errors.MinBy(c => c.Ended)!.Error!.GetType().Name}: {errors.MinBy(c => c.Ended)!.Error!.Message}");

    // Who answered, in three spans: before the kill, until the restarted worker served, after.
    Console.WriteLine($"answered before the kill: {Answered(calls, long.MinValue, killed, (0, first), (1, second))}");
    Console.WriteLine($"answered from the kill until worker 1 served again: {Answered(calls, killed, serving, (0, first), (1, second))}");
    Console.WriteLine($"answered since: {Answered(calls, serving, long.MaxValue, (0, first), (1, third))}");
    Console.WriteLine($"calls: {calls.Length} made, {calls.Length - errors.Length} answered, {errors.Length} failed ({idempotentErrors} failed for idempotent keys)");

    await fleet.StopAsync().WaitAsync(patience);
    var left = new[] { first, second, third }.Where(IsRunning).ToArray();
    Console.WriteLine(left.Length == 0 ? "workers stopped; none left running" : $"workers stopped; still running: {string.Join(", ", left)}");

    // What the pool promises: only calls in flight to the dead worker failed, and only those of the key that is not idempotent.
    var unexpected = errors.Where(c => c.Error is not CalleeTerminatedException { CalleeProcessId: var pid } || pid != second || c.Started >= unlistedAt).ToArray();
    foreach (var call in unexpected)
    {
        Console.Error.WriteLine($"unexpected failure: {call.Error}");
    }

    return unexpected.Length == 0 && idempotentErrors == 0 && left.Length == 0 ? 0 : 1;
}

async Task<FleetStatus> WaitForAsync(Fleet fleet, Func<FleetStatus, bool> condition)
{
    using var timeout = new CancellationTokenSource(patience);
    try
    {
        await foreach (var status in fleet.WatchStatusAsync(timeout.Token))
        {
            if (condition(status))
            {
                return status;
            }
        }
    }
    catch (OperationCanceledException)
    {
        // Reported below.
    }

    throw new TimeoutException($"the pool did not get there within {patience.TotalSeconds:0} s");
}

static int ProcessId(FleetStatus status, int worker) => status.Find(Pool, worker)!.ProcessId!.Value;

// The calls each worker's process answered that ended in [from, to).
static string Answered(CallOutcome[] calls, long from, long to, params (int Worker, int ProcessId)[] workers) =>
    string.Join(", ", workers.Select(w => $"worker {w.Worker} (pid {w.ProcessId}) {calls.Count(c => c.ProcessId == w.ProcessId && c.Ended >= from && c.Ended < to)}"));

static string Seconds(long from, long to) => string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(from, to).TotalSeconds:0.00} s");

static string Milliseconds(long from, long to) => Span(Stopwatch.GetElapsedTime(from, to));

static string Span(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0} ms");

static bool IsRunning(int processId)
{
    try
    {
        using var process = Process.GetProcessById(processId);
        return !process.HasExited;
    }
    catch (ArgumentException)
    {
        return false;
    }
}
