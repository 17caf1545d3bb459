using System.Diagnostics;
using ActorIpc;
using ActorIpc.Hosting;
using Akka.Actor;
using InvokerCallee;

// One program, two roles: without arguments it is the parent (the invoker), the cluster's seed,
// which starts a copy of itself with "worker" as the callee. The worker finds the seed in the
// ACTORIPC_SEED environment variable the parent sets for it, and registers its callee under
// Keys.Callee; the parent calls it by that key, without knowing where it lives.
return args is ["worker"] ? await RunWorkerAsync() : await RunParentAsync();

static NodeOptions Options() => new() { ConfigFile = Path.Combine(AppContext.BaseDirectory, "invoker-callee.conf") };

static async Task<int> RunWorkerAsync()
{
    await using var node = await ActorIpcNode.StartAsync(Options());
    Receptionist.Get(node.System).Register(Keys.Callee, node.System.ActorOf(Props.Create<Callee>(), "callee"));
    Console.WriteLine($"READY {node.Address}");

    // The worker lives as long as its parent: the parent holds the other end of stdin.
    await Console.In.ReadToEndAsync();
    return 0;
}

static async Task<int> RunParentAsync()
{
    await using var node = await ActorIpcNode.StartAsync(Options());
    using var worker = StartWorker(node.Address);
    try
    {
        var ready = await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))
            ?? throw new InvalidOperationException($"the worker exited with code {WaitForExitCode(worker)} before it was ready");
        var address = ready["READY ".Length..];
        Console.WriteLine($"worker {worker.Id} is ready at {address}");
        _ = DrainAsync(worker.StandardOutput);

        // Calls by key. The first waits, within the key's timeout, until this process has seen the
        // worker's registration; the callee's own exception comes back as itself.
        var invoker = Invoker.Get(node.System);
        Console.WriteLine($"sleep(1000) -> {await invoker.Ask<string>(Keys.Callee, new Sleep(1000))}");
        Console.WriteLine($"max(1, 2, 3) -> {await invoker.Ask<int>(Keys.Callee, new Max([1, 2, 3]))}");
        try
        {
            await invoker.Ask<string>(Keys.Callee, new Fail("the input file is corrupt"));
            Console.WriteLine("fail -> unexpectedly succeeded");
            return 1;
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"fail -> {e.GetType().Name}: {e.Message}");
        }

        return 0;
    }
    finally
    {
        // Closing its stdin ends the worker; kill it if it does not go.
        worker.StandardInput.Close();
        if (!worker.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            worker.Kill(entireProcessTree: true);
        }
    }
}

static Process StartWorker(Address seed)
{
    var host = Environment.ProcessPath!;
    var start = new ProcessStartInfo(host)
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        UseShellExecute = false,
        Environment = { ["ACTORIPC_SEED"] = seed.ToString() },
    };

    // Run as "dotnet InvokerCallee.dll" or as the apphost, like this process.
    if (Path.GetFileNameWithoutExtension(host) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Callee).Assembly.Location);
    }

    start.ArgumentList.Add("worker");
    return Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
}

static int WaitForExitCode(Process process)
{
    process.WaitForExit();
    return process.ExitCode;
}

// What the worker prints after READY (its warnings, if any) is read so that it never blocks on a full pipe.
static async Task DrainAsync(StreamReader output)
{
    while (await output.ReadLineAsync() is { } line)
    {
        Console.Error.WriteLine($"worker: {line}");
    }
}
