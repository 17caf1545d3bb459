using System.Diagnostics;
using ActorIpc;
using ActorIpc.Hocon;
using ActorIpc.Remote;
using InvokerCallee;

// One program, two roles: without arguments it is the parent (the invoker), which starts a
// copy of itself with "worker <socket-name>" as the callee.
return args is ["worker", var socketName] ? await RunWorkerAsync(socketName) : await RunParentAsync();

static Config Configuration(string socketName) =>
    ConfigFactory.ParseString($"actoripc.remote.unix.name = \"{socketName}\"", new ConfigParseOptions { Resolve = false })
        .WithFallback(ConfigFactory.ParseFile(Path.Combine(AppContext.BaseDirectory, "invoker-callee.conf"), new ConfigParseOptions { Resolve = false }));

static async Task<int> RunWorkerAsync(string socketName)
{
    await using var system = ActorSystem.Create("worker", Configuration(socketName));
    var remoting = await Remoting.StartAsync(system);
    system.ActorOf(Props.Create<Callee>(), "callee");
    Console.WriteLine($"READY {remoting.Address}");

    // The worker lives as long as its parent: the parent holds the other end of stdin.
    await Console.In.ReadToEndAsync();
    return 0;
}

static async Task<int> RunParentAsync()
{
    await using var system = ActorSystem.Create("parent", Configuration($"parent-{Environment.ProcessId}"));
    await Remoting.StartAsync(system);
    using var worker = StartWorker($"worker-{Environment.ProcessId}");
    try
    {
        var ready = await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? throw new InvalidOperationException("the worker exited before it was ready");
        var address = ready["READY ".Length..];
        Console.WriteLine($"worker {worker.Id} is ready at {address}");

        var callee = await system.ActorSelection($"{address}/user/callee").ResolveOne();
        Console.WriteLine($"sleep(1000) -> {await callee.Ask<string>(new Sleep(1000), TimeSpan.FromSeconds(5))}");
        Console.WriteLine($"max(1, 2, 3) -> {await callee.Ask<int>(new Max([1, 2, 3]), TimeSpan.FromSeconds(5))}");
        try
        {
            await callee.Ask<string>(new Fail("the input file is corrupt"), TimeSpan.FromSeconds(5));
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

static Process StartWorker(string socketName)
{
    var host = Environment.ProcessPath!;
    var start = new ProcessStartInfo(host)
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };

    // Run as "dotnet InvokerCallee.dll" or as the apphost, like this process.
    if (Path.GetFileNameWithoutExtension(host) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Callee).Assembly.Location);
    }

    start.ArgumentList.Add("worker");
    start.ArgumentList.Add(socketName);
    return Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
}
