using System.Diagnostics;
using ActorIpc;
using ActorIpc.Hocon;
using ActorIpc.Hosting;
using Akka.Actor;
using CacheRefresh;

// One program, three processes: without arguments it is the parent, the cluster's seed, which
// starts two copies of itself as "worker 1" and "worker 2". A worker finds the seed in the
// ACTORIPC_SEED environment variable the parent sets for it, subscribes its cache actor to the
// messenger's topic and lives until the parent closes its stdin. The parent tells every worker to
// refresh its cache (Broadcast to the role "worker"), then one of them (SendToOne).
const string Topic = "cache";
const string WorkerRole = "worker";
const int Workers = 2;
var timeout = TimeSpan.FromSeconds(30);

return args is ["worker", var number] ? await RunWorkerAsync($"worker-{number}") : await RunParentAsync();

NodeOptions Options(string role) => new()
{
    ConfigFile = Path.Combine(AppContext.BaseDirectory, "cache-refresh.conf"),
    Config = ConfigFactory.ParseString($"actoripc.node.roles = [ {role} ]", new ConfigParseOptions { Resolve = false, OriginName = "Program.cs" }),
};

async Task<int> RunWorkerAsync(string name)
{
    await using var node = await ActorIpcNode.StartAsync(Options(WorkerRole));
    var cache = node.System.ActorOf(Props.Create(typeof(CacheActor), name), "cache");
    await Messenger.Get(node.System).SubscribeAsync(Topic, cache);
    Console.WriteLine($"READY {node.Address}");

    // The worker lives as long as its parent: the parent holds the other end of stdin.
    await Console.In.ReadToEndAsync();
    return 0;
}

async Task<int> RunParentAsync()
{
    await using var node = await ActorIpcNode.StartAsync(Options("parent"));
    var workers = Enumerable.Range(1, Workers).Select(number => StartWorker(node.Address, number)).ToList();
    try
    {
        foreach (var worker in workers)
        {
            var ready = await worker.StandardOutput.ReadLineAsync().WaitAsync(timeout);
            if (ready is null || !ready.StartsWith("READY ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"worker {worker.Id} exited or printed '{ready}' before it was ready");
            }

            _ = DrainAsync(worker.StandardOutput);
        }

        // The workers' subscriptions reach this process by gossip: count them before broadcasting.
        var messenger = Messenger.Get(node.System);
        await messenger.WaitForSubscribersAsync(Topic, Workers, WorkerRole, timeout);
        Console.WriteLine($"{Workers} workers subscribed to '{Topic}'");

        var inbox = Inbox.Create(node.System);
        messenger.Broadcast(Topic, new RefreshCache("prices", inbox.Receiver), WorkerRole);
        for (var i = 0; i < Workers; i++)
        {
            var ack = (CacheRefreshed)await inbox.ReceiveAsync(timeout);
            Console.WriteLine($"{ack.Worker} refreshed its {ack.Cache} cache");
        }

        messenger.SendToOne(Topic, new RefreshCache("sessions", inbox.Receiver), WorkerRole);
        var one = (CacheRefreshed)await inbox.ReceiveAsync(timeout);
        Console.WriteLine($"one worker asked: {one.Worker} refreshed its {one.Cache} cache");
        return 0;
    }
    finally
    {
        // Closing its stdin ends a worker; kill it if it does not go.
        foreach (var worker in workers)
        {
            worker.StandardInput.Close();
        }

        foreach (var worker in workers)
        {
            if (!worker.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                worker.Kill(entireProcessTree: true);
            }

            worker.Dispose();
        }
    }
}

static Process StartWorker(Address seed, int number)
{
    var host = Environment.ProcessPath!;
    var start = new ProcessStartInfo(host)
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        UseShellExecute = false,
        Environment = { ["ACTORIPC_SEED"] = seed.ToString() },
    };

    // Run as "dotnet CacheRefresh.dll" or as the apphost, like this process.
    if (Path.GetFileNameWithoutExtension(host) == "dotnet")
    {
        start.ArgumentList.Add(typeof(CacheActor).Assembly.Location);
    }

    start.ArgumentList.Add("worker");
    start.ArgumentList.Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    return Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
}

// What a worker prints after READY (its warnings, if any) is read so that it never blocks on a full pipe.
static async Task DrainAsync(StreamReader output)
{
    while (await output.ReadLineAsync() is { } line)
    {
        Console.Error.WriteLine($"worker: {line}");
    }
}
