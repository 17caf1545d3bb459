using System.Diagnostics;
using ActorIpc;
using ActorIpc.Hosting;
using PublishedObject;

// One program, two roles: without arguments it is the parent, the cluster's seed, which starts
// a copy of itself with "worker". The worker finds the seed in the ACTORIPC_SEED environment
// variable the parent sets for it, publishes a Calculator as ICalculator under "calculator", and
// the parent calls it through a proxy, as if it were a local object.
return args is ["worker"] ? await RunWorkerAsync() : await RunParentAsync();

static NodeOptions Options() => new() { ConfigFile = Path.Combine(AppContext.BaseDirectory, "published-object.conf") };

static async Task<int> RunWorkerAsync()
{
    await using var node = await ActorIpcNode.StartAsync(Options());
    await using var publication = PublishedObjects.Get(node.System).Publish<ICalculator>("calculator", new Calculator());
    Console.WriteLine($"READY {node.Address}");

    // The worker lives as long as its parent: the parent holds the other end of stdin.
    await Console.In.ReadToEndAsync();
    return 0;
}

static async Task<int> RunParentAsync()
{
    await using var node = await ActorIpcNode.StartAsync(Options());
    using var worker = StartWorker(node.Address.ToString());
    try
    {
        _ = await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))
            ?? throw new InvalidOperationException($"the worker exited with code {WaitForExitCode(worker)} before it was ready");
        Console.WriteLine("worker published ICalculator as 'calculator'");
        _ = DrainAsync(worker.StandardOutput);

        // Making the proxy sends nothing; each call waits (up to the name's timeout) for a publisher.
        var calculator = PublishedObjects.Get(node.System).GetProxy<ICalculator>("calculator");
        Console.WriteLine($"Add(2, 3) -> {await calculator.AddAsync(2, 3)}");
        Console.WriteLine($"Divide(10, 4) -> {await calculator.DivideAsync(10, 4)}");
        Console.WriteLine($"Summarize([4, 8, 15, 16, 23, 42]) -> {await calculator.SummarizeAsync([4, 8, 15, 16, 23, 42])}");
        Console.WriteLine($"runs in the worker's process -> {await calculator.ProcessIdAsync() == worker.Id}");
        try
        {
            await calculator.DivideAsync(1, 0);
            Console.WriteLine("Divide(1, 0) -> unexpectedly succeeded");
            return 1;
        }
        catch (DivideByZeroException e)
        {
            // The worker's exception, its type, message and stack intact.
            Console.WriteLine($"Divide(1, 0) -> {e.GetType().Name}: {e.Message}");
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

static Process StartWorker(string seed)
{
    var host = Environment.ProcessPath!;
    var start = new ProcessStartInfo(host)
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        UseShellExecute = false,
        Environment = { ["ACTORIPC_SEED"] = seed },
    };

    // Run as "dotnet PublishedObject.dll" or as the apphost, like this process.
    if (Path.GetFileNameWithoutExtension(host) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Calculator).Assembly.Location);
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
